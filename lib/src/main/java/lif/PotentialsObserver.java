package lif;

/** Stores every potential: the N x T matrix {@code v[n][k]} (volts) of Exercise 13. */
final class PotentialsObserver implements EnsembleObserver {
    private final double[][] v;
    private final int steps;

    /** Allocates the matrix; call {@link MemoryGuard#checkMatrix} first. */
    PotentialsObserver(int n, int steps) {
        this.v = new double[n][steps];
        this.steps = steps;
    }

    double[][] result() {
        return v;
    }

    @Override
    public Part newPart(int first, int neurons) {
        return (rows, count, firstNeuron, spiked) -> {
            for (int b = 0; b < count; b++) {
                System.arraycopy(rows, b * steps, v[firstNeuron + b], 0, steps);
            }
        };
    }

    @Override
    public void merge(Part part) {
        // the rows are written in place, each by the thread that simulated it
    }

    @Override
    public long partBytes() {
        return 0;
    }
}
