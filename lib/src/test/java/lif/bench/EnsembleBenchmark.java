package lif.bench;

import java.util.Arrays;
import java.util.Locale;

import lif.Lif;
import lif.LifParameters;
import lif.NumpyRandom;
import lif.stats.EnsembleStats;
import lif.stats.Stats;

/**
 * Prints neuron-steps per second of the noise-driven Euler ensemble with per-step mean and std.
 * Run with {@code bin/benchmark} (or {@code bin/benchmark --quick}). Not a test: it asserts nothing.
 *
 * <p>Rows: "stream" is {@link Lif#ensembleStats} (numpy-identical stream, one thread, O(T) memory);
 * "matrix" is the tutorial's way, store N x T then {@code Stats.mean/std} (the baseline);
 * "parallel" is {@link Lif#ensembleStatsParallel} (per-chunk streams, NOT numpy-identical).
 */
public final class EnsembleBenchmark {

    public static void main(String[] args) {
        boolean quick = Arrays.asList(args).contains("--quick");
        int threads = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "LIF ensemble benchmark: Euler + per-step mean and std (ddof 0), seed 2020%n");
        System.out.printf(Locale.ROOT, "java %s, %d cores, max heap %.1f GB%n", System.getProperty("java.version"),
                threads, Runtime.getRuntime().maxMemory() / 1e9);
        System.out.println("load average at start (1, 5, 15 min): " + loadAverage());
        System.out.printf(Locale.ROOT, "%-20s %-9s %11s %11s %11s %10s%n", "N x T", "mode", "median", "best",
                "M steps/s", "vs matrix");

        row(50, 150, threads, quick ? 300 : 3000, quick ? 300 : 3000);
        row(1_000, 10_000, threads, quick ? 3 : 10, quick ? 2 : 5);
        row(100_000, 1_000, threads, quick ? 2 : 5, 1);
        big(quick ? 200_000 : 1_000_000, 1_000, threads);
        System.out.println("load average at end (1, 5, 15 min): " + loadAverage());
    }

    private static void row(int n, int steps, int threads, int reps, int matrixReps) {
        Lif lif = Lif.euler(params(steps));
        double neuronSteps = (double) n * steps;
        double[] matrix = time(matrixReps, () -> {
            double[][] vn = lif.ensemble(n, new NumpyRandom(2020));
            sink(Stats.mean(vn)[steps - 1] + Stats.std(vn, 0)[steps - 1]);
        });
        double[] stream = time(reps, () -> sink(lif.ensembleStats(n, new NumpyRandom(2020), 0).std()[steps - 1]));
        double[] parallel = time(reps, () -> sink(lif.ensembleStatsParallel(n, 2020, 0, threads).std()[steps - 1]));
        print(n, steps, "matrix", matrix, neuronSteps, matrix[0]);
        print(n, steps, "stream", stream, neuronSteps, matrix[0]);
        print(n, steps, "parallel", parallel, neuronSteps, matrix[0]);
    }

    /** The streaming paths at a size whose N x T matrix (8 GB) would not fit; prints heap use. */
    private static void big(int n, int steps, int threads) {
        Lif lif = Lif.euler(params(steps));
        double neuronSteps = (double) n * steps;
        System.gc();
        long before = usedHeap();
        long t0 = System.nanoTime();
        EnsembleStats s = lif.ensembleStats(n, new NumpyRandom(2020), 0);
        long t1 = System.nanoTime();
        long after = usedHeap();
        print(n, steps, "stream", once((t1 - t0) / 1e9), neuronSteps, Double.NaN);
        System.out.printf(Locale.ROOT, "    heap used before %.1f MB, after %.1f MB (an N x T matrix would need %.1f GB); "
                + "std at last step %.6e V%n", before / 1e6, after / 1e6, 8.0 * n * steps / 1e9, s.std()[steps - 1]);
        long t2 = System.nanoTime();
        EnsembleStats sp = lif.ensembleStatsParallel(n, 2020, 0, threads);
        long t3 = System.nanoTime();
        print(n, steps, "parallel", once((t3 - t2) / 1e9), neuronSteps, Double.NaN);
        System.out.printf(Locale.ROOT, "    parallel std at last step %.6e V (other streams: close, not equal)%n", sp.std()[steps - 1]);
        try {
            lif.ensemble(n * 100, new NumpyRandom(2020));
        } catch (IllegalArgumentException e) {
            System.out.println("    ensemble(" + (n * 100) + ", rng) refused: " + e.getMessage());
        }
    }

    private static LifParameters params(int steps) {
        LifParameters p = LifParameters.defaults().withTMax(steps * 1e-3);
        while (p.steps() < steps) { // tMax/dt can land just below the integer
            p = p.withTMax(Math.nextUp(p.tMax()));
        }
        return p;
    }

    /** {median, best} wall time (s) of reps runs, after reps warm-up runs (the small sizes warm the code up). */
    private static double[] time(int reps, Runnable r) {
        for (int i = 0; i < reps; i++) {
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

    private static double[] once(double seconds) {
        return new double[] {seconds, seconds};
    }

    private static void print(int n, int steps, String mode, double[] seconds, double neuronSteps, double baseline) {
        String ratio = Double.isNaN(baseline) ? "-" : String.format(Locale.ROOT, "%.1fx", baseline / seconds[0]);
        System.out.printf(Locale.ROOT, "%-20s %-9s %11s %11s %11.1f %10s%n",
                String.format(Locale.ROOT, "%,d x %,d", n, steps), mode, duration(seconds[0]), duration(seconds[1]),
                neuronSteps / seconds[0] / 1e6, ratio);
    }

    private static String duration(double seconds) {
        return seconds < 1e-3 ? String.format(Locale.ROOT, "%.1f us", seconds * 1e6)
                : seconds < 1 ? String.format(Locale.ROOT, "%.2f ms", seconds * 1e3)
                : String.format(Locale.ROOT, "%.2f s", seconds);
    }

    private static String loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static double sinkValue;

    private static void sink(double x) {
        sinkValue += x;
    }
}
