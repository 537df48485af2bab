package lif;

/**
 * Integrates a block of noise-driven neurons in place: each row of T values holds one neuron's uniform draws
 * in [0, 1) and is overwritten with its potentials (volts), {@code row[0] = E_L} (the draw there is the
 * stream's but unused, as in Exercise 13) and {@code row[k] = step(row[k-1], noise(draw k))}, with the reset
 * when spikes are on. The arithmetic of every value is exactly that of {@link Lif#step} with the tutorial's
 * noise current, {@code iMean * (1 + scale * (2u - 1))}, so every row equals the single-neuron loop bit for bit.
 *
 * <p>A full block of {@link #BLOCK} = 8 neurons runs in lockstep with 8 potentials in locals: 8 independent
 * dependency chains hide the floating-point latency of one (about 3x faster than one neuron at a time).
 */
final class BlockIntegrator {
    /** Neurons integrated side by side. */
    static final int BLOCK = 8;

    private final int steps;
    private final double eL;
    private final double r;
    private final double iMean;
    private final double scale;
    private final double dtOverTau;
    private final double decay;
    private final boolean euler;
    private final boolean spikes;
    private final double vTh;
    private final double vReset;

    BlockIntegrator(LifParameters p, Integrator integrator, boolean spikes) {
        this.steps = p.steps();
        this.eL = p.eL();
        this.r = p.r();
        this.iMean = p.iMean();
        this.scale = p.noiseScale();
        this.dtOverTau = p.dt() / p.tau();
        this.decay = Math.exp(-p.dt() / p.tau());
        this.euler = integrator == Integrator.EULER;
        this.spikes = spikes;
        this.vTh = spikes ? p.vTh() : Double.POSITIVE_INFINITY; // never crossed when spikes are off
        this.vReset = p.vReset();
    }

    /** Time steps T per neuron. */
    int steps() {
        return steps;
    }

    /**
     * Integrates {@code count} neurons held row-major in {@code rows} (row b at {@code b * T}).
     *
     * @param spiked null, or an array of the same layout that receives {@code true} where a step ended in a
     *               spike (only written when spikes are on)
     */
    void integrate(double[] rows, int count, boolean[] spiked) {
        if (count == BLOCK && (spiked == null || !spikes)) {
            lockstep(rows, null, null, 0, 0);
            return;
        }
        for (int b = 0; b < count; b++) {
            one(rows, b * steps, spikes ? spiked : null);
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
            double i = iMean * (1 + scale * (2 * rows[off + k] - 1));
            double x;
            if (euler) {
                x = v + dtOverTau * ((eL - v) + r * i);
            } else {
                double vInf = eL + r * i;
                x = vInf + (v - vInf) * decay;
            }
            boolean spike = x > vTh;
            v = spike ? vReset : x;
            rows[off + k] = v;
            if (spiked != null) {
                spiked[off + k] = spike;
            }
        }
    }

    /**
     * Integrates a full block of 8 neurons from their draws and folds them straight into per-step moments
     * ({@code mean}, {@code m2} over {@code before} earlier neurons), without storing the potentials: the
     * same arithmetic, value for value, as {@link #integrate} followed by {@code StepMomentsObserver}'s fold,
     * one store and one load per value fewer. Used when the per-step statistics are all a run records.
     */
    void integrateAndFold(double[] draws, double[] mean, double[] m2, long before) {
        lockstep(draws, mean, m2, BLOCK / (before + (double) BLOCK), before * (double) BLOCK / (before + BLOCK));
    }

    /**
     * Folds the potentials of 8 neurons at step k into the running moments: the block's mean and M2 by tree
     * sums, then {@link #mergeBlock}. Shared with {@code StepMomentsObserver}, so both paths give the same bits.
     */
    static void fold8(
            double v0,
            double v1,
            double v2,
            double v3,
            double v4,
            double v5,
            double v6,
            double v7,
            double[] mean,
            double[] m2,
            int k,
            double wb,
            double wab) {
        double mb = (((v0 + v1) + (v2 + v3)) + ((v4 + v5) + (v6 + v7))) * 0.125;
        double e0 = v0 - mb, e1 = v1 - mb, e2 = v2 - mb, e3 = v3 - mb;
        double e4 = v4 - mb, e5 = v5 - mb, e6 = v6 - mb, e7 = v7 - mb;
        double q = ((e0 * e0 + e1 * e1) + (e2 * e2 + e3 * e3)) + ((e4 * e4 + e5 * e5) + (e6 * e6 + e7 * e7));
        mergeBlock(mean, m2, k, mb, q, wb, wab);
    }

    /**
     * Merges a block's mean {@code mb} and sum of squared deviations {@code q} into step k's running mean and
     * M2 over n earlier neurons, with {@code wb = nb / (n + nb)} and {@code wab = n nb / (n + nb)} (Chan et al.).
     */
    static void mergeBlock(double[] mean, double[] m2, int k, double mb, double q, double wb, double wab) {
        double delta = mb - mean[k];
        mean[k] += delta * wb;
        m2[k] += q + delta * delta * wab;
    }

    /**
     * 8 neurons in lockstep; the same arithmetic as {@link #one}. With {@code mean} null the potentials
     * replace the draws in u; else each step's 8 values are folded into mean and m2 (block mean and M2 by
     * tree sums, merged with weights {@code wb = 8 / (n + 8)}, {@code wab = 8 n / (n + 8)}, Chan et al.).
     */
    private void lockstep(double[] u, double[] mean, double[] m2, double wb, double wab) {
        final boolean fold = mean != null;
        final int t = steps;
        final double eL = this.eL;
        final double r = this.r;
        final double iMean = this.iMean;
        final double scale = this.scale;
        final double a = dtOverTau;
        final double d = decay;
        final double vTh = this.vTh;
        final double vReset = this.vReset;
        final boolean euler = this.euler;
        double v0 = eL, v1 = eL, v2 = eL, v3 = eL, v4 = eL, v5 = eL, v6 = eL, v7 = eL;
        final int s0 = 0, s1 = t, s2 = 2 * t, s3 = 3 * t, s4 = 4 * t, s5 = 5 * t, s6 = 6 * t, s7 = 7 * t;
        if (fold) {
            mergeBlock(mean, m2, 0, eL, 0, wb, wab); // every neuron at E_L: block M2 = 0
        } else {
            u[s0] = eL;
            u[s1] = eL;
            u[s2] = eL;
            u[s3] = eL;
            u[s4] = eL;
            u[s5] = eL;
            u[s6] = eL;
            u[s7] = eL;
        }
        for (int k = 1; k < t; k++) {
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
            if (fold) {
                fold8(v0, v1, v2, v3, v4, v5, v6, v7, mean, m2, k, wb, wab);
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
