package lif.stats;

/**
 * The pairwise update of Chan, Golub and LeVeque ("Updating formulae and a pairwise algorithm for computing sample
 * variances", 1979): the moments of a group A of {@code n_a} samples and a group B of {@code n_b} samples give those
 * of the union (n = n_a + n_b), with {@code d = mean_B - mean_A}:
 * <pre>
 *   mean    = mean_A + d n_b / n
 *   M2      = M2_A + M2_B + d^2 n_a n_b / n                  (M2: the sum of squared deviations from the mean)
 *   M(t, s) = M_A(t, s) + M_B(t, s) + d_t d_s n_a n_b / n    (co-moments of two time steps)
 * </pre>
 * It never subtracts two large sums, so it keeps its digits under large offsets, and any grouping of the samples
 * gives the moments to rounding. The library's one copy of this arithmetic: {@link StepStatistics}, {@link
 * Autocovariance} and the ensemble engine's fused loop all merge through it. The weights are fixed at construction;
 * the methods update one time step (or one pair of steps) of arrays held by the caller.
 */
public final class PairwiseMerge {
    /** {@code n_b / n}: how far the mean moves towards B's. */
    private final double wb;
    /** {@code n_a n_b / n}: the weight of the product of the differences of the means. */
    private final double wab;

    /**
     * The merge of {@code nb} samples into {@code na}.
     *
     * @throws IllegalArgumentException if na < 0 or nb < 1
     */
    public PairwiseMerge(long na, long nb) {
        if (na < 0 || nb < 1) {
            throw new IllegalArgumentException("need na >= 0 and nb >= 1 samples, got na=" + na + ", nb=" + nb);
        }
        double a = na;
        double b = nb;
        this.wb = b / (a + b);
        this.wab = a * b / (a + b);
    }

    /** Merges B's mean and M2 into step k of A's {@code mean} and {@code m2} (both updated in place). */
    public void merge(double[] mean, double[] m2, int k, double meanB, double m2B) {
        double d = meanB - mean[k];
        mean[k] = mean(mean[k], d);
        m2[k] += m2B + d * d * wab;
    }

    /**
     * Merges B = 8 samples (the values of 8 neurons at step k): their mean and M2 about that mean by tree sums
     * (four independent pairs, so the adds overlap), then {@link #merge}.
     */
    public void merge8(
            double[] mean,
            double[] m2,
            int k,
            double v0,
            double v1,
            double v2,
            double v3,
            double v4,
            double v5,
            double v6,
            double v7) {
        double mb = (((v0 + v1) + (v2 + v3)) + ((v4 + v5) + (v6 + v7))) * 0.125;
        double e0 = v0 - mb, e1 = v1 - mb, e2 = v2 - mb, e3 = v3 - mb;
        double e4 = v4 - mb, e5 = v5 - mb, e6 = v6 - mb, e7 = v7 - mb;
        double q = ((e0 * e0 + e1 * e1) + (e2 * e2 + e3 * e3)) + ((e4 * e4 + e5 * e5) + (e6 * e6 + e7 * e7));
        merge(mean, m2, k, mb, q);
    }

    /**
     * Merges B = the {@code count} samples {@code u[from + j * stride]}, j = 0 .. count-1: their mean, their M2 about
     * it (two passes, in index order), then {@link #merge}.
     */
    public void merge(double[] mean, double[] m2, int k, double[] u, int from, int stride, int count) {
        double s = 0;
        for (int j = 0; j < count; j++) {
            s += u[from + j * stride];
        }
        double mb = s / count;
        double q = 0;
        for (int j = 0; j < count; j++) {
            double e = u[from + j * stride] - mb;
            q += e * e;
        }
        merge(mean, m2, k, mb, q);
    }

    /** The merged mean, {@code meanA + d n_b / n}, for {@code d = mean_B - mean_A}. */
    public double mean(double meanA, double d) {
        return meanA + d * wb;
    }

    /** The co-moment's cross term {@code d_t d_s n_a n_b / n}, rounded as {@link #merge} rounds {@code d^2 n_a n_b / n}. */
    public double cross(double dt, double ds) {
        return dt * ds * wab;
    }

    /**
     * {@code d_t n_a n_b / n}: a row t of co-moments gains {@code crossWeight(d_t) * d_s} at each s, one multiply
     * fewer per pair than {@link #cross} (which rounds the same product grouped the other way).
     */
    public double crossWeight(double dt) {
        return dt * wab;
    }
}
