package lif;

/**
 * What one ensemble pass records ({@link EnsembleEngine}), in the manner of Brian2's monitors: the engine
 * simulates the neurons and hands each block of trajectories to every observer the call asked for.
 *
 * <p>Neurons are cut into fixed chunks (independent of the thread count); each chunk gets a fresh
 * {@link Part} on the thread that simulates it, and the parts are merged back on one thread in chunk
 * order. So a result depends only on the neurons, never on how many threads ran them.
 */
interface EnsembleObserver {

    /** The record of one chunk of consecutive neurons. Used by one thread. */
    interface Part {
        /**
         * Adds {@code count} (at most {@link BlockIntegrator#BLOCK}) consecutive neurons, the first being
         * neuron {@code first} of the ensemble: row b of {@code rows} (at {@code b * T}) holds its potentials
         * at every step (volts). {@code spiked} is null when spikes are off, else flags of the same layout.
         * The arrays are reused for the next block.
         */
        void add(double[] rows, int count, int first, boolean[] spiked);

        /**
         * Optionally integrates {@code count} neurons from their draws (row-major, as for
         * {@link BlockIntegrator#integrate}) and records them in one sweep, when this part is all a run records
         * and spike flags are not needed. Must give exactly what {@code integrate} then {@link #add} give.
         *
         * @return false if not done (the engine then integrates and calls {@link #add})
         */
        default boolean integrateAndAdd(BlockIntegrator integrator, double[] draws, int count) {
            return false;
        }
    }

    /** A fresh part for the chunk of {@code neurons} neurons starting at neuron {@code first}. */
    Part newPart(int first, int neurons);

    /** Folds a finished part in. Called on one thread, in chunk order. */
    void merge(Part part);

    /** Bytes one part holds (parts may wait for their turn to merge; the engine bounds their total). */
    long partBytes();

    /** Whether this observer reads {@code spiked} (the engine then records the flags when spikes are on). */
    default boolean needsSpikes() {
        return false;
    }
}
