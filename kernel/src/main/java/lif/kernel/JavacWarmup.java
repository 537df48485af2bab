package lif.kernel;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Compiles typical tutorial cells ({@code warmup.jsh}) up to {@value #MAX_ROUNDS} times over in a private JShell on a background
 * thread, while the kernel is idle, so that the JIT compiles javac's hot paths before the learner re-runs a
 * cell.
 *
 * <p>Why: the kernel compiles every statement with javac inside its own JVM. A fresh JVM runs javac
 * interpreted, about 30 ms per statement; once the JIT has compiled it, about 10 ms. Left to the learner's
 * own cells that takes a few hundred statements. javac's classes are shared by every JShell of the JVM, so a
 * private JShell warms them for the kernel's own.
 *
 * <p>It does not compete with the learner: it starts only once the rest of the kernel has been quiet for
 * {@value #QUIET_MILLIS} ms (other Java threads using under a tenth of a core, none ended) and the machine
 * too (other processes, such as the browser drawing a figure or another kernel, under a quarter of a core),
 * and before each snippet it checks again and waits while anything else ran (a cell, the start-up). So a cell usually meets
 * at most one warm-up snippet in flight (10-40 ms of the other core). It stays out of the way otherwise too:
 * the private JShell has its own class loader and variables and runs snippets on this thread
 * ({@link #newShell()}), the snippets print nothing (in-process, they would print into the learner's cell),
 * any failure just ends the warm-up, and the thread is a daemon. {@code LIF_KERNEL_WARMUP_SECONDS} bounds the
 * CPU time it may spend (default {@value #DEFAULT_SECONDS} s; 0 turns it off).
 */
public final class JavacWarmup {

    /** The environment variable of the CPU budget, s (named in the project's layout file). */
    public static final String SECONDS_VARIABLE = Layout.WARMUP_VARIABLE;

    public static final double DEFAULT_SECONDS = 25;
    /** Rounds over the warm-up cells (31 snippets each). */
    public static final int MAX_ROUNDS = 40;
    /** How long the rest of the kernel must have been quiet before a warm-up snippet runs. */
    public static final long QUIET_MILLIS = 200;
    /** Gives up waiting for a quiet kernel after this long. */
    static final long MAX_WAIT_NANOS = TimeUnit.MINUTES.toNanos(30);

    private static final long POLL_MILLIS = 20;
    /** Other processes busy beyond this many cores keep the warm-up waiting. */
    static final double OTHERS_MAX_CORES = 0.25;

    private final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    private final OperatingSystemMXBean machine = machine();
    /** This process's CPU time and the wall clock at the last {@link #othersBusyCores()}, ns. */
    private long lastProcessCpu = -1;

    private long lastMachineCheck;
    /** CPU time of each other thread at the last check, ns. */
    private Map<Long, Long> lastCpu = new HashMap<>();

    private long lastCheck;

    private final double seconds;
    private final int rounds;
    private final List<String> classpath;
    private final String initScript;
    private volatile int roundsDone;
    private volatile int snippetsDone;
    private volatile Throwable failure;
    /**
     * Runs once: when the kernel's start-up is over and it is quiet, or when the warm-up is off, gives up waiting
     * or fails.
     */
    private Runnable whenQuiet = () -> {};

    private final AtomicBoolean quietReached = new AtomicBoolean();

    JavacWarmup(double seconds, int rounds, List<String> classpath, String initScript) {
        this.seconds = seconds;
        this.rounds = rounds;
        this.classpath = List.copyOf(classpath);
        this.initScript = initScript;
    }

    /**
     * The warm-up for a kernel with this classpath and start-up script (the kernel's own), its CPU budget from
     * {@link #SECONDS_VARIABLE} in {@code env}.
     */
    public static JavacWarmup fromEnvironment(Map<String, String> env, List<String> classpath, String initScript) {
        double seconds = DEFAULT_SECONDS;
        String s = env.get(SECONDS_VARIABLE);
        if (s != null && !s.isBlank()) {
            try {
                seconds = Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                seconds = DEFAULT_SECONDS;
            }
        }
        return new JavacWarmup(seconds, MAX_ROUNDS, classpath, initScript == null ? "" : initScript);
    }

    /** The same warm-up, ending after {@code rounds} rounds at most (tests). */
    JavacWarmup withRounds(int rounds) {
        return new JavacWarmup(seconds, rounds, classpath, initScript);
    }

    /**
     * Other idle-time work: {@code action} runs on the warm-up's thread once the kernel's start-up is over and it
     * is quiet, before the first warm-up snippet; at once where the warm-up is off; where the warm-up gives up
     * waiting (after {@link #MAX_WAIT_NANOS}) or fails, then; in any case once.
     */
    JavacWarmup whenQuiet(Runnable action) {
        this.whenQuiet = action;
        return this;
    }

    private void reachedQuiet() {
        if (quietReached.compareAndSet(false, true)) {
            whenQuiet.run();
        }
    }

    /** Starts the daemon thread (nothing when the time budget is 0 or less); returns it, or null. */
    public Thread start() {
        if (!(seconds > 0)) {
            reachedQuiet();
            return null;
        }
        Thread t = new Thread(this::runQuietly, "lif-javac-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return t;
    }

    /** Rounds completed over the warm-up cells. */
    public int roundsDone() {
        return roundsDone;
    }

    /** Snippets evaluated so far. */
    public int snippetsDone() {
        return snippetsDone;
    }

    /** What stopped the warm-up early, or null. */
    public Throwable failure() {
        return failure;
    }

    void runQuietly() {
        try {
            run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            failure = e;
        } finally {
            reachedQuiet(); // also where the warm-up could not tell or gave up
        }
    }

    void run() throws IOException, InterruptedException {
        if (!cpu.isThreadCpuTimeSupported()) {
            return; // cannot tell when the kernel is idle: better not run at all
        }
        if (!cpu.isThreadCpuTimeEnabled()) {
            cpu.setThreadCpuTimeEnabled(true);
        }
        long budget = (long) (seconds * 1e9);
        long ownStart = cpu.getCurrentThreadCpuTime();
        List<String> cells = cells();
        if (!awaitQuiet(true)) { // the kernel's start-up first, fully
            return;
        }
        reachedQuiet();
        // before each step: within the CPU budget, and the rest of the kernel quiet (waits for it); once false, stays
        // false
        boolean[] stopped = {false};
        BooleanSupplier next = () -> {
            if (!stopped[0]) {
                stopped[0] = cpu.getCurrentThreadCpuTime() - ownStart >= budget || !awaitQuietQuietly();
            }
            return !stopped[0];
        };
        try (JShell shell = newShell()) {
            if (!next.getAsBoolean()) {
                return;
            }
            if (!classpath.isEmpty()) {
                shell.addToClasspath(String.join(java.io.File.pathSeparator, classpath));
            }
            evalCell(shell, initScript, next);
            // forgets compiled classes as the kernel does: else each of ~1,200 snippets would enter all earlier ones
            JShellClassHistory history = JShellClassHistory.of(shell, nowhere());
            for (int round = 0; round < rounds && !stopped[0]; round++) {
                for (String cell : cells) {
                    evalCell(shell, cell, () -> {
                        boolean go = next.getAsBoolean();
                        if (go) {
                            snippetsDone++;
                        }
                        return go;
                    });
                    if (history != null) {
                        history.forgetUnused();
                    }
                }
                if (!stopped[0]) {
                    roundsDone = round + 1;
                }
            }
        }
    }

    /**
     * A JShell that runs snippets on the calling thread ({@link DirectExecutionControl}). Not the "local"
     * engine: that one starts a thread per snippet and installs a JVM-wide default uncaught-exception handler
     * that would hide crashes of every other thread of the kernel. The builder's out/err streams do not apply
     * to in-process execution: a snippet printing would print into the learner's current cell, so none does.
     */
    static JShell newShell() {
        ExecutionControlProvider direct = new ExecutionControlProvider() {
            @Override
            public String name() {
                return "lif-warmup-direct";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return new DirectExecutionControl();
            }
        };
        PrintStream nowhere = nowhere();
        return JShell.builder()
                .executionEngine(direct, Map.of())
                .in(InputStream.nullInputStream())
                .out(nowhere)
                .err(nowhere)
                .build();
    }

    private static PrintStream nowhere() {
        return new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    }

    private boolean awaitQuietQuietly() {
        try {
            return awaitQuiet(false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Returns at once if the other threads (and other processes) were quiet since the last check (unless
     * {@code fresh}), else waits until they have been quiet for {@value #QUIET_MILLIS} ms in a row; false if
     * that never happened within {@link #MAX_WAIT_NANOS}.
     */
    boolean awaitQuiet(boolean fresh) throws InterruptedException {
        long waitStart = System.nanoTime();
        if (!fresh
                && quiet()
                && (System.nanoTime() - lastMachineCheck < TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS)
                        || othersBusyCores() < OTHERS_MAX_CORES)) {
            return true; // the machine is judged at most every QUIET_MILLIS: /proc/stat's ticks are 10 ms
        }
        if (fresh) {
            quiet(); // a baseline for the next check
        }
        long quietSince = -1;
        while (System.nanoTime() - waitStart < MAX_WAIT_NANOS) {
            Thread.sleep(POLL_MILLIS);
            if (!quiet()) {
                quietSince = -1;
            } else if (quietSince < 0) {
                quietSince = System.nanoTime();
                othersBusyCores(); // the machine is judged over the same stretch
            } else if (System.nanoTime() - quietSince >= TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS)) {
                if (othersBusyCores() < OTHERS_MAX_CORES) {
                    return true;
                }
                quietSince = -1;
            }
        }
        return false;
    }

    /**
     * Cores used by other processes since the last call (the machine's, or its container's, CPU use minus this
     * process's own); 0 when the JVM cannot tell, or on the first call. /proc/stat counts in 10 ms ticks, so a
     * stretch of {@value #QUIET_MILLIS} ms reads to about 0.05 core.
     */
    double othersBusyCores() {
        if (machine == null) {
            return 0;
        }
        long now = System.nanoTime();
        long processCpu = machine.getProcessCpuTime();
        double load = machine.getCpuLoad(); // since the previous call, 0..1 of all cores; negative: unknown
        double others = 0;
        if (lastProcessCpu >= 0 && load >= 0 && processCpu >= 0 && now > lastMachineCheck) {
            double own = (double) (processCpu - lastProcessCpu) / (now - lastMachineCheck);
            others = Math.max(0, load * Runtime.getRuntime().availableProcessors() - own);
        }
        lastProcessCpu = processCpu;
        lastMachineCheck = now;
        return others;
    }

    private static OperatingSystemMXBean machine() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os ? os : null;
    }

    /**
     * Did the other Java threads use less than a tenth of a core since the last call? Per thread: the CPU
     * time it added; a thread that ended since counts as busy (its work is no longer visible), and so does the
     * first call. JIT and GC threads are not Java threads: they are not counted.
     */
    private boolean quiet() {
        long self = Thread.currentThread().getId();
        long now = System.nanoTime();
        long used = 0;
        boolean ended = false;
        Map<Long, Long> seen = new HashMap<>();
        for (long id : cpu.getAllThreadIds()) {
            if (id == self) {
                continue;
            }
            long t = cpu.getThreadCpuTime(id);
            if (t < 0) {
                continue; // ended meanwhile
            }
            seen.put(id, t);
            Long before = lastCpu.get(id);
            used += before == null ? t : Math.max(0, t - before); // a new thread: all of its time is new
        }
        for (Long id : lastCpu.keySet()) {
            if (!seen.containsKey(id)) {
                ended = true;
            }
        }
        boolean quiet = lastCheck != 0 && !ended && used * 10 < now - lastCheck;
        lastCpu = seen;
        lastCheck = now;
        return quiet;
    }

    /**
     * Splits a cell into snippets the way the kernel does ({@link Snippets}), evaluates them and returns what
     * went wrong (rejected snippets, exceptions), which the warm-up ignores and the tests assert empty.
     */
    static List<String> evalCell(JShell shell, String cell) {
        return evalCell(shell, cell, () -> true);
    }

    /** As {@link #evalCell(JShell, String)}, asking {@code next} before each snippet (false: stop). */
    static List<String> evalCell(JShell shell, String cell, BooleanSupplier next) {
        List<String> problems = new ArrayList<>();
        for (Snippets.Piece piece : Snippets.split(shell.sourceCodeAnalysis(), cell)) {
            if (!next.getAsBoolean()) {
                break;
            }
            if (!piece.isComplete()) {
                problems.add("incomplete: " + piece.source().strip());
                break;
            }
            for (SnippetEvent e : shell.eval(piece.source())) {
                if (e.status() == Snippet.Status.REJECTED) {
                    problems.add("rejected: " + piece.source().strip() + " "
                            + shell.diagnostics(e.snippet())
                                    .map(d -> d.getMessage(Locale.ROOT))
                                    .toList());
                }
                if (e.exception() != null) {
                    problems.add(
                            "threw " + e.exception() + ": " + piece.source().strip());
                }
            }
        }
        return problems;
    }

    /** The warm-up cells: {@code warmup.jsh}, split at lines {@code //// cell}. */
    static List<String> cells() throws IOException {
        try (InputStream in = JavacWarmup.class.getResourceAsStream("warmup.jsh")) {
            if (in == null) {
                throw new IOException("warmup.jsh is missing from the kernel jar");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> cells = new ArrayList<>();
            for (String cell : text.split("(?m)^//// cell.*$")) {
                if (!cell.isBlank()) {
                    cells.add(cell);
                }
            }
            return cells;
        }
    }
}
