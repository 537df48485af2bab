package lif;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import lif.stats.EnsembleStats;
import lif.stats.Stats;
import lif.stats.Variance;

/**
 * Prints, in one run, the throughput of the noise-driven Euler ensemble with per-step mean and std (numpy's
 * seed-2020 stream) on one thread and on all cores, their ratio, the cost of the MT19937 jump-ahead, the parity
 * checks, how the work distribution holds up when the machine is quiet, has one core busy, or has just been loaded,
 * and how fast a long run stops when its thread is interrupted. Run with {@code bin/benchmark} ({@code --quick}:
 * fewer repetitions, a shorter load). Not a test: figures depend on the machine's load, printed at the start and the
 * end and with every work-distribution row.
 *
 * <p>Rows: "1 thread" is the engine on the calling thread; "all cores" splits the neurons over every core
 * (work stealing over fixed chunks, each thread jumping ahead to its first chunk's draws); "default" is what
 * {@link Lif#simulate} picks (one thread below {@link EnsembleEngine#PARALLEL_MIN_NEURON_STEPS}, else all cores);
 * "matrix" is the tutorial's way (store N x T, then {@code Stats.mean/std}), for the two smaller sizes. The
 * multi-thread rows empty the cache of jump polynomials before each run, so each timed run pays its whole jump.
 * The busy core and the load are shell loops ({@code sh -c 'while :; do :; done'}) this program starts and ends.
 */
public final class EnsembleBenchmark {
    private static final long SEED = 2020;

    public static void main(String[] args) throws Exception {
        boolean quick = Arrays.asList(args).contains("--quick");
        int cores = Runtime.getRuntime().availableProcessors();
        long start = System.nanoTime();
        System.out.printf(
                Locale.ROOT, "LIF ensemble benchmark: Euler + per-step mean and std (population), seed %d%n", SEED);
        System.out.printf(
                Locale.ROOT,
                "java %s, %d cores, max heap %.1f GB%n",
                System.getProperty("java.version"),
                cores,
                Runtime.getRuntime().maxMemory() / 1e9);
        System.out.println("load average at start (1, 5, 15 min): " + loadAverage());
        if (Arrays.asList(args).contains("--distribution")) { // this table alone, to repeat it
            workDistribution(cores, quick ? 5 : 11, quick ? 15 : 45);
            System.out.printf(Locale.ROOT, "benchmark time: %.0f s%n", (System.nanoTime() - start) / 1e9);
            return;
        }

        streamCost(quick ? 3 : 7);
        jumpCost(cores);
        parity(cores);

        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "%-20s %-10s %10s %10s %12s %8s%n",
                "N x T",
                "mode",
                "median",
                "best",
                "M steps/s",
                "ratio");
        row(50, 150, cores, quick ? 300 : 3000, true);
        row(1_000, 10_000, cores, quick ? 3 : 11, true);
        row(100_000, 1_000, cores, quick ? 3 : 9, false);
        row(1_000_000, 1_000, cores, quick ? 1 : 5, false);
        System.out.println("ratio: speed against 1 thread; for all cores and default the median of the per-round ratios"
                + " (the modes run in turn, so a change of load hits all alike), for matrix the ratio of medians");
        threshold(cores, quick ? 5 : 21);
        workDistribution(cores, quick ? 5 : 11, quick ? 15 : 45);
        interruptStops(quick ? 2 : 5);
        System.out.println("load average at end (1, 5, 15 min): " + loadAverage());
        System.out.printf(Locale.ROOT, "benchmark time: %.0f s%n", (System.nanoTime() - start) / 1e9);
    }

    /**
     * The random stream: numpy's doubles from commons-math3's {@code MersenneTwister} (two {@code nextInt()} words
     * each, as numpy combines them) against {@link Mt19937#fill}, which makes them a block of 624 words at a time.
     * Thread CPU time, medians of the rounds.
     */
    private static void streamCost(int rounds) {
        int doubles = 20_000_000;
        org.apache.commons.math3.random.MersenneTwister cm = new org.apache.commons.math3.random.MersenneTwister(2020);
        Mt19937 ours = new Mt19937();
        ours.seed(2020);
        double[] buffer = new double[8 * 1_000];
        double[][] ns = new double[2][rounds];
        var bean = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int r = 0; r < rounds; r++) {
            long t0 = bean.getCurrentThreadCpuTime();
            double s = 0;
            for (int i = 0; i < doubles; i++) {
                int a = cm.nextInt() >>> 5;
                int b = cm.nextInt() >>> 6;
                s += (a * 67108864.0 + b) * 0x1.0p-53;
            }
            long t1 = bean.getCurrentThreadCpuTime();
            for (int i = 0; i < doubles / buffer.length; i++) {
                ours.fill(buffer, 0, buffer.length);
                s += buffer[7];
            }
            long t2 = bean.getCurrentThreadCpuTime();
            sink(s);
            ns[0][r] = (t1 - t0) / (double) doubles;
            ns[1][r] = (t2 - t1) / (double) doubles;
        }
        Arrays.sort(ns[0]);
        Arrays.sort(ns[1]);
        System.out.printf(
                Locale.ROOT,
                "%nrandom stream (numpy's doubles, CPU time): commons-math3 MersenneTwister %.2f ns per double,"
                        + " Mt19937.fill %.2f ns: %.2fx%n",
                ns[0][rounds / 2],
                ns[1][rounds / 2],
                ns[0][rounds / 2] / ns[1][rounds / 2]);
    }

    /** The two parts of a jump: x^k mod P (once per run size), Horner (once per thread but the first). */
    private static void jumpCost(int cores) {
        System.out.printf(
                Locale.ROOT,
                "%njump-ahead cost (each thread but the first jumps once per run; P itself is a constant):%n");
        long c0 = System.nanoTime();
        Mt19937 cold = new Mt19937();
        cold.seed(SEED);
        Mt19937Jump.ofWords(123_456_789L).applyTo(cold);
        System.out.printf(
                Locale.ROOT,
                "  first jump in this JVM (code not yet compiled): %.1f ms%n",
                (System.nanoTime() - c0) / 1e6);
        for (int i = 0; i < 20; i++) { // compile the jump code before timing it
            Mt19937Jump.forgetRecent();
            Mt19937Jump.ofWords(987_654_321L + i).applyTo(cold);
        }
        for (int[] size : new int[][] {{50, 150}, {1_000, 10_000}, {100_000, 1_000}, {1_000_000, 1_000}}) {
            long words = 2L * size[1] * (size[0] / cores);
            double[] poly = new double[5];
            double[] horner = new double[5];
            for (int rep = 0; rep < poly.length; rep++) {
                Mt19937Jump.forgetRecent();
                long a = System.nanoTime();
                Mt19937Jump jump = Mt19937Jump.ofWords(words);
                long b = System.nanoTime();
                Mt19937 g = new Mt19937();
                g.seed(SEED);
                long c = System.nanoTime();
                jump.applyTo(g);
                long d = System.nanoTime();
                poly[rep] = (b - a) / 1e6;
                horner[rep] = (d - c) / 1e6;
            }
            Arrays.sort(poly);
            Arrays.sort(horner);
            System.out.printf(
                    Locale.ROOT,
                    "  %-18s jump of %,14d words: x^k mod P %6.2f ms, Horner on the state %5.2f ms (medians of 5)%n",
                    String.format(Locale.ROOT, "%,d x %,d", size[0], size[1]),
                    words,
                    poly[2],
                    horner[2]);
        }
    }

    /** Bit-identity: traces against the numpy reference on all cores, and 1 thread against all cores. */
    private static void parity(int cores) {
        System.out.printf(Locale.ROOT, "%nparity (%d threads forced, even where the default would use one):%n", cores);
        Lif tutorial = Lif.euler(LifParameters.defaults());
        System.out.printf(
                Locale.ROOT,
                "  Exercise 13 with N = 20,000 on %d threads: traces equal to numpy's bit for bit: %d of 60"
                        + " (neurons 0-49 and 19,990-19,999)%n",
                cores,
                exercise13Traces(cores));
        EnsembleStats ex14 = tutorial.simulate(50, new NumpyRandom(SEED), cores, Monitor.STATS)
                .stats(Variance.POPULATION);
        double[] numpyStd = Reference.column("ex14_t_mean_std.txt", 2);
        System.out.printf(
                Locale.ROOT,
                "  Exercise 14 std at the last step: %.17g (numpy %.17g, relative difference %.1e)%n",
                ex14.std()[149],
                numpyStd[149],
                Math.abs(ex14.std()[149] / numpyStd[149] - 1));
        for (int[] size : new int[][] {{50, 150}, {1_000, 10_000}, {100_000, 1_000}, {1_000_000, 1_000}}) {
            Lif lif = Lif.euler(params(size[1]));
            NumpyRandom a = new NumpyRandom(SEED);
            NumpyRandom b = new NumpyRandom(SEED);
            double one = lif.simulate(size[0], a, 1, Monitor.STATS)
                    .stats(Variance.POPULATION)
                    .std()[size[1] - 1];
            double all = lif.simulate(size[0], b, cores, Monitor.STATS)
                    .stats(Variance.POPULATION)
                    .std()[size[1] - 1];
            boolean same =
                    Double.doubleToRawLongBits(one) == Double.doubleToRawLongBits(all) && a.random() == b.random();
            System.out.printf(
                    Locale.ROOT,
                    "  %-18s std at the last step, 1 thread %.17g, %d threads %.17g: %s%n",
                    String.format(Locale.ROOT, "%,d x %,d", size[0], size[1]),
                    one,
                    cores,
                    all,
                    same ? "bit-identical (and the stream continues at the same draw)" : "DIFFERENT");
        }
    }

    /**
     * Exercise 13 with N = 20,000 (3 chunks: the last neurons come from a thread that jumped ahead, or stole them)
     * on the given threads: how many of numpy's 60 reference traces (neurons 0-49 and 19,990-19,999) it equals.
     */
    private static int exercise13Traces(int threads) {
        double[][] vn = Lif.euler(LifParameters.defaults())
                .simulate(20_000, new NumpyRandom(SEED), threads, Monitor.POTENTIALS)
                .potentials();
        double[][] first = Reference.matrix("ex13_vn.txt");
        double[][] last = Reference.matrix("ex13_vn_20000_last10.txt");
        int equal = 0;
        for (int j = 0; j < 50; j++) {
            equal += Arrays.equals(first[j], vn[j]) ? 1 : 0;
        }
        for (int j = 0; j < 10; j++) {
            equal += Arrays.equals(last[j], vn[19_990 + j]) ? 1 : 0;
        }
        return equal;
    }

    private static void row(int n, int steps, int cores, int reps, boolean matrix) {
        Lif lif = Lif.euler(params(steps));
        double neuronSteps = (double) n * steps;
        Runnable single = () -> sink(lif.simulate(n, new NumpyRandom(SEED), 1, Monitor.STATS)
                .stats(Variance.POPULATION)
                .std()[steps - 1]);
        // every timed run pays its whole jump: the cache of recent jump polynomials is emptied first
        Runnable all = () -> {
            Mt19937Jump.forgetRecent();
            sink(lif.simulate(n, new NumpyRandom(SEED), cores, Monitor.STATS)
                    .stats(Variance.POPULATION)
                    .std()[steps - 1]);
        };
        Runnable byDefault = () -> {
            Mt19937Jump.forgetRecent();
            sink(lif.ensembleStats(n, new NumpyRandom(SEED), Variance.POPULATION)
                    .std()[steps - 1]);
        };
        double[][] t = interleaved(reps, single, all, byDefault);
        print(n, steps, "1 thread", t[0], neuronSteps, 1.0);
        print(n, steps, cores + " cores", t[1], neuronSteps, t[3][0]);
        print(n, steps, "default", t[2], neuronSteps, t[3][1]);
        if (matrix) {
            double[] stored = time(Math.max(1, reps / 2), () -> {
                double[][] vn = lif.ensemble(n, new NumpyRandom(SEED));
                sink(Stats.mean(vn)[steps - 1] + Stats.std(vn, Variance.POPULATION)[steps - 1]);
            });
            print(n, steps, "matrix", stored, neuronSteps, t[0][0] / stored[0]);
        }
    }

    /**
     * Runs the modes in turn, reps times (after one warm-up round), so that a change of the machine's load hits all
     * of them alike. Returns {median, best} seconds of each mode, then the medians of the per-round ratios of the
     * first mode's time to each other's.
     */
    private static double[][] interleaved(int reps, Runnable... modes) {
        for (Runnable r : modes) {
            r.run();
        }
        double[][] t = new double[modes.length][reps];
        double[][] ratio = new double[modes.length - 1][reps];
        for (int i = 0; i < reps; i++) {
            for (int m = 0; m < modes.length; m++) {
                long t0 = System.nanoTime();
                modes[m].run();
                t[m][i] = (System.nanoTime() - t0) / 1e9;
            }
            for (int m = 1; m < modes.length; m++) {
                ratio[m - 1][i] = t[0][i] / t[m][i];
            }
        }
        double[][] out = new double[modes.length + 1][];
        for (int m = 0; m < modes.length; m++) {
            double[] sorted = t[m].clone();
            Arrays.sort(sorted);
            out[m] = new double[] {sorted[reps / 2], sorted[0]};
        }
        out[modes.length] = new double[modes.length - 1];
        for (int m = 0; m < modes.length - 1; m++) {
            Arrays.sort(ratio[m]);
            out[modes.length][m] = ratio[m][reps / 2];
        }
        return out;
    }

    /** Where splitting starts to pay: all cores against one thread around {@link EnsembleEngine#PARALLEL_MIN_NEURON_STEPS}. */
    private static void threshold(int cores, int reps) {
        System.out.printf(
                Locale.ROOT,
                "%nsplit threshold (T = 1,000; default: %d threads from %,d neuron-steps on):%n",
                cores,
                EnsembleEngine.PARALLEL_MIN_NEURON_STEPS);
        Lif lif = Lif.euler(params(1_000));
        for (int n : new int[] {1_000, 2_500, 5_000, 10_000, 20_000, 40_000}) {
            Runnable single = () -> sink(lif.simulate(n, new NumpyRandom(SEED), 1, Monitor.STATS)
                    .stats(Variance.POPULATION)
                    .std()[999]);
            Runnable all = () -> {
                Mt19937Jump.forgetRecent();
                sink(lif.simulate(n, new NumpyRandom(SEED), cores, Monitor.STATS)
                        .stats(Variance.POPULATION)
                        .std()[999]);
            };
            double[][] t = interleaved(reps, single, all);
            System.out.printf(
                    Locale.ROOT,
                    "  %,11d neuron-steps: 1 thread %s, %d cores %s: %.2fx%n",
                    1_000L * n,
                    duration(t[0][0]),
                    cores,
                    duration(t[1][0]),
                    t[2][0]);
        }
    }

    /**
     * 100,000 x 1,000, one thread against the default (all cores), in three states of the machine: quiet (as it
     * is), one core kept busy by another process, and right after every core was loaded for a while (the 1-minute
     * load average still high). Parity in each: the default's std at every step and the next draw equal the one
     * thread's in every round, and Exercise 13's traces on all cores equal numpy's.
     */
    private static void workDistribution(int cores, int reps, int loadSeconds) throws Exception {
        int n = 100_000;
        int steps = 1_000;
        Lif lif = Lif.euler(params(steps));
        int chunk = lif.engine().chunkNeurons(n, List.of(new StepMomentsObserver(steps)));
        System.out.printf(
                Locale.ROOT,
                "%nwork distribution at %,d x %,d: 1 thread against the default (%d threads: %d chunks, taken by"
                        + " work stealing), %d rounds each%n",
                n,
                steps,
                lif.engine().defaultThreads(n),
                (n + chunk - 1) / chunk,
                reps);
        System.out.printf(
                Locale.ROOT,
                "  %-17s %-15s %10s %10s %7s  %s%n",
                "machine",
                "load (1 min)",
                "1 thread",
                "default",
                "ratio",
                "parity");
        distributionRow("quiet", lif, n, reps);
        try (Busy busy = new Busy(1)) {
            distributionRow("one core busy", lif, n, reps);
        }
        try (Busy busy = new Busy(2 * cores)) {
            Thread.sleep(loadSeconds * 1000L);
        }
        distributionRow(String.format(Locale.ROOT, "after %d s load", loadSeconds), lif, n, reps);
        System.out.printf(
                Locale.ROOT,
                "  (busy core: 1 shell loop; load: %d shell loops for %d s, ended just before the row; ratio: median of"
                        + " the per-round ratios)%n",
                2 * cores,
                loadSeconds);
    }

    private static void distributionRow(String machine, Lif lif, int n, int reps) {
        int steps = lif.steps();
        String loadBefore = loadAverage().split(" ")[0];
        double[][] std = new double[2][];
        double[] next = new double[2];
        int[] rounds = {0};
        int[] same = {0};
        Runnable single = () -> {
            NumpyRandom rng = new NumpyRandom(SEED);
            std[0] = lif.simulate(n, rng, 1, Monitor.STATS)
                    .stats(Variance.POPULATION)
                    .std();
            next[0] = rng.random();
        };
        Runnable byDefault = () -> {
            Mt19937Jump.forgetRecent();
            NumpyRandom rng = new NumpyRandom(SEED);
            std[1] = lif.ensembleStats(n, rng, Variance.POPULATION).std();
            next[1] = rng.random();
            rounds[0]++;
            boolean bits = true;
            for (int k = 0; k < steps; k++) {
                bits &= Double.doubleToRawLongBits(std[0][k]) == Double.doubleToRawLongBits(std[1][k]);
            }
            same[0] += bits && next[0] == next[1] ? 1 : 0;
        };
        double[][] t = interleaved(reps, single, byDefault);
        int traces = exercise13Traces(Runtime.getRuntime().availableProcessors());
        System.out.printf(
                Locale.ROOT,
                "  %-17s %-15s %10s %10s %6.2fx  std bit-identical to 1 thread in %d of %d rounds;"
                        + " Exercise 13 traces %d of 60 equal numpy's%n",
                machine,
                loadBefore + " -> " + loadAverage().split(" ")[0],
                duration(t[0][0]),
                duration(t[1][0]),
                t[2][0],
                same[0],
                rounds[0],
                traces);
    }

    /**
     * How fast long runs stop when their thread is interrupted: each runs on a thread of its own, is interrupted
     * after a delay, and the time from {@code interrupt()} to the thread's end is taken; then no engine thread may be
     * left.
     */
    private static void interruptStops(int reps) throws InterruptedException {
        int cores = Runtime.getRuntime().availableProcessors();
        Lif long10k = Lif.euler(params(10_000));
        Lif long4096 = Lif.euler(params(4_096));
        System.out.printf(
                Locale.ROOT, "%ninterrupts (time from Thread.interrupt() to the call's end, %d runs):%n", reps);
        stopTimes(
                String.format(Locale.ROOT, "ensembleStats 1,000,000 x 10,000, default (%d threads)", cores),
                () -> long10k.ensembleStats(1_000_000, new NumpyRandom(SEED), Variance.POPULATION),
                reps);
        stopTimes(
                "ensembleStats 1,000,000 x 10,000, 1 thread",
                () -> long10k.simulate(1_000_000, new NumpyRandom(SEED), 1, Monitor.STATS),
                reps);
        stopTimes(
                "ensembleAutocovariance 100,000 x 4,096 (one chunk)",
                () -> long4096.ensembleAutocovariance(100_000, new NumpyRandom(SEED)),
                reps);
    }

    private static void stopTimes(String what, Runnable call, int reps) throws InterruptedException {
        double[] ms = new double[reps];
        String outcome = "";
        int left = 0;
        for (int i = 0; i < reps; i++) {
            String[] thrown = {"returned normally"};
            Thread t = new Thread(() -> {
                try {
                    call.run();
                } catch (java.util.concurrent.CancellationException e) {
                    thrown[0] = "CancellationException, interrupt flag "
                            + (Thread.currentThread().isInterrupted() ? "set" : "CLEARED");
                }
            });
            t.start();
            Thread.sleep(300 + 350L * i); // at different points of the run
            long t0 = System.nanoTime();
            t.interrupt();
            t.join();
            ms[i] = (System.nanoTime() - t0) / 1e6;
            left += engineThreads();
            outcome = thrown[0];
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf(
                Locale.ROOT,
                "  %-55s median %6.2f ms, max %6.2f ms; %s; engine threads left: %d%n",
                what,
                sorted[reps / 2],
                sorted[reps - 1],
                outcome,
                left);
    }

    private static int engineThreads() {
        int alive = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            alive += t.getName().startsWith("lif-ensemble-") && t.isAlive() ? 1 : 0;
        }
        return alive;
    }

    /** Other processes that keep cores busy: shell loops, ended (and waited for) by {@link #close}. */
    private static final class Busy implements AutoCloseable {
        private final List<Process> loops = new ArrayList<>();
        private final Thread hook = new Thread(this::end);

        Busy(int count) throws java.io.IOException {
            Runtime.getRuntime().addShutdownHook(hook); // ended even if this program is stopped
            for (int i = 0; i < count; i++) {
                loops.add(new ProcessBuilder("sh", "-c", "while :; do :; done").start());
            }
        }

        private void end() {
            for (Process p : loops) {
                p.destroyForcibly();
            }
            for (Process p : loops) {
                try {
                    p.waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        @Override
        public void close() {
            end();
            Runtime.getRuntime().removeShutdownHook(hook);
        }
    }

    private static LifParameters params(int steps) {
        LifParameters p = LifParameters.defaults().withTMax(steps * 1e-3);
        while (p.steps() < steps) { // tMax/dt can land just below the integer
            p = p.withTMax(Math.nextUp(p.tMax()));
        }
        return p;
    }

    /** {median, best} wall time (s) of reps runs, after reps warm-up runs (at least one). */
    private static double[] time(int reps, Runnable r) {
        for (int i = 0; i < Math.max(1, reps); i++) {
            r.run();
        }
        double[] t = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            r.run();
            t[i] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(t);
        return new double[] {t[reps / 2], t[0]};
    }

    private static void print(int n, int steps, String mode, double[] seconds, double neuronSteps, double ratio) {
        System.out.printf(
                Locale.ROOT,
                "%-20s %-10s %10s %10s %12.1f %7.2fx%n",
                String.format(Locale.ROOT, "%,d x %,d", n, steps),
                mode,
                duration(seconds[0]),
                duration(seconds[1]),
                neuronSteps / seconds[0] / 1e6,
                ratio);
    }

    private static String duration(double seconds) {
        return seconds < 1e-3
                ? String.format(Locale.ROOT, "%.1f us", seconds * 1e6)
                : seconds < 1
                        ? String.format(Locale.ROOT, "%.2f ms", seconds * 1e3)
                        : String.format(Locale.ROOT, "%.2f s", seconds);
    }

    private static String loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static double sinkValue;

    private static void sink(double x) {
        sinkValue += x;
    }
}
