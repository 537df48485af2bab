package lif;

import java.util.function.DoubleUnaryOperator;

/**
 * Exact solutions of the (spike-free or threshold-and-reset) LIF equation {@code tau dV/dt = E_L - V + R I(t)},
 * {@code V(0) = E_L}, against which the integrators can be measured.
 */
public final class ClosedForm {
    private ClosedForm() {}

    /**
     * V(t) (volts) for the sinusoidal drive {@code I(t) = I_mean (1 + sin(2 pi t / period))} of
     * {@link Current#sinusoid(double, double)}, without spikes. With {@code u = V - E_L - R I_mean},
     * {@code w = 2 pi / period} and {@code A = R I_mean / (1 + (w tau)^2)}:
     * {@code u(t) = A (sin wt - w tau cos wt) + (A w tau - R I_mean) exp(-t/tau)}
     * (steady oscillation, lagging the input by {@code atan(w tau)}, plus a transient that decays with tau).
     */
    public static DoubleUnaryOperator sinusoidResponse(LifParameters p, double period) {
        if (p == null) {
            throw new IllegalArgumentException("p must be LifParameters, got null");
        }
        if (!Double.isFinite(period) || !(period > 0)) {
            throw new IllegalArgumentException("period must be finite and > 0 s, got " + PyFormat.repr(period));
        }
        double tau = p.tau();
        double ri = p.r() * p.iMean();
        double w = 2 * Math.PI / period;
        double wt = w * tau;
        double amp = ri / (1 + wt * wt);
        double decaying = amp * wt - ri;
        double base = p.eL() + ri;
        return t -> base + amp * (Math.sin(w * t) - wt * Math.cos(w * t)) + decaying * Math.exp(-t / tau);
    }

    /** {@link #sinusoidResponse(LifParameters, double)} with the tutorial's period, 0.01 s. */
    public static DoubleUnaryOperator sinusoidResponse(LifParameters p) {
        return sinusoidResponse(p, 0.01);
    }

    /** The exact V at each time of {@code t} (seconds). */
    public static double[] at(DoubleUnaryOperator v, double[] t) {
        double[] out = new double[t.length];
        for (int k = 0; k < t.length; k++) {
            out[k] = v.applyAsDouble(t[k]);
        }
        return out;
    }

    /** {@code max_k |tr.v[k] - exact(tr.t[k])|}, volts: the largest error of a trajectory on its grid. */
    public static double maxError(Trajectory tr, DoubleUnaryOperator exact) {
        double e = 0;
        for (int k = 0; k < tr.size(); k++) {
            e = Math.max(e, Math.abs(tr.v()[k] - exact.applyAsDouble(tr.t()[k])));
        }
        return e;
    }

    /**
     * Firing rate (Hz) of the threshold-and-reset neuron under a constant current (continuous time, no
     * refractory period): from {@code V_reset}, V rises towards {@code V_inf = E_L + R I} and reaches
     * {@code V_th} after {@code T = tau ln((V_inf - V_reset) / (V_inf - V_th))}; the rate is 1/T, or 0 when
     * {@code V_inf <= V_th} (the neuron never fires). The first spike, from {@code E_L}, is not counted.
     */
    public static double firingRate(LifParameters p, double current) {
        double vInf = p.eL() + p.r() * current;
        if (vInf <= p.vTh()) {
            return 0;
        }
        return 1 / (p.tau() * Math.log((vInf - p.vReset()) / (vInf - p.vTh())));
    }

    /** The smallest constant current that makes the neuron fire, {@code (V_th - E_L) / R}, amperes. */
    public static double rheobase(LifParameters p) {
        return (p.vTh() - p.eL()) / p.r();
    }
}
