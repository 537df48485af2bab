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
            rng.fill(row, 0, steps); // the neuron's draws, overwritten by its potentials
            simulateInPlace(row, 0, scale);
        }
        return vn;
    }

    /**
     * The neurons of {@link #ensemble(int, NumpyRandom)} one at a time, without storing them: {@code each} gets
     * neuron n's potentials at every step (volts), equal bit for bit to {@code ensemble(n, rng)[n]}. The array
     * passed is reused for the next neuron: read it (or copy it) inside {@code each}. Memory O(T), any N.
     */
    public void forEachNeuron(int n, NumpyRandom rng, java.util.function.Consumer<double[]> each) {
        checkN(n);
        checkRng(rng);
        if (each == null) {
            throw new IllegalArgumentException("each must be a Consumer<double[]> (e.g. acc::add), got null");
        }
        int steps = steps();
        double[] row = new double[steps];
        double scale = p.noiseScale();
        for (int j = 0; j < n; j++) {
            rng.fill(row, 0, steps);
            simulateInPlace(row, 0, scale);
            each.accept(row);
        }
    }

    /**
     * The sample autocovariance {@code C(t, s)} of the Exercise 13 ensemble of n neurons, streamed
     * ({@link #forEachNeuron}): memory O(T^2) whatever n. With ddof 1 it is {@code Stats.autocovariance(ensemble(n, rng))}.
     */
    public lif.stats.Autocovariance ensembleAutocovariance(int n, NumpyRandom rng) {
        checkN(n);
        checkRng(rng);
        return ensembleAutocovariance(n, rng, usePipeline(n));
    }

    lif.stats.Autocovariance ensembleAutocovariance(int n, NumpyRandom rng, boolean pipeline) {
        final int steps = steps();
        final double scale = p.noiseScale();
        lif.stats.Autocovariance acc = new lif.stats.Autocovariance(steps);
        // The draws and the simulation (about a third of the work) on a second thread, the O(T^2)
        // accumulation here: the same neurons, added in the same order as forEachNeuron(n, rng, acc::add).
        streamNeurons(n, pipelineGroup(), pipeline,
                (buf, neurons, first) -> {
                    rng.fill(buf, 0, neurons * steps);
                    for (int j = 0; j < neurons; j++) {
                        simulateInPlace(buf, j * steps, scale);
                    }
                },
                (buf, neurons, first) -> {
                    for (int j = 0; j < neurons; j++) {
                        acc.add(buf, j * steps);
                    }
                });
        return acc;
    }

    /**
     * One neuron: {@code buf[off+1 .. off+T-1]} hold its draws (the draw at {@code off} is the stream's but
     * unused, as in the tutorial) and are overwritten with its potentials, {@code buf[off] = E_L}.
     */
    private void simulateInPlace(double[] buf, int off, double scale) {
        final int steps = steps();
        double v = p.eL();
        buf[off] = v;
        for (int k = 1; k < steps; k++) {
            v = noisyStep(v, buf[off + k], scale);
            buf[off + k] = v;
        }
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
                double x = noisyStep(v[j], u[j], scale);
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
        if (seed < 0 || seed > 0xffffffffL) {
            throw new IllegalArgumentException("seed must be in [0, 4294967295] (numpy's seed range), got " + seed);
        }
        int chunks = (int) ((n + (long) PARALLEL_CHUNK - 1) / PARALLEL_CHUNK);
        if (chunks == 1 || threads == 1) { // nothing to share out: skip the thread pool, same result
            StepStatistics total = new StepStatistics(steps());
            for (int c = 0; c < chunks; c++) {
                total.merge(neuronMajor(Math.min(PARALLEL_CHUNK, n - c * PARALLEL_CHUNK), NumpyRandom.seededByArray(seed, c), false));
            }
            return total.result(times(), ddof);
        }
        ForkJoinPool pool = new ForkJoinPool(threads);
        StepStatistics[] parts;
        try {
            parts = pool.submit(() -> IntStream.range(0, chunks).parallel()
                    .mapToObj(c -> neuronMajor(Math.min(PARALLEL_CHUNK, n - c * PARALLEL_CHUNK),
                            NumpyRandom.seededByArray(seed, c), false)) // the threads are busy: no draw pipeline
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
     * The fused ensemble loop: BLOCK = 8 neurons at a time (their draws are consecutive in the stream);
     * each step updates the block's 8 potentials (held in locals, 8 independent dependency chains),
     * then folds the block's mean and M2 (tree sums, two-pass) into the per-step running mean and M2
     * (Chan et al.). Hand-written rather than StepStatistics.add per neuron because it is the hot loop:
     * the arithmetic of each potential is exactly that of {@link #step} and {@link #ensemble}.
     */
    private StepStatistics neuronMajor(int n, NumpyRandom rng) {
        return neuronMajor(n, rng, usePipeline(n));
    }

    /** Ensembles of at least this many neuron-steps generate their draws on a second thread. */
    static final long PIPELINE_MIN_STEPS = 2_000_000;
    /** Doubles per hand-over buffer of the pipeline (256 kB: the buffers in flight stay in cache). */
    private static final int PIPELINE_BUFFER = 1 << 15;

    private boolean usePipeline(int n) {
        return (long) n * steps() >= PIPELINE_MIN_STEPS && Runtime.getRuntime().availableProcessors() > 1;
    }

    /** Neurons per pipeline buffer: a multiple of BLOCK. */
    private int pipelineGroup() {
        return Math.max(BLOCK, PIPELINE_BUFFER / steps() / BLOCK * BLOCK);
    }

    StepStatistics neuronMajor(int n, NumpyRandom rng, boolean pipeline) {
        final int steps = steps();
        final double[] mean = new double[steps];
        final double[] m2 = new double[steps];
        streamNeurons(n, pipeline ? pipelineGroup() : BLOCK, pipeline,
                (buf, neurons, first) -> rng.fill(buf, 0, neurons * steps),
                (buf, neurons, first) -> {
                    for (int b = 0; b < neurons; b += BLOCK) {
                        foldBlock(buf, b * steps, Math.min(BLOCK, neurons - b), first + b, mean, m2);
                    }
                });
        return new StepStatistics(n, mean, m2);
    }

    /** Work on a buffer holding {@code neurons} neurons' T values each, the first being neuron {@code first}. */
    @FunctionalInterface
    private interface NeuronBuffer {
        void apply(double[] buf, int neurons, int first);
    }

    /**
     * Hands n neurons, {@code group} at a time and in stream order, first to {@code prepare} (which makes
     * their draws, so it must run in order on one thread) and then to {@code consume}. With {@code pipeline},
     * {@code prepare} runs on a second thread up to two buffers ahead, since the stream is sequential: the
     * same calls in the same order, so the same result.
     */
    private void streamNeurons(int n, int group, boolean pipeline, NeuronBuffer prepare, NeuronBuffer consume) {
        final int steps = steps();
        if (!pipeline) {
            final double[] buf = new double[group * steps];
            for (int start = 0; start < n; start += group) {
                int neurons = Math.min(group, n - start);
                prepare.apply(buf, neurons, start);
                consume.apply(buf, neurons, start);
            }
            return;
        }
        final java.util.concurrent.BlockingQueue<double[]> free = new java.util.concurrent.ArrayBlockingQueue<>(3);
        final java.util.concurrent.BlockingQueue<double[]> full = new java.util.concurrent.ArrayBlockingQueue<>(3);
        for (int b = 0; b < 3; b++) {
            free.add(new double[group * steps]);
        }
        final Throwable[] failure = new Throwable[1];
        Thread producer = new Thread(() -> {
            try {
                for (int start = 0; start < n; start += group) {
                    double[] buf = free.take();
                    prepare.apply(buf, Math.min(group, n - start), start);
                    full.put(buf);
                }
            } catch (InterruptedException | RuntimeException | Error e) {
                failure[0] = e;
                full.clear();               // the consumer must not wait for buffers that will not come
                full.offer(new double[0]);  // and wakes up to this marker
            }
        }, "lif-random-stream");
        producer.setDaemon(true);
        producer.start();
        try {
            for (int start = 0; start < n; start += group) {
                double[] buf = full.take();
                if (buf.length == 0) {
                    throw new IllegalStateException("the draws/simulation thread failed", failure[0]);
                }
                consume.apply(buf, Math.min(group, n - start), start);
                free.put(buf);
            }
            producer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            producer.interrupt(); // no-op once it has finished; frees it if this thread failed
            joinUninterruptibly(producer); // it must not touch rng once this call has returned or thrown
        }
    }

    private static void joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        while (t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void foldBlock(double[] u, int off, int nb, int before, double[] mean, double[] m2) {
        if (nb == BLOCK) {
            fullBlock(u, off, before, mean, m2);
        } else {
            partialBlock(u, off, nb, before, mean, m2);
        }
    }

    /** 8 neurons whose draws are u[off+b*T .. off+b*T+T-1], folded into mean/m2 after {@code before} neurons. */
    private void fullBlock(double[] u, int off, int before, double[] mean, double[] m2) {
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
        final double wb = 8.0 / (before + 8);
        final double wab = before * 8.0 / (before + 8);
        double delta0 = eL - mean[0]; // step 0: every neuron at E_L, block M2 = 0
        mean[0] += delta0 * wb;
        m2[0] += delta0 * delta0 * wab;
        double v0 = eL, v1 = eL, v2 = eL, v3 = eL, v4 = eL, v5 = eL, v6 = eL, v7 = eL;
        final int s0 = off, s1 = off + steps, s2 = off + 2 * steps, s3 = off + 3 * steps, s4 = off + 4 * steps,
                s5 = off + 5 * steps, s6 = off + 6 * steps, s7 = off + 7 * steps;
        for (int k = 1; k < steps; k++) {
            // the tutorial's noise current, iMean * (1 + scale * (2u - 1)), for each neuron
            double i0 = iMean * (1 + scale * (2 * u[s0 + k] - 1));
            double i1 = iMean * (1 + scale * (2 * u[s1 + k] - 1));
            double i2 = iMean * (1 + scale * (2 * u[s2 + k] - 1));
            double i3 = iMean * (1 + scale * (2 * u[s3 + k] - 1));
            double i4 = iMean * (1 + scale * (2 * u[s4 + k] - 1));
            double i5 = iMean * (1 + scale * (2 * u[s5 + k] - 1));
            double i6 = iMean * (1 + scale * (2 * u[s6 + k] - 1));
            double i7 = iMean * (1 + scale * (2 * u[s7 + k] - 1));
            if (euler) {
                v0 = v0 + a * ((eL - v0) + r * i0);
                v1 = v1 + a * ((eL - v1) + r * i1);
                v2 = v2 + a * ((eL - v2) + r * i2);
                v3 = v3 + a * ((eL - v3) + r * i3);
                v4 = v4 + a * ((eL - v4) + r * i4);
                v5 = v5 + a * ((eL - v5) + r * i5);
                v6 = v6 + a * ((eL - v6) + r * i6);
                v7 = v7 + a * ((eL - v7) + r * i7);
            } else {
                double w0 = eL + r * i0, w1 = eL + r * i1, w2 = eL + r * i2, w3 = eL + r * i3;
                double w4 = eL + r * i4, w5 = eL + r * i5, w6 = eL + r * i6, w7 = eL + r * i7;
                v0 = w0 + (v0 - w0) * d;
                v1 = w1 + (v1 - w1) * d;
                v2 = w2 + (v2 - w2) * d;
                v3 = w3 + (v3 - w3) * d;
                v4 = w4 + (v4 - w4) * d;
                v5 = w5 + (v5 - w5) * d;
                v6 = w6 + (v6 - w6) * d;
                v7 = w7 + (v7 - w7) * d;
            }
            if (v0 > vTh) v0 = vReset;
            if (v1 > vTh) v1 = vReset;
            if (v2 > vTh) v2 = vReset;
            if (v3 > vTh) v3 = vReset;
            if (v4 > vTh) v4 = vReset;
            if (v5 > vTh) v5 = vReset;
            if (v6 > vTh) v6 = vReset;
            if (v7 > vTh) v7 = vReset;
            // block mean and M2 with tree sums (short dependency chains)
            double mb = (((v0 + v1) + (v2 + v3)) + ((v4 + v5) + (v6 + v7))) * 0.125;
            double e0 = v0 - mb, e1 = v1 - mb, e2 = v2 - mb, e3 = v3 - mb;
            double e4 = v4 - mb, e5 = v5 - mb, e6 = v6 - mb, e7 = v7 - mb;
            double q = ((e0 * e0 + e1 * e1) + (e2 * e2 + e3 * e3)) + ((e4 * e4 + e5 * e5) + (e6 * e6 + e7 * e7));
            double delta = mb - mean[k];
            mean[k] += delta * wb;
            m2[k] += q + delta * delta * wab;
        }
    }

    /** The last, partial block (fewer than 8 neurons): the same arithmetic with a loop. */
    private void partialBlock(double[] u, int off, int nb, int before, double[] mean, double[] m2) {
        final int steps = steps();
        final double scale = p.noiseScale();
        final double wb = (double) nb / (before + nb);
        final double wab = (double) before * nb / (before + nb);
        final double[] v = new double[nb];
        java.util.Arrays.fill(v, p.eL());
        double delta0 = p.eL() - mean[0];
        mean[0] += delta0 * wb;
        m2[0] += delta0 * delta0 * wab;
        for (int k = 1; k < steps; k++) {
            double s = 0;
            for (int b = 0; b < nb; b++) {
                double x = noisyStep(v[b], u[off + b * steps + k], scale);
                v[b] = x;
                s += x;
            }
            double mb = s / nb;
            double q = 0;
            for (int b = 0; b < nb; b++) {
                double e = v[b] - mb;
                q += e * e;
            }
            double delta = mb - mean[k];
            mean[k] += delta * wb;
            m2[k] += q + delta * delta * wab;
        }
    }

    /**
     * One step of a noise-driven neuron from potential v with draw u: {@link #step} with the tutorial's noise
     * current, then the reset when spikes are on. The scalar paths share it; the 8-neuron block keeps its
     * literal copy (8 independent chains in locals).
     */
    private double noisyStep(double v, double u, double scale) {
        double x = step(v, Current.noise(p.iMean(), scale, u));
        return spikes && x > p.vTh() ? p.vReset() : x;
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
