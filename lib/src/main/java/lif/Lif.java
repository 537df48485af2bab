package lif;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

import lif.stats.EnsembleStats;
import lif.stats.StepStatistics;

/**
 * Simulates LIF neurons: {@code tau dV/dt = E_L - V + R I(t)}, {@code V(0) = E_L}, on the grid
 * {@code t_k = k dt}, k = 0 .. T-1 with {@code T = p.steps()} (150 points for the tutorial).
 *
 * <pre>{@code
 * var p = LifParameters.defaults();
 * Trajectory sine = Lif.euler(p).run(Current.sinusoid(p));              // one neuron
 * double[][] vn   = Lif.euler(p).ensemble(50, new NumpyRandom(2020));    // = Exercise 13, bit for bit
 * EnsembleStats s = Lif.euler(p).ensembleStats(100_000, new NumpyRandom(2020), 0); // streaming, O(T)
 * }</pre>
 *
 * <p><b>Step rule.</b> {@code v[k]} is one step of the chosen {@link Integrator} from {@code v[k-1]} with
 * the current of that step. For a {@link Current}, that is {@code I(t_{k-1})} (forward Euler).
 * For the tutorial's noise ({@link Current#noise(LifParameters, double)}), each step takes a fresh
 * draw; the order of draws is that of the tutorial's exercises:
 * <ul>
 *   <li>{@link #run(NumpyRandom)} and {@link #ensembleStatsStepMajor}: one draw per step, for each step
 *       all neurons in turn (Exercises 7-10). Their value at {@code t_k} equals the exercise's value
 *       plotted at {@code t_{k-1}} (the exercise plots v after the update at the time before it).</li>
 *   <li>{@link #ensemble} and {@link #ensembleStats}: the whole (N, T) matrix row-major, i.e. neuron n
 *       uses draws {@code n*T .. n*T+T-1}, draw {@code n*T + k} drives step k and draw {@code n*T} is made
 *       but unused (Exercises 13-14: {@code v_n[:, step]} uses {@code i[:, step]}). Equal to Exercise 13.</li>
 * </ul>
 *
 * <p><b>Spikes</b> are off by default, as in the tutorial. {@link #withSpikes(boolean)} turns on
 * threshold-and-reset: when a step ends with {@code v > vTh}, that v is replaced by {@code vReset} and
 * the step's time is recorded in {@link Trajectory#spikeTimes()}.
 *
 * <p>Instances are immutable and thread-safe; the {@link NumpyRandom} passed in is not.
 */
public final class Lif {
    /** Neurons simulated side by side in the ensemble loop (independent chains hide FP latency). */
    private static final int BLOCK = 8;
    /** Neurons per independent stream in {@link #ensembleStatsParallel}; fixed, so results do not depend on threads. */
    public static final int PARALLEL_CHUNK = 16384;

    private final LifParameters p;
    private final Integrator integrator;
    private final boolean spikes;
    private final double dtOverTau;
    private final double decay;

    private Lif(LifParameters p, Integrator integrator, boolean spikes) {
        if (p == null) {
            throw new IllegalArgumentException("p must be LifParameters (e.g. LifParameters.defaults()), got null");
        }
        if (integrator == null) {
            throw new IllegalArgumentException("integrator must be EULER or EXACT, got null");
        }
        if (integrator == Integrator.EULER && p.dt() > 2 * p.tau()) {
            throw new IllegalArgumentException("dt must be <= 2 tau for forward Euler, got dt=" + PyFormat.repr(p.dt())
                    + " s, tau=" + PyFormat.repr(p.tau()) + " s: each Euler step multiplies the distance to the fixed point"
                    + " by (1 - dt/tau) = " + PyFormat.repr(1 - p.dt() / p.tau())
                    + ", whose size is > 1, so v oscillates and blows up; use a smaller dt, or Lif.exact(p), the exact"
                    + " exponential update, which is stable for any dt");
        }
        if (spikes && !(p.vReset() < p.vTh())) {
            throw new IllegalArgumentException("vReset must be < vTh when spikes are on, got vReset=" + PyFormat.repr(p.vReset())
                    + " V, vTh=" + PyFormat.repr(p.vTh()) + " V");
        }
        this.p = p;
        this.integrator = integrator;
        this.spikes = spikes;
        this.dtOverTau = p.dt() / p.tau();
        this.decay = Math.exp(-p.dt() / p.tau());
    }

    /**
     * Forward Euler, the tutorial's integrator: {@code v + (dt/tau) * (E_L - v + R i)}.
     *
     * @throws IllegalArgumentException if p is null or dt > 2 tau (Euler is unstable there; use {@link #exact})
     */
    public static Lif euler(LifParameters p) {
        return new Lif(p, Integrator.EULER, false);
    }

    /** The exact exponential update for piecewise-constant input, stable for any dt. */
    public static Lif exact(LifParameters p) {
        return new Lif(p, Integrator.EXACT, false);
    }

    /** The given integrator; see {@link #euler} and {@link #exact}. */
    public static Lif of(LifParameters p, Integrator integrator) {
        return new Lif(p, integrator, false);
    }

    /** A copy with threshold-and-reset on or off (off by default); on needs vReset < vTh. */
    public Lif withSpikes(boolean on) {
        return new Lif(p, integrator, on);
    }

    /** A copy with other parameters, same integrator and spike setting. */
    public Lif withParameters(LifParameters other) {
        return new Lif(other, integrator, spikes);
    }

    public LifParameters parameters() {
        return p;
    }

    public Integrator integrator() {
        return integrator;
    }

    public boolean spikes() {
        return spikes;
    }

    /** Number of time steps T = {@code int(tMax / dt)}. */
    public int steps() {
        return p.steps();
    }

    /** The time grid {@code t_k = k dt}, seconds. */
    public double[] times() {
        return p.times();
    }

    /**
     * One step from v (volts) with current i (amperes) held over the step; no reset.
     * Euler: {@code v + (dt/tau) * ((E_L - v) + R i)}; exact: {@code v_inf + (v - v_inf) exp(-dt/tau)}.
     */
    public double step(double v, double i) {
        if (integrator == Integrator.EULER) {
            return v + dtOverTau * ((p.eL() - v) + p.r() * i);
        }
        double vInf = p.eL() + p.r() * i;
        return vInf + (v - vInf) * decay;
    }

    /** One neuron driven by {@code input}: {@code v[k] = step(v[k-1], input.at(t[k-1]))}. */
    public Trajectory run(Current input) {
        if (input == null) {
            throw new IllegalArgumentException("input must be a Current (e.g. Current.sinusoid(p)), got null");
        }
        double[] t = times();
        double[] v = new double[t.length];
        SpikeList spikeList = new SpikeList();
        v[0] = p.eL();
        for (int k = 1; k < t.length; k++) {
            double i = input.at(t[k - 1]);
            if (!Double.isFinite(i)) {
                throw new IllegalArgumentException("input.at(t) must be finite (A), got " + PyFormat.repr(i)
                        + " at t=" + PyFormat.repr(t[k - 1]) + " s");
            }
            v[k] = resetIfSpike(step(v[k - 1], i), t[k], spikeList);
        }
        return new Trajectory(t, v, spikeList.toArray());
    }

    /**
     * One neuron driven by the tutorial's noise, one draw per step (T-1 draws): as Exercise 7, with
     * v at t_k being the exercise's value plotted at t_{k-1}.
     */
    public Trajectory run(NumpyRandom rng) {
        checkRng(rng);
        double[] t = times();
        double[] v = new double[t.length];
        SpikeList spikeList = new SpikeList();
        double scale = p.noiseScale();
        v[0] = p.eL();
        for (int k = 1; k < t.length; k++) {
            double i = Current.noise(p.iMean(), scale, rng.random());
            v[k] = resetIfSpike(step(v[k - 1], i), t[k], spikeList);
        }
        return new Trajectory(t, v, spikeList.toArray());
    }

    /**
     * N neurons driven by the tutorial's noise, stored as {@code v[n][k]} (volts): Exercise 13 bit for bit
     * (draws of the (N, T) matrix row-major; see the class comment).
     *
     * @throws IllegalArgumentException if n < 1, rng is null, or N x T doubles cannot fit in the heap
     *                                  (then use {@link #ensembleStats}, which needs O(T) memory)
     */
    public double[][] ensemble(int n, NumpyRandom rng) {
        checkN(n);
        checkRng(rng);
        int steps = steps();
        MemoryGuard.checkMatrix(n, steps, "ensemble(n, rng)");
        double[][] vn = new double[n][steps];
        double scale = p.noiseScale();
        for (double[] row : vn) {
            rng.fill(row, 0, steps); // the neuron's draws, overwritten by its potentials below
            double v = p.eL();
            row[0] = v;
            for (int k = 1; k < steps; k++) {
                v = step(v, Current.noise(p.iMean(), scale, row[k]));
                if (spikes && v > p.vTh()) {
                    v = p.vReset();
                }
                row[k] = v;
            }
        }
        return vn;
    }

    /**
     * Per-step mean, variance and std of N noise-driven neurons without storing them: the same neurons
     * and draws as {@link #ensemble(int, NumpyRandom)}, simulated neuron by neuron into per-step
     * accumulators (Welford/Chan, see {@link StepStatistics}). Memory O(T), any N.
     * Equal to {@code Stats.of(..., ensemble(n, rng), ddof)} to about 1e-15 relative (not bit for bit).
     *
     * @param ddof 0 for numpy's {@code np.std} default (Exercise 14), 1 for the sample (N-1) statistics
     */
    public EnsembleStats ensembleStats(int n, NumpyRandom rng, int ddof) {
        checkN(n);
        checkRng(rng);
        checkDdof(ddof, n);
        return neuronMajor(n, rng).result(times(), ddof);
    }

    /**
     * Per-step statistics with the draws of Exercises 8-10 (for each step, for each neuron), the sums
     * in the tutorial's order (mean = sum / N; variance = sum of squared deviations / (N - ddof)).
     * Keeps the N potentials of the current step: memory O(N + T). Value at t_k = exercise's at t_{k-1}.
     */
    public EnsembleStats ensembleStatsStepMajor(int n, NumpyRandom rng, int ddof) {
        checkN(n);
        checkRng(rng);
        checkDdof(ddof, n);
        int steps = steps();
        double[] v = new double[n];
        double[] u = new double[n];
        double[] mean = new double[steps];
        double[] var = new double[steps];
        double[] std = new double[steps];
        java.util.Arrays.fill(v, p.eL());
        mean[0] = p.eL();
        double scale = p.noiseScale();
        for (int k = 1; k < steps; k++) {
            rng.fill(u, 0, n); // step k's draws, neuron after neuron
            double sum = 0;
            for (int j = 0; j < n; j++) {
                double x = step(v[j], Current.noise(p.iMean(), scale, u[j]));
                if (spikes && x > p.vTh()) {
                    x = p.vReset();
                }
                v[j] = x;
                sum += x;
            }
            double m = sum / n;
            double ss = 0;
            for (int j = 0; j < n; j++) {
                double d = v[j] - m;
                ss += d * d;
            }
            mean[k] = m;
            var[k] = ss / (n - ddof);
            std[k] = Math.sqrt(var[k]);
        }
        return new EnsembleStats(times(), mean, var, std, n, ddof);
    }

    /**
     * Like {@link #ensembleStats} on several threads. <b>Not numpy-identical:</b> neurons are cut into
     * fixed chunks of {@link #PARALLEL_CHUNK}; chunk c draws from its own stream
     * {@code NumpyRandom.seededByArray(seed, c)} (numpy's {@code np.random.seed([seed, c])}), in the
     * array order within the chunk. The result does not depend on the number of threads.
     *
     * @param threads worker threads, >= 1 (the machine has {@code Runtime.availableProcessors()})
     */
    public EnsembleStats ensembleStatsParallel(int n, long seed, int ddof, int threads) {
        checkN(n);
        checkDdof(ddof, n);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        NumpyRandom.seededByArray(seed); // validates the seed before starting threads
        int chunks = (int) ((n + (long) PARALLEL_CHUNK - 1) / PARALLEL_CHUNK);
        ForkJoinPool pool = new ForkJoinPool(threads);
        StepStatistics[] parts;
        try {
            parts = pool.submit(() -> IntStream.range(0, chunks).parallel()
                    .mapToObj(c -> neuronMajor(Math.min(PARALLEL_CHUNK, n - c * PARALLEL_CHUNK),
                            NumpyRandom.seededByArray(seed, c)))
                    .toArray(StepStatistics[]::new)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
        StepStatistics total = new StepStatistics(steps());
        for (StepStatistics part : parts) {
            total.merge(part); // in chunk order: deterministic
        }
        return total.result(times(), ddof);
    }

    /**
     * The fused ensemble loop: BLOCK neurons at a time (their draws are consecutive in the stream), each
     * step updates the block's potentials and folds the block's mean and M2 into the per-step running
     * mean and M2 (Chan et al.). Hand-written rather than StepStatistics.add per neuron for speed.
     */
    private StepStatistics neuronMajor(int n, NumpyRandom rng) {
        final int steps = steps();
        final double eL = p.eL();
        final double r = p.r();
        final double iMean = p.iMean();
        final double scale = p.noiseScale();
        final double a = dtOverTau;
        final double d = decay;
        final double vTh = spikes ? p.vTh() : Double.POSITIVE_INFINITY; // never crossed when spikes are off
        final double vReset = p.vReset();
        final boolean euler = integrator == Integrator.EULER;
        final double[] u = new double[BLOCK * steps];
        final double[] cur = new double[BLOCK * steps]; // cur[k * BLOCK + b]: step k of block neuron b
        final double[] mean = new double[steps];
        final double[] m2 = new double[steps];
        final double[] v = new double[BLOCK];
        for (int start = 0; start < n; start += BLOCK) {
            final int nb = Math.min(BLOCK, n - start);
            rng.fill(u, 0, nb * steps);
            for (int b = 0; b < nb; b++) {
                int base = b * steps;
                for (int k = 1; k < steps; k++) {
                    cur[k * BLOCK + b] = iMean * (1 + scale * (2 * u[base + k] - 1));
                }
                v[b] = eL;
            }
            final double wb = (double) nb / (start + nb);
            final double wab = (double) start * nb / (start + nb);
            double delta0 = eL - mean[0]; // step 0: every neuron at E_L, block M2 = 0
            mean[0] += delta0 * wb;
            m2[0] += delta0 * delta0 * wab;
            for (int k = 1; k < steps; k++) {
                final int o = k * BLOCK;
                double s = 0;
                for (int b = 0; b < nb; b++) {
                    double x;
                    if (euler) {
                        x = v[b] + a * ((eL - v[b]) + r * cur[o + b]);
                    } else {
                        double vInf = eL + r * cur[o + b];
                        x = vInf + (v[b] - vInf) * d;
                    }
                    if (x > vTh) {
                        x = vReset;
                    }
                    v[b] = x;
                    s += x;
                }
                double mb = s / nb;
                double q = 0;
                for (int b = 0; b < nb; b++) {
                    double dv = v[b] - mb;
                    q += dv * dv;
                }
                double delta = mb - mean[k];
                mean[k] += delta * wb;
                m2[k] += q + delta * delta * wab;
            }
        }
        return new StepStatistics(n, mean, m2);
    }

    private double resetIfSpike(double v, double t, SpikeList spikeList) {
        if (spikes && v > p.vTh()) {
            spikeList.add(t);
            return p.vReset();
        }
        return v;
    }

    private static void checkN(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n (number of neurons) must be >= 1, got " + n);
        }
    }

    private static void checkRng(NumpyRandom rng) {
        if (rng == null) {
            throw new IllegalArgumentException("rng must be a NumpyRandom (e.g. new NumpyRandom(2020)), got null");
        }
    }

    private static void checkDdof(int ddof, int n) {
        if (ddof < 0 || ddof >= n) {
            throw new IllegalArgumentException("ddof must be >= 0 and < n (" + n + "), got " + ddof
                    + (ddof == 1 ? ": the sample (N-1) statistics need at least 2 neurons" : ""));
        }
    }

    /** A growable list of spike times. */
    private static final class SpikeList {
        private double[] times = new double[8];
        private int size;

        void add(double t) {
            if (size == times.length) {
                times = java.util.Arrays.copyOf(times, size * 2);
            }
            times[size++] = t;
        }

        double[] toArray() {
            return java.util.Arrays.copyOf(times, size);
        }
    }
}
