package lif;

import lif.stats.Autocovariance;

/**
 * The sample autocovariance C(t, s) of the ensemble ({@link Autocovariance}): each part accumulates its
 * chunk's neurons, and the parts are merged with Chan et al.'s formula. O(T^2) memory per part.
 */
final class AutocovarianceObserver implements EnsembleObserver {
    private final int steps;
    private final Autocovariance total;

    AutocovarianceObserver(int steps) {
        this.steps = steps;
        this.total = new Autocovariance(steps); // checks 1 <= steps <= 4096
    }

    Autocovariance result() {
        return total;
    }

    @Override
    public Part newPart(int first, int neurons) {
        return new Chunk(new Autocovariance(steps));
    }

    @Override
    public void merge(Part part) {
        total.merge(((Chunk) part).acc);
    }

    @Override
    public long partBytes() {
        return 8L * steps * steps;
    }

    private record Chunk(Autocovariance acc) implements Part {
        @Override
        public void add(double[] rows, int count, int first, boolean[] spiked) {
            int steps = acc.steps();
            for (int b = 0; b < count; b++) {
                acc.add(rows, b * steps);
            }
        }
    }
}
