package lif;

import lif.stats.PairwiseMerge;

/**
 * The ensemble engine's inner loop: applies an {@link Integrator}'s {@link Integrator.Update} (the step
 * {@link Lif#step} takes) to a block of noise-driven neurons, in place. Each row of T values holds one neuron's
 * uniform draws in [0, 1) and is overwritten with its potentials (volts): {@code row[0] = E_L} (the draw there is
 * the stream's but unused, as in Exercise 13) and {@code row[k] = reset(step(row[k-1], Current.noise(draw k)))}.
 * Same calls, same order as the single-neuron loop, so every row equals it bit for bit.
 *
 * <p>A full block of {@link #BLOCK} = 8 neurons runs in lockstep with 8 potentials in locals: 8 independent
 * dependency chains hide the floating-point latency of one (about 3x faster than one neuron at a time).
 */
final class BlockIntegrator {
    /** Neurons integrated side by side. */
    static final int BLOCK = 8;

    private final int steps;
    private final double eL;
    private final double iMean;
    private final double scale;
    private final Integrator.Update update;

    BlockIntegrator(LifParameters p, Integrator.Update update) {
        this.steps = p.steps();
        this.eL = p.eL();
        this.iMean = p.iMean();
        this.scale = p.noiseScale();
        this.update = update;
    }

    /** Time steps T per neuron. */
    int steps() {
        return steps;
    }

    /** Whether threshold-and-reset is on (else there are no spikes to flag). */
    boolean spikes() {
        return update.spikes();
    }

    /**
     * Integrates {@code count} neurons held row-major in {@code rows} (row b at {@code b * T}).
     *
     * @param spiked null, or (when spikes are on) an array of the same layout that receives {@code true} where a
     *               step ended in a spike
     */
    void integrate(double[] rows, int count, boolean[] spiked) {
        if (count == BLOCK && spiked == null) {
            lockstep(rows, null, null, null);
            return;
        }
        for (int b = 0; b < count; b++) {
            one(rows, b * steps, spiked);
        }
    }

    /** One neuron at {@code rows[off .. off + T - 1]}. */
    private void one(double[] rows, int off, boolean[] spiked) {
        double v = eL;
        rows[off] = v;
        if (spiked != null) {
            spiked[off] = false;
        }
        for (int k = 1; k < steps; k++) {
            double x = update.step(v, Current.noise(iMean, scale, rows[off + k]));
            v = update.reset(x);
            rows[off + k] = v;
            if (spiked != null) {
                spiked[off + k] = update.fires(x);
            }
        }
    }

    /**
     * Integrates a full block of 8 neurons from their draws and merges them straight into per-step moments
     * ({@code mean}, {@code m2} over {@code before} earlier neurons, {@link PairwiseMerge#merge8}), without storing
     * the potentials: the same arithmetic, value for value, as {@link #integrate} followed by
     * {@code StepMomentsObserver}'s merge, one store and one load per value fewer. Used when the per-step
     * statistics are all a run records.
     */
    void integrateAndMerge(double[] draws, double[] mean, double[] m2, long before) {
        lockstep(draws, mean, m2, new PairwiseMerge(before, BLOCK));
    }

    /**
     * 8 neurons in lockstep; the same calls as {@link #one}. With {@code merge} null the potentials replace the
     * draws in u; else each step's 8 values are merged into mean and m2.
     */
    private void lockstep(double[] u, double[] mean, double[] m2, PairwiseMerge merge) {
        final Integrator.Update up = update;
        final int t = steps;
        final double eL = this.eL;
        final double iMean = this.iMean;
        final double scale = this.scale;
        double v0 = eL, v1 = eL, v2 = eL, v3 = eL, v4 = eL, v5 = eL, v6 = eL, v7 = eL;
        final int s0 = 0, s1 = t, s2 = 2 * t, s3 = 3 * t, s4 = 4 * t, s5 = 5 * t, s6 = 6 * t, s7 = 7 * t;
        if (merge != null) {
            merge.merge(mean, m2, 0, eL, 0); // every neuron at E_L: the block's M2 is 0
        } else {
            for (int b = 0; b < BLOCK; b++) {
                u[b * t] = eL;
            }
        }
        for (int k = 1; k < t; k++) {
            v0 = up.reset(up.step(v0, Current.noise(iMean, scale, u[s0 + k])));
            v1 = up.reset(up.step(v1, Current.noise(iMean, scale, u[s1 + k])));
            v2 = up.reset(up.step(v2, Current.noise(iMean, scale, u[s2 + k])));
            v3 = up.reset(up.step(v3, Current.noise(iMean, scale, u[s3 + k])));
            v4 = up.reset(up.step(v4, Current.noise(iMean, scale, u[s4 + k])));
            v5 = up.reset(up.step(v5, Current.noise(iMean, scale, u[s5 + k])));
            v6 = up.reset(up.step(v6, Current.noise(iMean, scale, u[s6 + k])));
            v7 = up.reset(up.step(v7, Current.noise(iMean, scale, u[s7 + k])));
            if (merge != null) {
                merge.merge8(mean, m2, k, v0, v1, v2, v3, v4, v5, v6, v7);
                continue;
            }
            u[s0 + k] = v0;
            u[s1 + k] = v1;
            u[s2 + k] = v2;
            u[s3 + k] = v3;
            u[s4 + k] = v4;
            u[s5 + k] = v5;
            u[s6 + k] = v6;
            u[s7 + k] = v7;
        }
    }
}
