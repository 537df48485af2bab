package lif.kernel;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;

/**
 * JShell by itself, without the kernel: the floor under the kernel's start and round trip. A report's baseline
 * ({@code liftests.kernel.latency} runs it with the kernelspec's java, JVM options, class-data archive and
 * classpath), not a test.
 *
 * <p>{@code JShellAlone SETTLE WARMUP REPEAT FIRST CELL...}: JShell made as the javac warm-up makes its own (snippets
 * run on this thread), the part of the notebook classpath the kernel's javac sees from the start and {@code init.jsh} from the kernelspec's environment and the kernel's
 * hidden set-up, then the cell FIRST once, then, if SETTLE is {@code settled}, the kernel's idle javac warm-up as
 * it runs while a learner reads ({@link JavacWarmup}, its default budget, on this thread), then WARMUP rounds of the cells and REPEAT
 * timed rounds. Each cell is
 * cut and evaluated as the kernel does: expression variables dropped, classes no later snippet needs forgotten
 * ({@link JShellClassHistory}). What is left out is the kernel: its messages, the cell's threads, output and stop
 * checks. Prints one line of JSON: JVM start to {@code main}, making JShell, the imports, the first cell, and each
 * cell's median, ms.
 */
public final class JShellAlone {

    private JShellAlone() {}

    public static void main(String[] args) throws Exception {
        long jvm = ManagementFactory.getRuntimeMXBean().getUptime();
        long t0 = System.nanoTime();
        boolean settled = args[0].equals("settled");
        int warmUp = Integer.parseInt(args[1]);
        int repeat = Integer.parseInt(args[2]);
        String firstCell = args[3];
        List<String> cells = Arrays.asList(args).subList(4, args.length);
        Runnable indexGate = Evaluator.holdClassIndex(System.err); // as the kernel: the class index after the start
        JShell shell = JavacWarmup.newShell();
        List<String> classpath = KernelMain.classpath(System.getenv(Layout.CLASSPATH_VARIABLE));
        // what the kernel's javac sees first (the kernel's own choice)
        shell.addToClasspath(
                String.join(java.io.File.pathSeparator, KernelMain.compileClasspath(System.getenv(), classpath)));
        JShellClassHistory history = JShellClassHistory.of(shell, System.err);
        long made = System.nanoTime();
        cell(shell, history, Files.readString(Path.of(System.getenv(Layout.INIT_VARIABLE)), StandardCharsets.UTF_8));
        cell(shell, history, Evaluator.HIDDEN_SETUP);
        long imported = System.nanoTime();
        cell(shell, history, firstCell);
        long first = System.nanoTime();
        if (indexGate != null) {
            indexGate.run(); // where the kernel lets it go: once idle, before its warm-up
        }
        if (settled) { // the kernel's own warm-up (its budget, rounds and cells), on this thread
            JavacWarmup w = new JavacWarmup(
                    JavacWarmup.DEFAULT_SECONDS,
                    JavacWarmup.MAX_ROUNDS,
                    classpath,
                    Files.readString(Path.of(System.getenv(Layout.INIT_VARIABLE)), StandardCharsets.UTF_8));
            w.runQuietly();
            if (w.failure() != null) {
                throw new IllegalStateException("the javac warm-up failed", w.failure());
            }
        }
        long warm = System.nanoTime();
        for (int r = 0; r < warmUp; r++) {
            cells.forEach(c -> cell(shell, history, c));
        }
        double[][] times = new double[cells.size()][repeat];
        for (int r = 0; r < repeat; r++) {
            for (int c = 0; c < cells.size(); c++) {
                long s = System.nanoTime();
                cell(shell, history, cells.get(c));
                times[c][r] = (System.nanoTime() - s) / 1e6;
            }
        }
        String medians = Arrays.stream(times)
                .map(t -> String.format(Locale.ROOT, "%.2f", median(t)))
                .collect(Collectors.joining(", "));
        System.out.printf(
                Locale.ROOT,
                "{\"jvm_ms\": %d, \"jshell_ms\": %.1f, \"imports_ms\": %.1f, \"first_cell_ms\": %.1f,"
                        + " \"settle_s\": %.1f, \"cells_ms\": [%s]}%n",
                jvm,
                (made - t0) / 1e6,
                (imported - made) / 1e6,
                (first - imported) / 1e6,
                (warm - first) / 1e9,
                medians);
        System.exit(0);
    }

    /** As Python's statistics.median (the report's): the mean of the two middle values of an even count. */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * A cell's snippets in order, as the kernel cuts them; an expression's variable dropped once evaluated, then
     * the classes no later snippet needs forgotten (as {@link Evaluator#run} does).
     */
    private static void cell(JShell shell, JShellClassHistory history, String code) {
        List<String> problems = new ArrayList<>();
        for (Snippets.Piece piece : Snippets.split(shell.sourceCodeAnalysis(), code)) {
            List<SnippetEvent> events = shell.eval(piece.source());
            for (SnippetEvent e : events) {
                if (e.status() == Snippet.Status.REJECTED || e.exception() != null) {
                    problems.add(piece.source().strip());
                }
            }
            Evaluator.dropTemporaries(shell, events);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("failed: " + problems);
        }
        if (history != null) {
            history.forgetUnused();
        }
    }
}
