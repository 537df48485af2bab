package lif.kernel;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/**
 * Entry point of the "Java (LIF tutorial)" kernel: {@code java -cp ... lif.kernel.KernelMain CONNECTION_FILE}.
 *
 * <p>Environment (set by the kernelspec that {@code bin/install-kernel} writes; their names are in the project's
 * layout file, {@link Layout}): the notebook classpath ({@link Layout#CLASSPATH_VARIABLE}, entries separated by
 * the platform's path separator), a file of imports run before the first cell ({@link Layout#INIT_VARIABLE}),
 * the CPU budget of the background javac warm-up ({@link Layout#WARMUP_VARIABLE}).
 */
public final class KernelMain {

    private KernelMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals(TRAIN)) {
            train();
            return;
        }
        if (args.length != 1) {
            System.err.println("usage: java lif.kernel.KernelMain CONNECTION_FILE");
            System.exit(2);
        }
        Map<String, String> env = System.getenv();
        StandardStreams streams = StandardStreams.install();
        List<String> classpath = classpath(env.get(Layout.CLASSPATH_VARIABLE));
        List<String> compileFirst = compileClasspath(env, classpath);
        String init = readInit(env.get(Layout.INIT_VARIABLE), streams.log());

        // JShell starts first, on a thread of its own (its first compile is the longest step of a start); the
        // kernel answers Jupyter meanwhile, and the first cell waits for JShell
        CompletableFuture<Evaluator> evaluator = new CompletableFuture<>();
        CompletableFuture<LifKernel> created = new CompletableFuture<>();
        boolean timing = env.containsKey("LIF_KERNEL_TIMING");
        long t0 = System.nanoTime();
        Thread starter = new Thread(
                () -> {
                    try {
                        Evaluator ev = Evaluator.create(classpath, compileFirst, streams.log());
                        long t1 = System.nanoTime();
                        for (String line : ev.init(init)) {
                            streams.log().println("lif-kernel: start-up script: " + line);
                        }
                        long t2 = System.nanoTime();
                        created.join().installExtensions(ev);
                        evaluator.complete(ev);
                        if (timing) {
                            streams.log()
                                    .printf(
                                            "lif-kernel: JVM up %d ms, JShell %d ms, imports %d ms, extensions %d ms%n",
                                            java.lang.management.ManagementFactory.getRuntimeMXBean()
                                                            .getUptime()
                                                    - (System.nanoTime() - t0) / 1_000_000,
                                            (t1 - t0) / 1_000_000,
                                            (t2 - t1) / 1_000_000,
                                            (System.nanoTime() - t2) / 1_000_000);
                        }
                    } catch (Throwable t) {
                        streams.log().println("lif-kernel: JShell did not start: " + t);
                        evaluator.completeExceptionally(t);
                    }
                },
                "lif-jshell-start");
        starter.setDaemon(true); // never what keeps the JVM alive: main ends the kernel with System.exit
        starter.start();
        Thread asm = new Thread(StopChecks::warmUp, "lif-asm-warmup"); // beside JShell's start, on the other core
        asm.setDaemon(true);
        asm.start();

        LifKernel kernel;
        try {
            kernel = LifKernel.create(evaluator, streams);
        } catch (RuntimeException | Error e) {
            created.completeExceptionally(e);
            throw e;
        }
        created.complete(kernel);
        KernelConnectionProperties props =
                KernelConnectionProperties.parse(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));

        // the sockets (and jeromq's classes) after JShell's start began, which takes longest
        Jjava10a6Workarounds.Connection connection = new Jjava10a6Workarounds.Connection(props, streams.log());

        kernel.becomeHandlerForConnection(connection); // every handler before the sockets open: no start-up race
        kernel.onStartup();
        connection.connect();

        installSigint(kernel, streams);
        ParentWatch.start(env.get("JPY_PARENT_PID"), () -> {
            streams.log().println("lif-kernel: the Jupyter process that started this kernel is gone; exiting");
            Runtime.getRuntime().halt(0);
        });
        evaluator.thenAccept(ev -> JavacWarmup.fromEnvironment(env, classpath, init)
                .whenQuiet(ev::releaseClassIndex) // JShell's class index too waits for the idle kernel
                .start());

        connection.waitUntilClose();
        System.exit(0); // cell threads left running must not keep the JVM alive
    }

    /** Argument of the class-data training run that {@code bin/install-kernel} makes (see kernel/README.md). */
    public static final String TRAIN = "--train-class-data";

    /** A connection file for the training run's sockets, which are never bound. */
    private static final String TRAINING_CONNECTION = "{\"transport\": \"tcp\", \"ip\": \"127.0.0.1\","
            + " \"shell_port\": 1, \"control_port\": 2, \"stdin_port\": 3, \"hb_port\": 4, \"iopub_port\": 5,"
            + " \"signature_scheme\": \"hmac-sha256\", \"key\": \"training\"}";

    /**
     * Runs what a kernel start and a first few cells load (the kernel and its sockets, JShell, javac, the imports,
     * the warm-up cells, a figure's rendering), then exits: run with {@code -XX:AOTCacheOutput} (Java 25+) or
     * {@code -XX:ArchiveClassesAtExit}, it writes the AOT cache or class-data archive that later starts map instead
     * of loading and verifying those classes again ({@code bin/install-kernel}).
     */
    static void train() throws Exception {
        Map<String, String> env = System.getenv();
        List<String> classpath = classpath(env.get(Layout.CLASSPATH_VARIABLE));
        List<String> compileFirst = compileClasspath(env, classpath);
        String init = readInit(env.get(Layout.INIT_VARIABLE), System.err);
        try {
            // the protocol side of a start: the kernel and its sockets (made, never bound)
            LifKernel.create(new CompletableFuture<>(), new StandardStreams(System.err));
            new Jjava10a6Workarounds.Connection(KernelConnectionProperties.parse(TRAINING_CONNECTION), System.err)
                    .close();
        } catch (Exception | LinkageError e) {
            System.err.println("lif-kernel: class-data training left out the protocol: " + e);
        }
        // not closed: closing lets JShell's class index be made, which would race the archive's dump at exit (the
        // kernel makes the index only when idle, after its start)
        Evaluator ev = Evaluator.create(classpath, compileFirst, System.err);
        ev.init(init);
        for (String cell : JavacWarmup.cells()) {
            ev.run(cell, 1, CellThreads.quiet(1));
        }
        System.exit(0);
    }

    /** Ctrl-C from a terminal client, or a signal-mode interrupt, stops the cell instead of the JVM. */
    private static void installSigint(LifKernel kernel, StandardStreams streams) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), s -> kernel.interrupt());
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            streams.log().println("lif-kernel: SIGINT not handled: " + e);
        }
    }

    /** The notebook classpath plus this kernel's jar (for {@link Notebook}). */
    static List<String> classpath(String variable) {
        List<String> cp = new ArrayList<>();
        if (variable != null) {
            for (String entry : variable.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    cp.add(entry.trim());
                }
            }
        }
        try {
            Path own = Path.of(KernelMain.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            cp.add(own.toString());
        } catch (URISyntaxException | RuntimeException e) {
            // running from an unusual location: Notebook is then not available to cells
        }
        return cp;
    }

    /**
     * What javac sees from the start: {@link Layout#COMPILE_CLASSPATH_VARIABLE} plus this kernel's jar, or the whole
     * {@code classpath} where that variable is not set.
     */
    static List<String> compileClasspath(Map<String, String> env, List<String> classpath) {
        String variable = env.get(Layout.COMPILE_CLASSPATH_VARIABLE);
        return variable == null || variable.isBlank() ? classpath : classpath(variable);
    }

    private static String readInit(String path, java.io.PrintStream log) {
        if (path == null || path.isBlank()) {
            return "";
        }
        try {
            return Files.readString(Path.of(path), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            log.println("lif-kernel: cannot read " + Layout.INIT_VARIABLE + "=" + path + ": " + e);
            return "";
        }
    }
}
