package lif;

import java.util.ArrayList;
import java.util.List;
import lif.stats.EnsembleStats;
import lif.stats.Stats;
import lif.stats.Variance;

/**
 * Reference answers of the tutorial's exercises, computed in each exercise's own step order, random-draw
 * order and printing convention, so a learner's hand-written loop can be checked against them value for
 * value ({@code Arrays.equals} or a tolerance). They equal numpy's results bit for bit (see the tests).
 * The no-argument forms use {@link LifParameters#defaults()} and seed 2020.
 *
 * <p>The exercises' own quirks are kept on purpose: Exercise 4 prints v before its update; Exercises 6-10
 * plot at {@code t = step*dt} the value after the update (i.e. {@code V(t + dt)}); Exercise 11 uses
 * {@code int(t_max/dt) - 1} = 149 steps and {@code i[step]} for {@code v[step]}; Exercise 14's
 * {@code np.std} is the population (ddof 0) standard deviation while Exercise 10 divides by N-1.
 */
public final class Tutorial {
    /** The tutorial's seed. */
    public static final long SEED = 2020;
    /** The tutorial's ensemble size. */
    public static final int N = 50;

    private Tutorial() {}

    /** Exercises 2 and 5: the sinusoidal input sampled at {@code t[k] = k*dt}: times (s) and currents (A). */
    public record InputSamples(double[] t, double[] i) {}

    /** Exercise 11/12's arrays: {@code t_range}, the current {@code i} and the potential {@code v}. */
    public record ArrayRun(double[] t, double[] i, double[] v) {}

    /**
     * Exercises 8-10's lists: {@code vByStep[k]} is the list {@code v_n} after step k (N values), with the
     * per-step mean, sample variance (N-1) and std, all plotted at {@code t[k] = k*dt}.
     */
    public record ListEnsemble(double[] t, double[][] vByStep, double[] mean, double[] variance, double[] std) {
        /**
         * The sample autocovariance (N-1) between steps {@code k} and {@code l}, the quantity the tutorial's Section 5
         * defines for these realizations; {@code autocovariance(k, k)} is {@code variance()[k]}. V².
         */
        public double autocovariance(int k, int l) {
            return Stats.autocovariance(Np.transpose(vByStep), k, l);
        }
    }

    /** Exercise 1's printed line: {@code 0.15 0.001 0.02 -0.06 -0.07 -0.05 100000000.0 2.5e-10}. */
    public static String exercise1() {
        return LifParameters.defaults().toPythonString();
    }

    /** Exercise 2: {@code I(t)} of the sinusoid at {@code t = step*dt}, step 0..9, amperes. */
    public static double[] exercise2() {
        return sinusoidSamples(10).i();
    }

    /** Exercise 5's figure data: the sinusoid at {@code t = step*dt}, step 0..24 (0 to 0.024 s). */
    public static InputSamples exercise5() {
        return sinusoidSamples(25);
    }

    private static InputSamples sinusoidSamples(int steps) {
        LifParameters p = LifParameters.defaults();
        Current sine = Current.sinusoid(p);
        double[] t = new double[steps];
        double[] i = new double[steps];
        for (int step = 0; step < steps; step++) {
            t[step] = step * p.dt();
            i[step] = sine.at(t[step]);
        }
        return new InputSamples(t, i);
    }

    /** Exercise 2's printed lines (Python's repr of each current). */
    public static List<String> exercise2Lines() {
        List<String> lines = new ArrayList<>();
        for (double i : exercise2()) {
            lines.add(PyFormat.repr(i));
        }
        return lines;
    }

    /** Exercise 3's printed lines, {@code f"{t:.3f} {i:.4e}"}. */
    public static List<String> exercise3Lines() {
        double[] i = exercise2();
        List<String> lines = new ArrayList<>();
        for (int step = 0; step < i.length; step++) {
            lines.add(PyFormat.f(step * LifParameters.defaults().dt(), 3) + " " + PyFormat.e(i[step], 4));
        }
        return lines;
    }

    /** Exercise 4: 10 steps of the sinusoid-driven neuron, v printed BEFORE each update (so v[0] = E_L). */
    public static Trajectory exercise4() {
        LifParameters p = LifParameters.defaults();
        Current sine = Current.sinusoid(p);
        Lif lif = Lif.euler(p);
        double[] t = new double[10];
        double[] v = new double[10];
        double vNow = p.eL();
        for (int step = 0; step < 10; step++) {
            t[step] = step * p.dt();
            v[step] = vNow;
            vNow = lif.step(vNow, sine.at(t[step]));
        }
        return new Trajectory(t, v);
    }

    /** Exercise 4's printed lines, {@code f"{t:.3f} {v:.4e}"}. */
    public static List<String> exercise4Lines() {
        Trajectory tr = exercise4();
        List<String> lines = new ArrayList<>();
        for (int k = 0; k < tr.size(); k++) {
            lines.add(PyFormat.f(tr.t()[k], 3) + " " + PyFormat.e(tr.v()[k], 4));
        }
        return lines;
    }

    /** Exercise 6 with the defaults. */
    public static Trajectory exercise6() {
        return exercise6(LifParameters.defaults());
    }

    /** Exercise 6: {@code int(tMax/dt)} Euler steps with the sinusoid; point k is (k*dt, v after update k). */
    public static Trajectory exercise6(LifParameters p) {
        Current sine = Current.sinusoid(p);
        Lif lif = Lif.euler(p);
        int steps = p.steps();
        double[] t = new double[steps];
        double[] v = new double[steps];
        double vNow = p.eL();
        for (int step = 0; step < steps; step++) {
            t[step] = step * p.dt();
            vNow = lif.step(vNow, sine.at(t[step]));
            v[step] = vNow;
        }
        return new Trajectory(t, v);
    }

    /** Exercise 7 with the defaults and seed 2020. */
    public static Trajectory exercise7() {
        return exercise7(LifParameters.defaults(), SEED);
    }

    /** Exercise 7: one draw per step; point k is (k*dt, v after update k). */
    public static Trajectory exercise7(LifParameters p, long seed) {
        NumpyRandom rng = new NumpyRandom(seed);
        Lif lif = Lif.euler(p);
        int steps = p.steps();
        double[] t = new double[steps];
        double[] v = new double[steps];
        double vNow = p.eL();
        for (int step = 0; step < steps; step++) {
            t[step] = step * p.dt();
            vNow = lif.step(vNow, Current.noise(p, rng.random()));
            v[step] = vNow;
        }
        return new Trajectory(t, v);
    }

    /** Exercises 8-10 with the defaults, N = 50 and seed 2020. */
    public static ListEnsemble exercises8to10() {
        return exercises8to10(LifParameters.defaults(), N, SEED);
    }

    /** Exercises 8-10: for each step, for each neuron, one draw and one update; then mean and (N-1) std. */
    public static ListEnsemble exercises8to10(LifParameters p, int n, long seed) {
        if (n < 2) {
            throw new IllegalArgumentException("n must be >= 2 for the (N-1) sample variance, got " + n);
        }
        NumpyRandom rng = new NumpyRandom(seed);
        Lif lif = Lif.euler(p);
        int steps = p.steps();
        double[] t = new double[steps];
        double[][] vByStep = new double[steps][];
        double[] mean = new double[steps];
        double[] var = new double[steps];
        double[] std = new double[steps];
        double[] vn = Np.full(n, p.eL());
        for (int step = 0; step < steps; step++) {
            t[step] = step * p.dt();
            for (int j = 0; j < n; j++) {
                vn[j] = lif.step(vn[j], Current.noise(p, rng.random()));
            }
            vByStep[step] = vn.clone();
            mean[step] = Stats.mean(vn);
            var[step] = Stats.variance(vn, Variance.SAMPLE);
            std[step] = Math.sqrt(var[step]);
        }
        return new ListEnsemble(t, vByStep, mean, var, std);
    }

    /** Exercise 11/12 with the defaults and seed 2020. */
    public static ArrayRun exercise11() {
        return exercise11(LifParameters.defaults(), SEED);
    }

    /**
     * Exercise 11/12: {@code step_end = int(tMax/dt) - 1} (149), {@code t_range = linspace(0, tMax, step_end,
     * endpoint=False)}, the currents from {@code random(step_end)}, and {@code v[step]} from {@code v[step-1]}
     * with {@code i[step]} (i[0] is drawn but unused).
     */
    public static ArrayRun exercise11(LifParameters p, long seed) {
        NumpyRandom rng = new NumpyRandom(seed);
        Lif lif = Lif.euler(p);
        int stepEnd = p.steps() - 1;
        if (stepEnd < 1) {
            throw new IllegalArgumentException("Exercise 11 needs int(tMax/dt) >= 2 steps, got " + p.steps());
        }
        double[] t = Np.linspace(0, p.tMax(), stepEnd, false);
        double[] u = rng.random(stepEnd);
        double[] i = new double[stepEnd];
        for (int k = 0; k < stepEnd; k++) {
            i[k] = Current.noise(p, u[k]);
        }
        double[] v = Np.full(stepEnd, p.eL());
        for (int step = 1; step < stepEnd; step++) {
            v[step] = lif.step(v[step - 1], i[step]);
        }
        return new ArrayRun(t, i, v);
    }

    /** Exercise 13's {@code t_range = np.linspace(0, tMax, int(tMax/dt))} (with the endpoint). */
    public static double[] exercise13Times(LifParameters p) {
        return Np.linspace(0, p.tMax(), p.steps());
    }

    /** Exercise 13 with the defaults, N = 50 and seed 2020: {@code v_n}, 50 x 150. */
    public static double[][] exercise13() {
        return exercise13(LifParameters.defaults(), N, SEED);
    }

    /** Exercise 13: the (n, steps) current matrix drawn row-major, then {@code v_n[:, step]} from column step-1. */
    public static double[][] exercise13(LifParameters p, int n, long seed) {
        return Lif.euler(p).ensemble(n, new NumpyRandom(seed));
    }

    /** Exercise 14 with the defaults, N = 50 and seed 2020. */
    public static EnsembleStats exercise14() {
        return exercise14(LifParameters.defaults(), N, SEED);
    }

    /** Exercise 14: {@code np.mean(v_n, axis=0)} and {@code np.std(v_n, axis=0)} (ddof 0), over Exercise 13's t_range. */
    public static EnsembleStats exercise14(LifParameters p, int n, long seed) {
        return Stats.of(exercise13Times(p), exercise13(p, n, seed), Variance.POPULATION);
    }
}
