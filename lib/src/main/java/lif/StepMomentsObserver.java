package lif;

import lif.stats.PairwiseMerge;
import lif.stats.StepStatistics;

/**
 * Per-step mean and M2 (sum of squared deviations) of the ensemble, O(T) memory. Within a part, each block
 * of 8 neurons is summarised by its own mean and M2 (tree sums, two-pass about the block mean) and merged
 * into the running per-step mean and M2 ({@link PairwiseMerge}, Chan et al.); parts are merged the same way
 * ({@link StepStatistics#merge}). Agrees with numpy's two-pass {@code np.var} to about 1e-15 relative (not bit for
 * bit); gives exactly 0 at t = 0, where every neuron is at E_L.
 */
final class StepMomentsObserver implements EnsembleObserver {
    private final int steps;
    private final StepStatistics total;

    StepMomentsObserver(int steps) {
        this.steps = steps;
        this.total = new StepStatistics(steps);
    }

    /** The merged moments of every neuron so far. */
    StepStatistics result() {
        return total;
    }

    @Override
    public Part newPart(int first, int neurons) {
        return new Moments(steps);
    }

    @Override
    public void merge(Part part) {
        Moments m = (Moments) part;
        if (m.count > 0) {
            total.merge(new StepStatistics(m.count, m.mean, m.m2));
        }
    }

    @Override
    public long partBytes() {
        return 16L * steps;
    }

    private static final class Moments implements Part {
        private final double[] mean;
        private final double[] m2;
        private long count;

        Moments(int steps) {
            mean = new double[steps];
            m2 = new double[steps];
        }

        @Override
        public boolean integrateAndAdd(BlockIntegrator integrator, double[] draws, int nb) {
            if (nb != BlockIntegrator.BLOCK) {
                return false;
            }
            integrator.integrateAndMerge(draws, mean, m2, count);
            count += nb;
            return true;
        }

        @Override
        public void add(double[] u, int nb, int first, boolean[] spiked) {
            final int t = mean.length;
            final PairwiseMerge merge = new PairwiseMerge(count, nb);
            if (nb == BlockIntegrator.BLOCK) {
                final int s0 = 0, s1 = t, s2 = 2 * t, s3 = 3 * t, s4 = 4 * t, s5 = 5 * t, s6 = 6 * t, s7 = 7 * t;
                for (int k = 0; k < t; k++) {
                    merge.merge8(
                            mean, m2, k, u[s0 + k], u[s1 + k], u[s2 + k], u[s3 + k], u[s4 + k], u[s5 + k], u[s6 + k],
                            u[s7 + k]);
                }
            } else {
                for (int k = 0; k < t; k++) {
                    merge.merge(mean, m2, k, u, k, t, nb);
                }
            }
            count += nb;
        }
    }
}
