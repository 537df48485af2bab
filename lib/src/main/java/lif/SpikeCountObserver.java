package lif;

/**
 * Spike counts: per neuron (how many times it was reset) and per time step (how many neurons were reset at
 * that step, the population activity). All zero when spikes are off.
 */
final class SpikeCountObserver implements EnsembleObserver {
    private final int[] perNeuron;
    private final long[] perStep;
    private final int steps;

    SpikeCountObserver(int n, int steps) {
        this.perNeuron = new int[n];
        this.perStep = new long[steps];
        this.steps = steps;
    }

    int[] perNeuron() {
        return perNeuron;
    }

    long[] perStep() {
        return perStep;
    }

    @Override
    public Part newPart(int first, int neurons) {
        return new Counts(new long[steps]);
    }

    @Override
    public void merge(Part part) {
        long[] c = ((Counts) part).perStep;
        for (int k = 0; k < steps; k++) {
            perStep[k] += c[k];
        }
    }

    @Override
    public long partBytes() {
        return 8L * steps;
    }

    @Override
    public boolean needsSpikes() {
        return true;
    }

    private final class Counts implements Part {
        private final long[] perStep;

        Counts(long[] perStep) {
            this.perStep = perStep;
        }

        @Override
        public void add(double[] rows, int count, int first, boolean[] spiked) {
            if (spiked == null) {
                return;
            }
            for (int b = 0; b < count; b++) {
                int spikes = 0;
                for (int k = 0; k < steps; k++) {
                    if (spiked[b * steps + k]) {
                        spikes++;
                        perStep[k]++;
                    }
                }
                perNeuron[first + b] = spikes;
            }
        }
    }
}
