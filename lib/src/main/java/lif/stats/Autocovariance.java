package lif.stats;

/**
 * Streaming sample autocovariance of an ensemble,
 * {@code C(t, s) = 1/(N - ddof) sum_n (V_n(t) - <V(t)>)(V_n(s) - <V(s)>)} for every pair of time steps (ddof 1:
 * {@link Variance#SAMPLE}, 0: {@link Variance#POPULATION}), without storing the ensemble: feed one neuron's
 * trajectory at a time with {@link #add(double[])}. Memory O(T^2) whatever N; time O(T^2) per neuron.
 *
 * <p>Per pair it keeps the running means and the co-moment
 * {@code M(t, s) = sum_n (V_n(t) - <V(t)>)(V_n(s) - <V(s)>)}, updated per block of 8 neurons: the block's
 * co-moments about its own mean, merged into the totals with the pairwise formula of Chan, Golub and LeVeque
 * ({@link PairwiseMerge}: {@code M += M_block + d_t d_s n_a n_b / (n_a + n_b)}, d the difference of the means),
 * which never subtracts two large sums (the naive {@code sum xy - N mean_x mean_y} loses most digits here:
 * potentials near -35 mV vary by a few mV). {@link #merge} combines partial results the same way. With
 * {@link Variance#SAMPLE} this is the tutorial's Section 5 estimator, {@link Stats#autocovariance(double[][])}, to
 * rounding.
 */
public final class Autocovariance {
    private final int steps;
    private final double[] mean;
    /**
     * T rows of T; only the upper triangle (s >= t) is accumulated. One array per row, not one flat array:
     * C2 (JDK 17) vectorizes the inner loop over {@code m[t][s]} but not over {@code flat[t * T + s]}
     * (measured 4x).
     */
    private final double[][] m;

    private final double[] dOld;
    private static final int BLOCK = 8;
    /** Neurons added but not yet folded into mean and m (at most BLOCK - 1 between calls). */
    private final double[][] pending;

    private int pendingCount;
    private long count;

    /**
     * An empty accumulator for trajectories of {@code steps} time steps, 1 <= steps <= 4096. Its T^2 co-moments take
     * up to 128 MiB, which can cost a loaded machine seconds of garbage collection: an interrupt stops the allocation
     * between rows.
     */
    public Autocovariance(int steps) {
        if (steps < 1 || steps > 4096) {
            throw new IllegalArgumentException("steps must be in [1, 4096] (memory grows as steps^2), got " + steps);
        }
        this.steps = steps;
        this.mean = new double[steps];
        this.m = new double[steps][];
        for (int t = 0; t < steps; t++) {
            if (Interrupts.requested()) {
                throw Interrupts.stopped(
                        "new Autocovariance(" + steps + ") (" + t + " of " + steps + " rows allocated)");
            }
            m[t] = new double[steps];
        }
        this.dOld = new double[steps];
        this.pending = new double[BLOCK][steps];
    }

    /** Adds one neuron's potentials at every step (volts). The array is copied: it may be reused. */
    public void add(double[] trajectory) {
        if (trajectory == null || trajectory.length != steps) {
            throw new IllegalArgumentException("trajectory must have " + steps + " steps, got "
                    + (trajectory == null ? "null" : trajectory.length));
        }
        add(trajectory, 0);
    }

    /**
     * Adds one neuron's potentials stored at {@code values[offset .. offset + steps - 1]} (volts), e.g. one
     * row of a row-major N x T buffer. Copied: the array may be reused.
     */
    public void add(double[] values, int offset) {
        if (values == null || offset < 0 || offset > values.length - steps) {
            throw new IllegalArgumentException("values must hold " + steps + " steps from offset " + offset + ", got "
                    + (values == null ? "null" : values.length + " values"));
        }
        System.arraycopy(values, offset, pending[pendingCount], 0, steps);
        if (++pendingCount == BLOCK) {
            flush();
        }
    }

    /**
     * Folds the pending block (up to 8 neurons) in: the block's own means and co-moments (two-pass, from the
     * block mean), merged into the totals with Chan et al.'s formula. One pass over the T x T co-moments
     * per 8 neurons rather than per neuron.
     */
    private void flush() {
        int nb = pendingCount;
        if (nb == 0) {
            return;
        }
        pendingCount = 0;
        double[][] e = pending;
        double[] delta = dOld;
        PairwiseMerge merge = new PairwiseMerge(count, nb);
        for (int k = 0; k < steps; k++) {
            double sum = 0;
            for (int j = 0; j < nb; j++) {
                sum += e[j][k];
            }
            double bm = sum / nb;
            for (int j = 0; j < nb; j++) {
                e[j][k] -= bm;
            }
            delta[k] = bm - mean[k];
        }
        for (int j = nb; j < BLOCK; j++) {
            java.util.Arrays.fill(e[j], 0); // a partial block: the missing rows add nothing
        }
        final double[] e0 = e[0], e1 = e[1], e2 = e[2], e3 = e[3], e4 = e[4], e5 = e[5], e6 = e[6], e7 = e[7];
        for (int t = 0; t < steps; t++) {
            final double a0 = e0[t], a1 = e1[t], a2 = e2[t], a3 = e3[t], a4 = e4[t], a5 = e5[t], a6 = e6[t], a7 = e7[t];
            final double dw = merge.crossWeight(delta[t]);
            final double[] row = m[t];
            for (int s = t; s < steps; s++) {
                row[s] += ((a0 * e0[s] + a1 * e1[s]) + (a2 * e2[s] + a3 * e3[s]))
                        + ((a4 * e4[s] + a5 * e5[s]) + (a6 * e6[s] + a7 * e7[s]))
                        + dw * delta[s];
            }
        }
        mergeMeans(merge, delta);
        count += nb;
    }

    /** Adds the other accumulator's neurons to this one; the other is unchanged. */
    public void merge(Autocovariance other) {
        if (other == null || other.steps != steps) {
            throw new IllegalArgumentException(
                    "other must have " + steps + " steps, got " + (other == null ? "null" : other.steps));
        }
        flush();
        other.flush();
        if (other.count == 0) {
            return;
        }
        PairwiseMerge merge = new PairwiseMerge(count, other.count);
        double[] delta = new double[steps];
        for (int k = 0; k < steps; k++) {
            delta[k] = other.mean[k] - mean[k];
        }
        for (int t = 0; t < steps; t++) {
            double[] row = m[t];
            double[] otherRow = other.m[t];
            for (int s = t; s < steps; s++) {
                row[s] += otherRow[s] + merge.cross(delta[t], delta[s]);
            }
        }
        mergeMeans(merge, delta);
        count += other.count;
    }

    /** The means after a merge: each moves by its share of {@code delta} (B's mean minus this one's). */
    private void mergeMeans(PairwiseMerge merge, double[] delta) {
        for (int k = 0; k < steps; k++) {
            mean[k] = merge.mean(mean[k], delta[k]);
        }
    }

    /** Neurons added. */
    public long count() {
        return count + pendingCount;
    }

    /** Time steps per trajectory. */
    public int steps() {
        return steps;
    }

    /** Per-step mean (a copy), volts. */
    public double[] mean() {
        checkAdded(Variance.POPULATION);
        return mean.clone();
    }

    /** {@code C(t, s)}, volts squared; {@link Variance#SAMPLE} is the tutorial's N-1. */
    public double covariance(int t, int s, Variance kind) {
        double div = divisor(kind);
        checkIndex("t", t);
        checkIndex("s", s);
        int lo = Math.min(t, s);
        int hi = Math.max(t, s);
        return m[lo][hi] / div;
    }

    /** The symmetric T x T matrix {@code C[t][s]}, volts squared. */
    public double[][] matrix(Variance kind) {
        double div = divisor(kind);
        double[][] c = new double[steps][steps];
        for (int t = 0; t < steps; t++) {
            for (int s = t; s < steps; s++) {
                c[t][s] = m[t][s] / div;
                c[s][t] = c[t][s];
            }
        }
        return c;
    }

    /** Per-step variance {@code C(k, k)}, volts squared. */
    public double[] variance(Variance kind) {
        double div = divisor(kind);
        double[] v = new double[steps];
        for (int k = 0; k < steps; k++) {
            v[k] = m[k][k] / div;
        }
        return v;
    }

    /** Per-step standard deviation, volts. */
    public double[] std(Variance kind) {
        double[] v = variance(kind);
        for (int k = 0; k < steps; k++) {
            v[k] = Math.sqrt(v[k]);
        }
        return v;
    }

    /**
     * Autocorrelation against lag in a window assumed stationary: for each lag = 0 .. maxLag, the mean over
     * {@code t = fromStep .. steps-1-lag} of {@code C(t, t+lag) / sqrt(C(t, t) C(t+lag, t+lag))}.
     * The normalisation cancels the divisor (N or N-1).
     *
     * @param fromStep first step of the window (after the transient)
     * @param maxLag   largest lag, {@code fromStep + maxLag <= steps - 1}
     */
    public double[] autocorrelation(int fromStep, int maxLag) {
        checkAdded(Variance.SAMPLE);
        checkIndex("fromStep", fromStep);
        if (maxLag < 0 || fromStep + maxLag > steps - 1) {
            throw new IllegalArgumentException("maxLag must be in [0, " + (steps - 1 - fromStep)
                    + "] for a window starting at step " + fromStep + " of " + steps + ", got " + maxLag);
        }
        double[] r = new double[maxLag + 1];
        for (int lag = 0; lag <= maxLag; lag++) {
            double sum = 0;
            int pairs = 0;
            for (int t = fromStep; t + lag < steps; t++) {
                double vt = m[t][t];
                double vs = m[t + lag][t + lag];
                sum += m[t][t + lag] / Math.sqrt(vt * vs);
                pairs++;
            }
            r[lag] = sum / pairs;
        }
        return r;
    }

    /** Mean of the per-step variance over steps {@code fromStep .. steps-1}: a pooled stationary estimate. */
    public double pooledVariance(int fromStep, Variance kind) {
        checkIndex("fromStep", fromStep);
        double[] v = variance(kind);
        double s = 0;
        for (int k = fromStep; k < steps; k++) {
            s += v[k];
        }
        return s / (steps - fromStep);
    }

    /** N - 1 or N after folding the pending neurons in; IllegalStateException when there are too few. */
    private double divisor(Variance kind) {
        checkAdded(kind);
        return kind.divisor(count);
    }

    /** Folds the pending neurons in and checks there are enough for kind (IllegalStateException if not). */
    private void checkAdded(Variance kind) {
        flush();
        Variance.checkAdded(kind, count);
    }

    private void checkIndex(String name, int k) {
        if (k < 0 || k >= steps) {
            throw new IllegalArgumentException(
                    name + " must be a time step index in [0, " + (steps - 1) + "], got " + k);
        }
    }
}
