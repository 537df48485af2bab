package lif;

import lif.stats.Autocovariance;
import lif.stats.EnsembleStats;
import lif.stats.Interrupts;
import lif.stats.Variance;

/**
 * Simulates LIF neurons: {@code tau dV/dt = E_L - V + R I(t)}, {@code V(0) = E_L}, on the grid
 * {@code t_k = k dt}, k = 0 .. T-1 with {@code T = p.steps()} (150 points for the tutorial).
 *
 * <pre>{@code
 * var p = LifParameters.defaults();
 * Trajectory sine = Lif.euler(p).run(Current.sinusoid(p));                 // one neuron
 * double[][] vn   = Lif.euler(p).ensemble(50, new NumpyRandom(2020));       // = Exercise 13, bit for bit
 * EnsembleStats s = Lif.euler(p).ensembleStats(100_000, new NumpyRandom(2020), Variance.POPULATION); // O(T) memory
 * Ensemble e      = Lif.euler(p).simulate(50_000, new NumpyRandom(2020), Monitor.STATS, Monitor.AUTOCOVARIANCE);
 * }</pre>
 *
 * <p><b>Step rule.</b> {@code v[k]} is one step of the chosen {@link Integrator} from {@code v[k-1]} with
 * the current of that step. For a {@link Current}, that is {@code I(t_{k-1})} (forward Euler).
 * For the tutorial's noise ({@link Current#noise(LifParameters, double)}), each step takes a fresh
 * draw; the order of draws is that of the tutorial's exercises:
 * <ul>
 *   <li>{@link #run(NumpyRandom)}: one draw per step (Exercise 7). Its value at {@code t_k} equals the
 *       exercise's value plotted at {@code t_{k-1}} (the exercise plots v after the update at the time before it).</li>
 *   <li>{@link #ensemble}, {@link #ensembleStats}, {@link #ensembleAutocovariance} and {@link #simulate}: the
 *       whole (N, T) matrix row-major, i.e. neuron n uses draws {@code n*T .. n*T+T-1}, draw {@code n*T + k}
 *       drives step k and draw {@code n*T} is made but unused (Exercises 13-14: {@code v_n[:, step]} uses
 *       {@code i[:, step]}). Equal to Exercise 13, on any number of threads (each jumps ahead in the stream).</li>
 * </ul>
 *
 * <p><b>Spikes</b> are off by default, as in the tutorial. {@link #withSpikes(boolean)} turns on
 * threshold-and-reset: when a step ends with {@code v > vTh}, that v is replaced by {@code vReset} and
 * the step's time is recorded in {@link Trajectory#spikeTimes()}.
 *
 * <p>Instances are immutable and thread-safe; the {@link NumpyRandom} passed in is not.
 */
public final class Lif {
    private final LifParameters p;
    private final Integrator integrator;
    private final boolean spikes;
    private final Integrator.Update update;

    private Lif(LifParameters p, Integrator integrator, boolean spikes) {
        if (p == null) {
            throw new IllegalArgumentException("p must be LifParameters (e.g. LifParameters.defaults()), got null");
        }
        if (integrator == null) {
            throw new IllegalArgumentException("integrator must be EULER or EXACT, got null");
        }
        if (integrator == Integrator.EULER && p.dt() > 2 * p.tau()) {
            throw new IllegalArgumentException("dt must be <= 2 tau for forward Euler, got dt=" + PyFormat.repr(p.dt())
                    + " s, tau=" + PyFormat.repr(p.tau())
                    + " s: each Euler step multiplies the distance to the fixed point"
                    + " by (1 - dt/tau) = " + PyFormat.repr(1 - p.dt() / p.tau())
                    + ", whose size is > 1, so v oscillates and blows up; use a smaller dt, or Lif.exact(p), the exact"
                    + " exponential update, which is stable for any dt");
        }
        if (spikes && !(p.vReset() < p.vTh())) {
            throw new IllegalArgumentException("vReset must be < vTh when spikes are on, got vReset="
                    + PyFormat.repr(p.vReset()) + " V, vTh=" + PyFormat.repr(p.vTh()) + " V");
        }
        this.p = p;
        this.integrator = integrator;
        this.spikes = spikes;
        this.update = integrator.update(p, spikes);
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
     * One step from v (volts) with current i (amperes) held over the step; no reset ({@link Integrator}).
     * Euler: {@code v + (dt/tau) * ((E_L - v) + R i)}; exact: {@code v_inf + (v - v_inf) exp(-dt/tau)}.
     */
    public double step(double v, double i) {
        return update.step(v, i);
    }

    /** One neuron driven by {@code input}: {@code v[k] = step(v[k-1], input.at(t[k-1]))}. */
    public Trajectory run(Current input) {
        if (input == null) {
            throw new IllegalArgumentException("input must be a Current (e.g. Current.sinusoid(p)), got null");
        }
        double[] t = times();
        return run(t, k -> {
            double i = input.at(t[k - 1]);
            if (!Double.isFinite(i)) {
                throw new IllegalArgumentException("input.at(t) must be finite (A), got " + PyFormat.repr(i) + " at t="
                        + PyFormat.repr(t[k - 1]) + " s");
            }
            return i;
        });
    }

    /**
     * One neuron driven by the tutorial's noise, one draw per step (T-1 draws): as Exercise 7, with
     * v at t_k being the exercise's value plotted at t_{k-1}.
     */
    public Trajectory run(NumpyRandom rng) {
        checkRng(rng);
        double iMean = p.iMean();
        double scale = p.noiseScale();
        return run(times(), k -> Current.noise(iMean, scale, rng.random()));
    }

    /**
     * {@code v[k] = step(v[k-1], current(k))} with the reset when spikes are on; stops when the thread is
     * interrupted (looked at every 65,536 steps).
     */
    private Trajectory run(double[] t, java.util.function.IntToDoubleFunction current) {
        double[] v = new double[t.length];
        SpikeList spikeList = new SpikeList();
        v[0] = p.eL();
        for (int k = 1; k < t.length; k++) {
            if ((k & 0xffff) == 0 && Interrupts.requested()) {
                throw Interrupts.stopped("Lif.run (step " + k + " of " + t.length + ")");
            }
            double x = update.step(v[k - 1], current.applyAsDouble(k));
            if (update.fires(x)) {
                spikeList.add(t[k]);
            }
            v[k] = update.reset(x);
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
        return simulate(n, rng, Monitor.POTENTIALS).potentials();
    }

    /**
     * Per-step mean, variance and std of the neurons of {@link #ensemble(int, NumpyRandom)} without storing them:
     * memory O(T), any N. Equal to {@code Stats.of(t, ensemble(n, rng), kind.ddof())} to about 1e-15 relative.
     *
     * @param kind {@link Variance#POPULATION} for numpy's {@code np.std} default (Exercise 14),
     *             {@link Variance#SAMPLE} for the N-1 statistics of Exercise 10 (needs n >= 2)
     */
    public EnsembleStats ensembleStats(int n, NumpyRandom rng, Variance kind) {
        checkN(n);
        Variance.require(kind).checkSamples(n);
        return simulate(n, rng, Monitor.STATS).stats(kind);
    }

    /**
     * The sample autocovariance {@code C(t, s)} of the neurons of {@link #ensemble(int, NumpyRandom)} without
     * storing them: memory O(T^2) (T <= 4096), any N. Equal to {@code Stats.autocovariance(ensemble(n, rng))} to rounding.
     */
    public Autocovariance ensembleAutocovariance(int n, NumpyRandom rng) {
        return simulate(n, rng, Monitor.AUTOCOVARIANCE).autocovariance();
    }

    /**
     * One pass over N noise-driven neurons (the draws of {@link #ensemble(int, NumpyRandom)}) that records
     * what the monitors ask for, e.g. {@code simulate(n, rng, Monitor.STATS, Monitor.AUTOCOVARIANCE)}.
     * Large runs (from about 5 M neuron-steps, when the machine has idle cores) use every core; each thread
     * jumps ahead in the MT19937 stream to its first neuron, so the result is the same, bit for bit, as on one
     * thread. Afterwards rng stands
     * N*T draws further, as after {@code np.random.random((N, T))}.
     *
     * @throws IllegalArgumentException if n < 1, rng is null, no monitor is given, POTENTIALS do not fit in the
     *                                  heap, or AUTOCOVARIANCE is asked for with more than 4096 steps
     */
    public Ensemble simulate(int n, NumpyRandom rng, Monitor... monitors) {
        checkN(n);
        return simulate(n, rng, engine().defaultThreads(n), monitors);
    }

    /** {@link #simulate(int, NumpyRandom, Monitor...)} on a given number of threads (tests and benchmark). */
    Ensemble simulate(int n, NumpyRandom rng, int threads, Monitor... monitors) {
        checkN(n);
        checkRng(rng);
        return engine().record(n, rng, checkMonitors(monitors), threads, times());
    }

    /** The engine for this model's parameters, integrator and spike setting. */
    EnsembleEngine engine() {
        return new EnsembleEngine(new BlockIntegrator(p, update));
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

    private static java.util.EnumSet<Monitor> checkMonitors(Monitor[] monitors) {
        if (monitors == null || monitors.length == 0) {
            throw new IllegalArgumentException(
                    "monitors must name at least one of " + java.util.Arrays.toString(Monitor.values()) + ", got none");
        }
        java.util.EnumSet<Monitor> what = java.util.EnumSet.noneOf(Monitor.class);
        for (Monitor m : monitors) {
            if (m == null) {
                throw new IllegalArgumentException(
                        "monitors must not contain null, got " + java.util.Arrays.toString(monitors));
            }
            what.add(m);
        }
        return what;
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
