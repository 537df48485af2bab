package lif;

import java.util.Arrays;
import java.util.Locale;
import lif.stats.EnsembleStats;
import lif.stats.Stats;
import lif.stats.Variance;

/**
 * Prints, in one run, the throughput of the noise-driven Euler ensemble with per-step mean and std (numpy's
 * seed-2020 stream) on one thread and on all cores, their ratio, the cost of the MT19937 jump-ahead, and the
 * parity checks. Run with {@code bin/benchmark} ({@code --quick}: fewer repetitions). Not a test: figures depend
 * on the machine's load, printed at the start and the end.
 *
 * <p>Rows: "1 thread" is the engine on the calling thread; "all cores" splits the neurons over every core,
 * each thread jumping ahead to its first neuron's draws; "default" is what {@link Lif#simulate} picks
 * (one thread below {@link EnsembleEngine#PARALLEL_MIN_NEURON_STEPS}); "matrix" is the tutorial's way
 * (store N x T, then {@code Stats.mean/std}), for the two smaller sizes. The multi-thread rows empty the cache
 * of jump polynomials before each run, so each timed run pays its whole jump.
 */
public final class EnsembleBenchmark {
    private static final long SEED = 2020;

    public static void main(String[] args) {
        boolean quick = Arrays.asList(args).contains("--quick");
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(
                Locale.ROOT, "LIF ensemble benchmark: Euler + per-step mean and std (population), seed %d%n", SEED);
        System.out.printf(
                Locale.ROOT,
                "java %s, %d cores, max heap %.1f GB%n",
                System.getProperty("java.version"),
                cores,
                Runtime.getRuntime().maxMemory() / 1e9);
        System.out.println("load average at start (1, 5, 15 min): " + loadAverage());

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
        System.out.println("load average at end (1, 5, 15 min): " + loadAverage());
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
        // 20,000 x 150 is 3 chunks: the last neurons come from the thread that jumped ahead
        double[][] vn = tutorial.simulate(20_000, new NumpyRandom(SEED), cores, Monitor.POTENTIALS)
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
        System.out.printf(
                Locale.ROOT,
                "  Exercise 13 with N = 20,000 on %d threads: traces equal to numpy's bit for bit: %d of 60"
                        + " (neurons 0-49 and 19,990-19,999)%n",
                cores,
                equal);
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
        print(n, steps, "default", t[2], neuronSteps, t[4][0]);
        if (matrix) {
            double[] stored = time(Math.max(1, reps / 2), () -> {
                double[][] vn = lif.ensemble(n, new NumpyRandom(SEED));
                sink(Stats.mean(vn)[steps - 1] + Stats.std(vn, Variance.POPULATION)[steps - 1]);
            });
            print(n, steps, "matrix", stored, neuronSteps, t[0][0] / stored[0]);
        }
    }

    /**
     * Runs the three modes in turn, reps times (after one warm-up round), so that a change of the machine's
     * load hits all of them alike. Returns {median, best} seconds of each mode, then the median of the
     * per-round ratios single/all and single/default.
     */
    private static double[][] interleaved(int reps, Runnable single, Runnable all, Runnable byDefault) {
        Runnable[] modes = {single, all, byDefault};
        for (Runnable r : modes) {
            r.run();
        }
        double[][] t = new double[3][reps];
        double[][] ratio = new double[2][reps];
        for (int i = 0; i < reps; i++) {
            for (int m = 0; m < 3; m++) {
                long t0 = System.nanoTime();
                modes[m].run();
                t[m][i] = (System.nanoTime() - t0) / 1e9;
            }
            ratio[0][i] = t[0][i] / t[1][i];
            ratio[1][i] = t[0][i] / t[2][i];
        }
        double[][] out = new double[5][];
        for (int m = 0; m < 3; m++) {
            double[] sorted = t[m].clone();
            Arrays.sort(sorted);
            out[m] = new double[] {sorted[reps / 2], sorted[0]};
        }
        for (int k = 0; k < 2; k++) {
            Arrays.sort(ratio[k]);
            out[3 + k] = new double[] {ratio[k][reps / 2]};
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
            double[][] t = interleaved(reps, single, all, single);
            System.out.printf(
                    Locale.ROOT,
                    "  %,11d neuron-steps: 1 thread %s, %d cores %s: %.2fx%n",
                    1_000L * n,
                    duration(t[0][0]),
                    cores,
                    duration(t[1][0]),
                    t[3][0]);
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
