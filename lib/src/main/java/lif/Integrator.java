package lif;

/**
 * How one time step of the membrane equation {@code tau dV/dt = E_L - V + R I} is taken. Like a Brian2 state
 * updater, the method is written once, in {@link Update#step}: {@link Lif#step} (one neuron) and
 * {@link BlockIntegrator} (the ensemble engine's 8 neurons side by side) both call it, so their values agree bit
 * for bit.
 */
public enum Integrator {
    /**
     * Forward Euler, the tutorial's {@code v + (dt/tau) * (E_L - v + R i)}. First-order accurate;
     * unstable for dt > 2 tau (each step multiplies the distance to E_L + R i by 1 - dt/tau).
     */
    EULER,
    /**
     * The exact solution over a step with constant input:
     * {@code v_inf + (v - v_inf) exp(-dt/tau)} with {@code v_inf = E_L + R i}. Exact for piecewise-constant
     * input at any dt, so the error left is only that of holding I(t) constant over the step.
     */
    EXACT;

    /** This method's update for the constants of p, with threshold-and-reset when {@code spikes} is true. */
    Update update(LifParameters p, boolean spikes) {
        return new Update(this, p, spikes);
    }

    /**
     * One step of one neuron for fixed parameters: {@link #step} integrates, {@link #reset} applies the
     * threshold. Small and final, so the JIT inlines it into the loops that call it.
     */
    static final class Update {
        private final boolean euler;
        private final double eL;
        private final double r;
        private final double dtOverTau;
        private final double decay;
        private final double vTh;
        private final double vReset;

        private Update(Integrator method, LifParameters p, boolean spikes) {
            this.euler = method == EULER;
            this.eL = p.eL();
            this.r = p.r();
            this.dtOverTau = p.dt() / p.tau();
            this.decay = Math.exp(-p.dt() / p.tau());
            this.vTh = spikes ? p.vTh() : Double.POSITIVE_INFINITY; // never crossed when spikes are off
            this.vReset = p.vReset();
        }

        /**
         * The potential (volts) one step after v (volts) with current i (amperes) held over the step; no reset.
         * Euler: {@code v + (dt/tau) * ((E_L - v) + R i)}, the tutorial's operation order (numpy's bits);
         * exact: {@code v_inf + (v - v_inf) exp(-dt/tau)}, {@code v_inf = E_L + R i}.
         */
        double step(double v, double i) {
            if (euler) {
                return v + dtOverTau * ((eL - v) + r * i);
            }
            double vInf = eL + r * i;
            return vInf + (v - vInf) * decay;
        }

        /** Whether threshold-and-reset is on. */
        boolean spikes() {
            return vTh != Double.POSITIVE_INFINITY;
        }

        /** Whether a step that ended at v fires: {@code v > vTh}, never when spikes are off. */
        boolean fires(double v) {
            return v > vTh;
        }

        /** v after threshold-and-reset: {@code vReset} if it {@link #fires}, else v itself. */
        double reset(double v) {
            return v > vTh ? vReset : v;
        }
    }
}
