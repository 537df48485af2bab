package lif;

/**
 * What {@link Lif#simulate(int, NumpyRandom, Monitor...)} records in its one pass over an ensemble
 * (named after Brian2's monitors, which keep recording apart from the model).
 */
public enum Monitor {
    /** Per-step mean, variance and standard deviation over the neurons: O(T) memory, any N. */
    STATS,
    /** The sample autocovariance C(t, s) of every pair of steps: O(T^2) memory (T <= 4096), any N. */
    AUTOCOVARIANCE,
    /** Spikes per neuron and per step (threshold-and-reset; all zero unless {@link Lif#withSpikes}): O(N + T). */
    SPIKE_COUNTS,
    /** Every potential, the N x T matrix {@code v[n][k]} of Exercise 13: O(N T) memory. */
    POTENTIALS
}
