package lif;

/** How one time step of the membrane equation {@code tau dV/dt = E_L - V + R I} is taken. */
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
    EXACT
}
