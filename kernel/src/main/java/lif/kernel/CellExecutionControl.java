package lif.kernel;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Runs the learner's snippets in the kernel's JVM, one after the other on a thread of the cell's
 * {@link CellThreads}, and stops them on an interrupt.
 *
 * <p>Loading: every class JShell compiles from a snippet gets stop checks ({@link StopChecks}) before it is
 * defined. Stopping ({@link #stopCell()}): the cell's checks start throwing ({@link CellStop}), so every loop
 * of the learner's code ends at its next round, in the cell's threads and in the common pool's workers; and
 * those threads are interrupted, which ends {@code Thread.sleep}, {@code wait}, blocking I/O and the library's
 * long loops (they check {@link Thread#isInterrupted()}). A snippet still running {@value #STOP_WAIT_MILLIS}
 * ms after the stop is stuck where neither reaches (a JDK method that never returns): the cell then ends
 * anyway and says so ({@link #stuckIn()}).
 *
 * <p>Values of expressions are kept as objects (not strings), so the kernel can render figures:
 * {@link #take(String)} turns JShell's value string back into the object.
 */
final class CellExecutionControl extends DirectExecutionControl {

    /** Time a stopped snippet gets to unwind before the cell is given up, ms. */
    static final long STOP_WAIT_MILLIS = 700;

    private static final String KEY_PREFIX = "\u0000lif-value:";

    private final SnippetLoader loader;
    private final PrintStream log;
    private final Map<String, Object> values = new ConcurrentHashMap<>();
    private final AtomicLong nextKey = new AtomicLong();

    /** The cell whose snippets run now, else the last one (its threads may still run). */
    private volatile CellThreads cell;
    /** The thread running the current cell's snippets, or null (used by the evaluating thread only). */
    private SnippetThread runner;
    /** Starts each cell's snippet thread. */
    private final ExecutorService starter = Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "lif-cell-starter");
        t.setDaemon(true);
        return t;
    });

    private volatile String stuckIn;
    private volatile Throwable lastThrown;
    private volatile boolean instrumentationFailed;

    /** Nanoseconds spent loading (with stop checks) and running snippets since {@link #beginCell}. */
    private long loadNanos;

    private long runNanos;

    CellExecutionControl(SnippetLoader loader, PrintStream log) {
        super(loader);
        this.loader = loader;
        this.log = log;
    }

    /**
     * Starts a cell: its snippets run in {@code threads}, on a thread that {@link #starter} starts now, while JShell
     * compiles the first snippet (Thread.start waits for the new thread: started where the first snippet runs, it
     * cost about 0.7 ms of every cell's round trip).
     */
    void beginCell(CellThreads threads) throws InterruptedException {
        endCell(); // the last cell's thread, if it was not ended (insurance: Evaluator.run always ends it)
        CellStop.settle();
        threads.begin();
        this.cell = threads;
        runner = new SnippetThread(threads, loader.classLoader()); // made here: daemon and priority as this thread's
        runner.startOn(starter);
        this.stuckIn = null;
        this.lastThrown = null;
        this.loadNanos = 0;
        this.runNanos = 0;
        values.clear();
    }

    /** The exception the last failing snippet threw, as thrown (JShell keeps only its text). */
    Throwable lastThrown() {
        return lastThrown;
    }

    /** Where the last stopped snippet's thread was stuck when the cell was given up, or null. */
    String stuckIn() {
        return stuckIn;
    }

    long loadNanos() {
        return loadNanos;
    }

    long runNanos() {
        return runNanos;
    }

    /** The object behind a value string of a snippet event, or {@code value} itself if it is not one. */
    Object take(String value) {
        if (value != null && value.startsWith(KEY_PREFIX)) {
            return values.remove(value);
        }
        return value;
    }

    @Override
    public void load(ClassBytecodes[] cbcs)
            throws ClassInstallException, NotImplementedException, EngineTerminationException {
        long t0 = System.nanoTime();
        ClassBytecodes[] checked = new ClassBytecodes[cbcs.length];
        for (int i = 0; i < cbcs.length; i++) {
            checked[i] = new ClassBytecodes(cbcs[i].name(), withStopChecks(cbcs[i]));
        }
        super.load(checked);
        loadNanos += System.nanoTime() - t0;
    }

    private byte[] withStopChecks(ClassBytecodes c) {
        try {
            return StopChecks.insert(c.bytecodes());
        } catch (RuntimeException e) {
            if (!instrumentationFailed) {
                instrumentationFailed = true;
                log.println("lif-kernel: cannot insert stop checks into " + c.name() + " (" + e
                        + "); an interrupt stops only what Thread.interrupt reaches on this JDK");
            }
            return c.bytecodes();
        }
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        CellThreads threads = cell;
        if (threads == null || threads.stopRequested()) {
            throw new StoppedException();
        }
        long t0 = System.nanoTime();
        SnippetThread t = runner;
        if (t == null || t.cell != threads) { // defensive: beginCell made it, and only a stop takes it away
            throw new StoppedException();
        }
        SnippetRun run = new SnippetRun(doitMethod);
        t.work.add(run);
        if (!awaitEnd(run, t, threads)) {
            runner = null; // stuck after a stop: the cell ends, the thread too if it ever returns
            t.work.add(SnippetThread.END);
        }
        runNanos += System.nanoTime() - t0;
        if (threads.stopRequested()) {
            throw new StoppedException();
        }
        if (run.thrown != null) {
            throw new InvocationTargetException(run.thrown);
        }
        String key = KEY_PREFIX + nextKey.incrementAndGet();
        if (run.result != null) {
            values.put(key, run.result);
        }
        return key;
    }

    /** Ends the cell's snippet thread after the cell's last snippet (called by the evaluating thread). */
    void endCell() throws InterruptedException {
        SnippetThread t = runner;
        runner = null;
        if (t != null) {
            t.work.add(SnippetThread.END);
            if (t.cell.stopRequested()) {
                t.join(100); // idle, it ends at once: the stopped cell then has no thread left (CellStop.settle)
            }
        }
    }

    /**
     * Waits for the snippet to end; once the cell is being stopped, at most {@value #STOP_WAIT_MILLIS} ms more,
     * in all, for it and for the common pool's workers to unwind. False if the snippet was given up.
     */
    private boolean awaitEnd(SnippetRun run, SnippetThread t, CellThreads threads) throws InterruptedException {
        long until = 0; // once the stop is seen: when waiting ends
        while (!run.done.await(20, TimeUnit.MILLISECONDS)) {
            if (t.notStarted != null) {
                run.thrown = t.notStarted;
                return true;
            }
            if (t.getState() == Thread.State.TERMINATED && run.done.getCount() > 0) { // ended outside a snippet
                run.thrown = new IllegalStateException("the thread running the cell ended unexpectedly");
                return true;
            }
            if (!threads.stopRequested()) {
                continue;
            }
            if (until == 0) {
                until = System.nanoTime() + STOP_WAIT_MILLIS * 1_000_000;
            } else if (System.nanoTime() > until) {
                StackTraceElement[] at = t.getStackTrace();
                stuckIn = at.length == 0
                        ? "an unknown place"
                        : at[0].getClassName() + "." + at[0].getMethodName() + "(" + at[0].getFileName() + ":"
                                + at[0].getLineNumber() + ")";
                return false;
            }
        }
        if (threads.stopRequested()) {
            if (until == 0) {
                until = System.nanoTime() + STOP_WAIT_MILLIS * 1_000_000;
            }
            while (!ForkJoinPool.commonPool().isQuiescent() && System.nanoTime() < until) {
                Thread.sleep(5);
            }
        }
        return true;
    }

    /** One snippet's run: its {@code do_it$} method, then what it returned or threw. */
    private static final class SnippetRun implements Runnable {
        final Method doit;
        final CountDownLatch done = new CountDownLatch(1);
        volatile Object result;
        volatile Throwable thrown;

        SnippetRun(Method doit) {
            this.doit = doit;
        }

        /** Ends it unrun, as stopped. */
        void refuse() {
            thrown = new CellStop.Stopped();
            done.countDown();
        }

        @Override
        public void run() {
            try {
                result = doit.invoke(null);
            } catch (InvocationTargetException e) {
                thrown = e.getCause();
            } catch (Throwable e) {
                thrown = e;
            } finally {
                done.countDown();
            }
        }
    }

    /**
     * Runs one cell's snippets one after the other, in the cell's thread group. One thread per cell, not one
     * per snippet: starting and joining a thread took about 0.8 ms here, a fifth of a short snippet's round trip.
     * Started with the cell ({@link #beginCell}), ended after it ({@link #endCell}).
     */
    private static final class SnippetThread extends Thread {
        static final Runnable END = () -> {};

        final CellThreads cell;
        final BlockingQueue<Runnable> work = new LinkedBlockingQueue<>();
        /** Why it could not be started (no memory for another thread), else null. */
        volatile Throwable notStarted;

        SnippetThread(CellThreads cell, ClassLoader loader) {
            super(cell, null, "cell-" + cell.executionCount);
            this.cell = cell;
            setContextClassLoader(loader);
        }

        /** Starts it on {@code executor}; snippets may be queued meanwhile. */
        void startOn(Executor executor) {
            executor.execute(() -> {
                try {
                    start();
                } catch (Throwable e) {
                    notStarted = e;
                }
            });
        }

        @Override
        public void run() {
            while (true) {
                Runnable next;
                try {
                    next = work.take();
                } catch (InterruptedException e) {
                    continue; // an interrupt between snippets: the evaluating thread sees the stop itself
                }
                if (next == END) {
                    return;
                }
                if (cell.stopRequested() && next instanceof SnippetRun) {
                    ((SnippetRun) next).refuse(); // queued before the stop (which this thread may have missed)
                    continue;
                }
                Thread.interrupted(); // an interrupt meant for the snippet before does not reach this one
                next.run();
            }
        }
    }

    @Override
    protected String throwConvertedInvocationException(Throwable cause) throws RunException, InternalException {
        lastThrown = cause;
        return super.throwConvertedInvocationException(cause);
    }

    @Override
    public String varValue(String className, String varName)
            throws RunException, EngineTerminationException, InternalException {
        try {
            java.lang.reflect.Field f = findClass(className).getDeclaredField(varName);
            f.setAccessible(true);
            Object v = f.get(null);
            String key = KEY_PREFIX + nextKey.incrementAndGet();
            if (v != null) {
                values.put(key, v);
            }
            return key;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new InternalException(e.toString());
        }
    }

    /** JShell closing: the starter and an idle snippet thread end. */
    @Override
    public void close() {
        SnippetThread t = runner;
        runner = null;
        if (t != null) {
            t.work.add(SnippetThread.END);
        }
        starter.shutdown();
        super.close();
    }

    /** JShell's own stop request: the same as an interrupt. */
    @Override
    public void stop() {
        stopCell();
    }

    /**
     * Stops the running cell, or the threads the last one left running (called on the control channel's
     * thread; returns at once, the shell thread waits for the cell to end).
     */
    void stopCell() {
        CellThreads threads = cell;
        if (threads == null) {
            return;
        }
        CellStop.stop(threads);
        threads.threads().forEach(Thread::interrupt);
        if (!ForkJoinPool.commonPool().isQuiescent()) {
            CellThreads.commonPoolWorkers().forEach(Thread::interrupt); // a parallel stream's task may sleep or wait
        }
    }

    /** Provider for {@code JShell.builder().executionEngine(...)}: hands out this one instance. */
    static ExecutionControlProvider provider(CellExecutionControl control) {
        return new ExecutionControlProvider() {
            @Override
            public String name() {
                return "lif-cell";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return control;
            }
        };
    }
}
