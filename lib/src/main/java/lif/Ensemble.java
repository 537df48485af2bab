package lif;

import lif.stats.Autocovariance;
import lif.stats.EnsembleStats;
import lif.stats.StepStatistics;
import lif.stats.Variance;

/**
 * What one pass over an ensemble recorded ({@link Lif#simulate}): only the {@link Monitor}s asked for.
 *
 * <pre>{@code
 * Ensemble e = Lif.euler(p).simulate(50_000, new NumpyRandom(2020), Monitor.STATS, Monitor.AUTOCOVARIANCE);
 * e.stats(Variance.SAMPLE).std();          // per-step std, volts (N-1)
 * e.autocovariance().matrix(Variance.SAMPLE); // C(t, s), volts squared
 * }</pre>
 */
public final class Ensemble {
    private final int n;
    private final double[] t;
    private final StepStatistics moments;
    private final Autocovariance autocovariance;
    private final int[] spikesPerNeuron;
    private final long[] spikesPerStep;
    private final double[][] potentials;

    Ensemble(
            int n,
            double[] t,
            StepStatistics moments,
            Autocovariance autocovariance,
            int[] spikesPerNeuron,
            long[] spikesPerStep,
            double[][] potentials) {
        this.n = n;
        this.t = t;
        this.moments = moments;
        this.autocovariance = autocovariance;
        this.spikesPerNeuron = spikesPerNeuron;
        this.spikesPerStep = spikesPerStep;
        this.potentials = potentials;
    }

    /** Number of neurons N. */
    public int n() {
        return n;
    }

    /** The time grid {@code t_k = k dt}, seconds (a copy). */
    public double[] times() {
        return t.clone();
    }

    /**
     * Per-step mean, variance and std ({@link Monitor#STATS}).
     *
     * @param kind {@link Variance#SAMPLE} (N-1, Exercise 10) or {@link Variance#POPULATION} (N, np.std, Exercise 14)
     * @throws IllegalArgumentException if SAMPLE is asked of a single neuron, or kind is null
     */
    public EnsembleStats stats(Variance kind) {
        Variance.require(kind).checkSamples(n);
        return recorded(moments, Monitor.STATS).result(t.clone(), kind);
    }

    /** The sample autocovariance C(t, s) ({@link Monitor#AUTOCOVARIANCE}). */
    public Autocovariance autocovariance() {
        return recorded(autocovariance, Monitor.AUTOCOVARIANCE);
    }

    /** Spikes of each neuron ({@link Monitor#SPIKE_COUNTS}), a copy. */
    public int[] spikesPerNeuron() {
        return recorded(spikesPerNeuron, Monitor.SPIKE_COUNTS).clone();
    }

    /** Neurons that spiked at each step ({@link Monitor#SPIKE_COUNTS}), a copy. */
    public long[] spikesPerStep() {
        return recorded(spikesPerStep, Monitor.SPIKE_COUNTS).clone();
    }

    /** The N x T potentials {@code v[n][k]}, volts ({@link Monitor#POTENTIALS}); the array itself, not a copy. */
    public double[][] potentials() {
        return recorded(potentials, Monitor.POTENTIALS);
    }

    private static <T> T recorded(T value, Monitor monitor) {
        if (value == null) {
            throw new IllegalStateException(
                    "this run did not record " + monitor + ": pass Monitor." + monitor + " to simulate(n, rng, ...)");
        }
        return value;
    }
}
