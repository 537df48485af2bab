package lif.stats;

/**
 * Streaming per-time-step mean and variance of an ensemble, one pass, O(T) memory: feed it one
 * neuron's whole trajectory at a time with {@link #add(double[])} and nothing of size N x T is kept.
 *
 * <p>Per step it keeps the count, the running mean and M2 (the sum of squared deviations), updated with Welford's
 * method; {@link #merge(StepStatistics)} combines two partial results with the pairwise formula of Chan, Golub and
 * LeVeque ({@link PairwiseMerge}), so blocks and threads can be summed in any grouping. Variance is
 * {@code M2 / (N - 1)} ({@link Variance#SAMPLE}) or {@code M2 / N} ({@link Variance#POPULATION}). Results agree
 * with the two-pass {@link Stats} to a few units in the last place; they are not bit-identical to numpy (use
 * {@link Stats} for that).
 */
public final class StepStatistics {
    private final double[] mean;
    private final double[] m2;
    private long count;

    /** An empty accumulator for trajectories of {@code steps} time steps (steps >= 1). */
    public StepStatistics(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        mean = new double[steps];
        m2 = new double[steps];
    }

    /**
     * An accumulator holding precomputed moments (for fused simulation loops): {@code count} samples per
     * step with the given per-step means and M2 (sums of squared deviations). The arrays are taken, not copied.
     */
    public StepStatistics(long count, double[] mean, double[] m2) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        if (mean == null || m2 == null || mean.length != m2.length || mean.length == 0) {
            throw new IllegalArgumentException("mean and m2 must be non-empty arrays of the same length");
        }
        this.count = count;
        this.mean = mean;
        this.m2 = m2;
    }

    /** Adds one neuron: its value at every time step (volts), {@code trajectory.length == steps()}. */
    public void add(double[] trajectory) {
        if (trajectory == null || trajectory.length != mean.length) {
            throw new IllegalArgumentException("trajectory must have " + mean.length + " steps, got "
                    + (trajectory == null ? "null" : trajectory.length));
        }
        count++;
        double inv = 1.0 / count; // one division per neuron, not per step
        for (int k = 0; k < mean.length; k++) {
            double x = trajectory[k];
            double delta = x - mean[k];
            mean[k] += delta * inv;
            m2[k] += delta * (x - mean[k]);
        }
    }

    /** Adds the other accumulator's samples to this one (Chan et al.); the other is unchanged. */
    public void merge(StepStatistics other) {
        if (other == null || other.mean.length != mean.length) {
            throw new IllegalArgumentException(
                    "other must have " + mean.length + " steps, got " + (other == null ? "null" : other.mean.length));
        }
        if (other.count == 0) {
            return;
        }
        PairwiseMerge merge = new PairwiseMerge(count, other.count);
        for (int k = 0; k < mean.length; k++) {
            merge.merge(mean, m2, k, other.mean[k], other.m2[k]);
        }
        count += other.count;
    }

    /** Number of neurons added. */
    public long count() {
        return count;
    }

    /** Number of time steps. */
    public int steps() {
        return mean.length;
    }

    /** Per-step mean (a copy), volts. */
    public double[] mean() {
        checkCount();
        return mean.clone();
    }

    /** Per-step variance, volts squared: M2 / (N - 1) for {@link Variance#SAMPLE}, M2 / N for POPULATION. */
    public double[] variance(Variance kind) {
        double divisor = divisor(kind);
        double[] out = new double[mean.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = m2[k] / divisor;
        }
        return out;
    }

    /** Per-step standard deviation, volts: the square root of {@link #variance(Variance)}. */
    public double[] std(Variance kind) {
        double[] out = variance(kind);
        for (int k = 0; k < out.length; k++) {
            out[k] = Math.sqrt(out[k]);
        }
        return out;
    }

    /** Mean, variance and std with the step times t (seconds). */
    public EnsembleStats result(double[] t, Variance kind) {
        if (t == null || t.length != mean.length) {
            throw new IllegalArgumentException(
                    "t must have " + mean.length + " times, got " + (t == null ? "null" : t.length));
        }
        double[] var = variance(kind);
        double[] std = new double[var.length];
        for (int k = 0; k < var.length; k++) {
            std[k] = Math.sqrt(var[k]);
        }
        return new EnsembleStats(t, mean(), var, std, count, kind.ddof());
    }

    private double divisor(Variance kind) {
        Variance.require(kind);
        checkCount();
        Variance.checkAdded(kind, count);
        return kind.divisor(count);
    }

    private void checkCount() {
        if (count == 0) {
            throw new IllegalStateException("no neurons added yet");
        }
    }
}
