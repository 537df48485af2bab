package lif.stats;

/**
 * Per-time-step statistics of an ensemble of n neurons: {@code mean[k]}, {@code variance[k]} and
 * {@code std[k]} (volts, volts squared, volts) at time {@code t[k]} (seconds).
 * The variance divides by {@code n - ddof}: ddof 1 is the tutorial's sample variance (Exercise 10),
 * ddof 0 numpy's {@code np.std} default (Exercise 14).
 */
public record EnsembleStats(double[] t, double[] mean, double[] variance, double[] std, long n, int ddof) {

    public EnsembleStats {
        if (t == null || mean == null || variance == null || std == null) {
            throw new IllegalArgumentException("t, mean, variance and std must be arrays, got a null");
        }
        if (mean.length != t.length || variance.length != t.length || std.length != t.length) {
            throw new IllegalArgumentException("t, mean, variance and std must have the same length, got " + t.length
                    + ", " + mean.length + ", " + variance.length + ", " + std.length);
        }
    }

    /** {@code mean[k] + std[k]}, the upper band of the tutorial's plot. */
    public double[] meanPlusStd() {
        double[] out = new double[mean.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = mean[k] + std[k];
        }
        return out;
    }

    /** {@code mean[k] - std[k]}, the lower band of the tutorial's plot. */
    public double[] meanMinusStd() {
        double[] out = new double[mean.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = mean[k] - std[k];
        }
        return out;
    }
}
