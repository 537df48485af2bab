package lif.kernel;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Runs the learner's snippets in the kernel's JVM, each on a fresh thread of the cell's {@link CellThreads},
 * and stops them on an interrupt.
 *
 * <p>Stopping: first every thread of the cell is interrupted (ends {@code Thread.sleep}, {@code wait}, blocking
 * I/O); if the snippet still runs after {@value #GRACE_MILLIS} ms, its threads are stopped with
 * {@code Thread.stop} (Java 17 to 19). From Java 20 on {@code Thread.stop} is gone: a busy loop then cannot be
 * stopped from outside, so the cell ends with a message that asks for a kernel restart and the thread is left
 * behind (see kernel/README.md).
 *
 * <p>Values of expressions are kept as objects (not strings), so the kernel can render figures:
 * {@link #take(String)} turns JShell's value string back into the object.
 */
final class CellExecutionControl extends DirectExecutionControl {

    /** Time an interrupted snippet gets to end by itself before its threads are stopped, ms. */
    static final long GRACE_MILLIS = 150;
    /** Time a stopped snippet gets to unwind before the cell is given up, ms. */
    static final long STOP_WAIT_MILLIS = 600;

    private static final String KEY_PREFIX = "\u0000lif-value:";

    private final SnippetLoader loader;
    private final Map<String, Object> values = new ConcurrentHashMap<>();
    private final AtomicLong nextKey = new AtomicLong();

    private volatile CellThreads cell;
    private volatile Thread running;
    private volatile boolean abandoned;
    private volatile Throwable lastThrown;

    CellExecutionControl(SnippetLoader loader) {
        super(loader);
        this.loader = loader;
    }

    /** Starts a cell: its snippets run in {@code threads}. */
    void beginCell(CellThreads threads) {
        this.cell = threads;
        this.abandoned = false;
        this.lastThrown = null;
        values.clear();
    }

    /** The exception the last failing snippet threw, as thrown (JShell keeps only its text). */
    Throwable lastThrown() {
        return lastThrown;
    }

    /** True when the last interrupt could not end the cell's thread (Java 20+ busy loop). */
    boolean abandoned() {
        return abandoned;
    }

    /** The object behind a value string of a snippet event, or {@code value} itself if it is not one. */
    Object take(String value) {
        if (value != null && value.startsWith(KEY_PREFIX)) {
            return values.remove(value);
        }
        return value;
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        CellThreads threads = cell;
        if (threads == null || threads.stopRequested()) {
            throw new StoppedException();
        }
        Object[] result = new Object[1];
        Throwable[] thrown = new Throwable[1];
        Thread t = new Thread(
                threads,
                () -> {
                    try {
                        result[0] = doitMethod.invoke(null);
                    } catch (InvocationTargetException e) {
                        thrown[0] = e.getCause();
                    } catch (Throwable e) {
                        thrown[0] = e;
                    }
                },
                "cell-" + threads.executionCount);
        t.setContextClassLoader(loader.classLoader());
        running = t;
        try {
            t.start();
            while (t.isAlive() && !abandoned) {
                t.join(50);
            }
        } finally {
            running = null;
        }
        if (threads.stopRequested() || abandoned) {
            throw new StoppedException();
        }
        if (thrown[0] != null) {
            throw new InvocationTargetException(thrown[0]);
        }
        String key = KEY_PREFIX + nextKey.incrementAndGet();
        if (result[0] != null) {
            values.put(key, result[0]);
        }
        return key;
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

    /** JShell's own stop request: the same as an interrupt. */
    @Override
    public void stop() {
        stopCell();
    }

    /** How an interrupt ended a cell. */
    enum Stop {
        IDLE,
        INTERRUPTED,
        STOPPED,
        CANNOT_STOP
    }

    /** Stops the running cell and the threads it started (called on the control channel's thread). */
    @SuppressWarnings({"deprecation", "removal"})
    Stop stopCell() {
        CellThreads threads = cell;
        if (threads == null) {
            return Stop.IDLE;
        }
        threads.requestStop();
        Thread main = running;
        List<Thread> all = threads.threads();
        if (main == null && all.isEmpty()) {
            return Stop.IDLE;
        }
        all.forEach(Thread::interrupt);
        if (main != null && joined(main, GRACE_MILLIS) && threads.threads().isEmpty()) {
            return Stop.INTERRUPTED;
        }
        boolean unsupported = false;
        for (Thread t : threads.threads()) {
            try {
                t.stop();
            } catch (UnsupportedOperationException e) {
                unsupported = true;
            }
        }
        if (!unsupported && (main == null || joined(main, STOP_WAIT_MILLIS))) {
            return Stop.STOPPED;
        }
        abandoned = true;
        return Stop.CANNOT_STOP;
    }

    /** Forgets the cell once it has ended (its leftover threads stay stoppable until the next cell). */
    void endCell() {
        running = null;
    }

    private static boolean joined(Thread t, long millis) {
        try {
            t.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !t.isAlive();
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
