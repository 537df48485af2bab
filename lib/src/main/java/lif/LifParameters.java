package lif;

/**
 * Parameters of one leaky integrate-and-fire (LIF) neuron and of its simulation, in SI units.
 *
 * <p>The membrane equation is {@code tau dV/dt = E_L - V + R I(t)}; with spikes switched on
 * (see {@link Lif#withSpikes(boolean)}), {@code V > V_th} resets {@code V} to {@code V_reset}.
 *
 * <p>Instances are immutable. {@link #defaults()} gives the tutorial's values; each {@code with...}
 * method returns a validated copy with one value changed, so a hypothesis is one line:
 * {@code LifParameters.defaults().withTau(0.01)}.
 *
 * <p>Validation (every constructor and {@code with...} call): all values finite; {@code dt > 0},
 * {@code tau > 0}, {@code r > 0}, {@code tMax >= dt}, and {@code tMax / dt} below 2<sup>31</sup>.
 * A violation throws {@link IllegalArgumentException} whose message names the parameter, the value
 * and the rule. {@code dt > 2 tau} is allowed here (the exact integrator handles it) but rejected by
 * {@link Lif#euler(LifParameters)}, where forward Euler is unstable.
 *
 * @param tMax   simulated duration, in seconds (s); tutorial 0.15
 * @param dt     time step, in seconds (s); tutorial 0.001
 * @param tau    membrane time constant, in seconds (s); tutorial 0.02
 * @param eL     leak (resting) potential, in volts (V); tutorial -0.06
 * @param vReset reset potential after a spike, in volts (V); tutorial -0.07
 * @param vTh    firing threshold, in volts (V); tutorial -0.05
 * @param r      membrane resistance, in ohms; tutorial 1e8 (100 MOhm)
 * @param iMean  mean input current, in amperes (A); tutorial 2.5e-10 (250 pA)
 */
public record LifParameters(
        double tMax, double dt, double tau, double eL, double vReset, double vTh, double r, double iMean) {

    /** Validates all values; see the class comment for the rules. */
    public LifParameters {
        // dt first: the tMax rule refers to it.
        positive("dt", dt, "s");
        positive("tau", tau, "s");
        positive("r", r, "ohm");
        finite("eL", eL, "V");
        finite("vReset", vReset, "V");
        finite("vTh", vTh, "V");
        finite("iMean", iMean, "A");
        if (!Double.isFinite(tMax) || !(tMax >= dt)) {
            throw new IllegalArgumentException(
                    "tMax must be finite and >= dt (" + PyFormat.repr(dt) + " s), got " + PyFormat.repr(tMax));
        }
        if (tMax / dt >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("tMax / dt must be < 2^31 steps, got tMax=" + PyFormat.repr(tMax)
                    + " s, dt=" + PyFormat.repr(dt) + " s (" + PyFormat.repr(tMax / dt) + " steps)");
        }
    }

    /** The tutorial's values: 0.15 s, 0.001 s, 0.02 s, -0.06 V, -0.07 V, -0.05 V, 1e8 ohm, 2.5e-10 A. */
    public static LifParameters defaults() {
        return new LifParameters(150e-3, 1e-3, 20e-3, -60e-3, -70e-3, -50e-3, 100e6, 25e-11);
    }

    /**
     * Number of time steps, {@code int(tMax / dt)} exactly as Python computes it (truncation of the
     * floating-point quotient): 150 for the defaults. Beware that {@code 0.3 / 0.1} is
     * {@code 2.9999999999999996}, so such a quotient truncates one step short, in Python as here.
     */
    public int steps() {
        return (int) (tMax / dt);
    }

    /** Time of step k, {@code k * dt}, for k = 0 .. steps()-1, in seconds (the tutorial's {@code t = step * dt}). */
    public double[] times() {
        double[] t = new double[steps()];
        for (int k = 0; k < t.length; k++) {
            t[k] = k * dt;
        }
        return t;
    }

    /**
     * Standard-deviation factor of the tutorial's noise input, {@code 0.1 * (tMax/dt)**0.5}
     * (dimensionless; 1.2247448713915892 for the defaults). See {@link Current#noise(LifParameters, double)}.
     */
    public double noiseScale() {
        // Python's x ** 0.5 calls C pow(), which glibc rounds correctly, as Math.sqrt is specified to:
        // the same bits. (Math.pow is only specified to within 1 ulp.)
        return 0.1 * Math.sqrt(tMax / dt);
    }

    /** Copy with another duration {@code tMax}, in seconds. */
    public LifParameters withTMax(double tMax) {
        return new LifParameters(tMax, dt, tau, eL, vReset, vTh, r, iMean);
    }

    /** Copy with another time step {@code dt}, in seconds. */
    public LifParameters withDt(double dt) {
        return new LifParameters(tMax, dt, tau, eL, vReset, vTh, r, iMean);
    }

    /** Copy with another membrane time constant {@code tau}, in seconds. */
    public LifParameters withTau(double tau) {
        return new LifParameters(tMax, dt, tau, eL, vReset, vTh, r, iMean);
    }

    /** Copy with another leak potential {@code eL}, in volts. */
    public LifParameters withEL(double eL) {
        return new LifParameters(tMax, dt, tau, eL, vReset, vTh, r, iMean);
    }

    /** Copy with another reset potential {@code vReset}, in volts. */
    public LifParameters withVReset(double vReset) {
        return new LifParameters(tMax, dt, tau, eL, vReset, vTh, r, iMean);
    }

    /** Copy with another threshold {@code vTh}, in volts. */
    public LifParameters withVTh(double vTh) {
        return new LifParameters(tMax, dt, tau, eL, vReset, vTh, r, iMean);
    }

    /** Copy with another membrane resistance {@code r}, in ohms. */
    public LifParameters withR(double r) {
        return new LifParameters(tMax, dt, tau, eL, vReset, vTh, r, iMean);
    }

    /** Copy with another mean input current {@code iMean}, in amperes. */
    public LifParameters withIMean(double iMean) {
        return new LifParameters(tMax, dt, tau, eL, vReset, vTh, r, iMean);
    }

    /** The values as the tutorial's Exercise 1 prints them: {@code 0.15 0.001 0.02 -0.06 -0.07 -0.05 100000000.0 2.5e-10}. */
    public String toPythonString() {
        return PyFormat.repr(tMax, dt, tau, eL, vReset, vTh, r, iMean);
    }

    private static void positive(String name, double value, String unit) {
        if (!Double.isFinite(value) || !(value > 0)) {
            throw new IllegalArgumentException(
                    name + " must be finite and > 0 " + unit + ", got " + PyFormat.repr(value));
        }
    }

    private static void finite(String name, double value, String unit) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite (" + unit + "), got " + PyFormat.repr(value));
        }
    }
}
