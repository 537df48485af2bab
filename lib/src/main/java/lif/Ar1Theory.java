package lif;

/**
 * Closed-form statistics of the tutorial's noise-driven neuron integrated with forward Euler.
 *
 * <p>With {@code xi_k ~ U(-1, 1)} independent, the Euler step of the tutorial is
 * {@code v_{k+1} = a v_k + b + c xi_k}, an autoregressive process of order 1 (AR(1)), with
 * <ul>
 *   <li>{@code a = 1 - dt/tau} (the factor by which each step shrinks the distance to the fixed point),</li>
 *   <li>{@code b = (dt/tau) (E_L + R I_mean)},</li>
 *   <li>{@code c = (dt/tau) R I_mean s}, {@code s = 0.1 sqrt(tMax/dt)} (the tutorial's noise factor).</li>
 * </ul>
 * Since {@code Var(xi) = 1/3}: starting from {@code v_0 = E_L} (every neuron at rest),
 * <pre>
 *   E[v_k]          = E_L + R I_mean (1 - a^k)
 *   Var[v_k]        = (c^2 / 3) (1 - a^(2k)) / (1 - a^2)
 *   Cov[v_j, v_k]   = a^(k-j) Var[v_j]              (j <= k)
 * </pre>
 * and, when {@code |a| < 1}, as {@code k -> infinity}: stationary mean {@code E_L + R I_mean},
 * stationary variance {@code (c^2/3) / (1 - a^2)} and autocorrelation {@code a^|lag|} (lag in steps):
 * an exponential decay with time constant {@code -dt / ln(a)}, close to tau for small dt/tau.
 *
 * <p>Indices follow {@link Lif#ensemble} and {@link Lif#ensembleStats} (Exercises 13-14):
 * {@code v[0] = E_L} and {@code v[k]} is k steps after it. Units: volts, volts squared.
 */
public final class Ar1Theory {
    private final double a;
    private final double b;
    private final double c;
    private final double eL;
    private final double drive;
    private final double dt;

    private Ar1Theory(LifParameters p) {
        double h = p.dt() / p.tau();
        this.a = 1 - h;
        this.b = h * (p.eL() + p.r() * p.iMean());
        this.c = h * p.r() * p.iMean() * p.noiseScale();
        this.eL = p.eL();
        this.drive = p.r() * p.iMean();
        this.dt = p.dt();
    }

    /** The AR(1) coefficients of the Euler-discretised noisy neuron with parameters p. */
    public static Ar1Theory of(LifParameters p) {
        if (p == null) {
            throw new IllegalArgumentException("p must be LifParameters (e.g. LifParameters.defaults()), got null");
        }
        return new Ar1Theory(p);
    }

    /** {@code a = 1 - dt/tau}. */
    public double a() {
        return a;
    }

    /** {@code b = (dt/tau)(E_L + R I_mean)}, volts. */
    public double b() {
        return b;
    }

    /** {@code c = (dt/tau) R I_mean 0.1 sqrt(tMax/dt)}, volts: the noise amplitude per step. */
    public double c() {
        return c;
    }

    /** True when {@code |a| < 1}: the process forgets its start and has a stationary regime (dt < 2 tau). */
    public boolean stable() {
        return Math.abs(a) < 1;
    }

    /** {@code E_L + R I_mean}, volts: the fixed point, and the stationary mean. */
    public double stationaryMean() {
        return eL + drive;
    }

    /** {@code (c^2/3) / (1 - a^2)}, volts squared. @throws IllegalStateException if not {@link #stable()} */
    public double stationaryVariance() {
        checkStable();
        return c * c / 3 / (1 - a * a);
    }

    /** Square root of {@link #stationaryVariance()}, volts. */
    public double stationaryStd() {
        return Math.sqrt(stationaryVariance());
    }

    /** {@code a^|lag|}: the stationary correlation between v_k and v_{k+lag}. */
    public double autocorrelation(int lag) {
        checkStable();
        return Math.pow(a, Math.abs(lag));
    }

    /** {@code a^|lag|} for lag = 0 .. maxLag. */
    public double[] autocorrelation(int fromLag, int toLag) {
        if (toLag < fromLag) {
            throw new IllegalArgumentException("toLag must be >= fromLag, got " + fromLag + " .. " + toLag);
        }
        double[] r = new double[toLag - fromLag + 1];
        for (int l = fromLag; l <= toLag; l++) {
            r[l - fromLag] = autocorrelation(l);
        }
        return r;
    }

    /** Correlation time {@code -dt / ln(a)}, seconds (tau (1 + O(dt/tau))). */
    public double correlationTime() {
        checkStable();
        if (a <= 0) {
            throw new IllegalStateException("a = " + a + " <= 0: the correlation alternates in sign, no time constant");
        }
        return -dt / Math.log(a);
    }

    /** {@code E[v_k] = E_L + R I_mean (1 - a^k)}, volts, for k >= 0 steps after {@code v_0 = E_L}. */
    public double mean(int k) {
        checkK(k);
        return eL + drive * (1 - Math.pow(a, k));
    }

    /** {@code Var[v_k] = (c^2/3) sum_{m<k} a^(2m)}, volts squared (0 at k = 0). */
    public double variance(int k) {
        checkK(k);
        double a2 = a * a;
        if (a2 == 1) {
            return c * c / 3 * k;
        }
        return c * c / 3 * (1 - Math.pow(a2, k)) / (1 - a2);
    }

    /** Square root of {@link #variance(int)}, volts. */
    public double std(int k) {
        return Math.sqrt(variance(k));
    }

    /** {@code Cov[v_j, v_k] = a^|k-j| Var[v_min(j,k)]}, volts squared. */
    public double covariance(int j, int k) {
        int lo = Math.min(j, k);
        return Math.pow(a, Math.abs(k - j)) * variance(lo);
    }

    /** {@link #mean(int)} for k = 0 .. steps-1. */
    public double[] mean(LifParameters p) {
        double[] m = new double[p.steps()];
        for (int k = 0; k < m.length; k++) {
            m[k] = mean(k);
        }
        return m;
    }

    /** {@link #std(int)} for k = 0 .. steps-1. */
    public double[] std(LifParameters p) {
        double[] s = new double[p.steps()];
        for (int k = 0; k < s.length; k++) {
            s[k] = std(k);
        }
        return s;
    }

    /** Steps after which the variance is within {@code relTol} of stationary: {@code a^(2k) <= relTol}. */
    public int stepsToStationary(double relTol) {
        checkStable();
        if (!(relTol > 0 && relTol < 1)) {
            throw new IllegalArgumentException("relTol must be in (0, 1), got " + relTol);
        }
        return (int) Math.ceil(Math.log(relTol) / (2 * Math.log(Math.abs(a))));
    }

    private void checkStable() {
        if (!stable()) {
            throw new IllegalStateException("|a| = |1 - dt/tau| = " + Math.abs(a)
                    + " >= 1 (dt >= 2 tau): the Euler recurrence has no stationary regime");
        }
    }

    private static void checkK(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k (steps after v_0 = E_L) must be >= 0, got " + k);
        }
    }

    @Override
    public String toString() {
        return "Ar1Theory[a=" + a + ", b=" + b + " V, c=" + c + " V]";
    }
}
