/**
 * Ensemble statistics per time step: {@link lif.stats.Stats} for a stored ensemble v[n][k] (numpy's
 * arithmetic, bit for bit; the tutorial's autocovariance), {@link lif.stats.StepStatistics} for a
 * streaming one-pass accumulator (Welford / Chan, O(T) memory), {@link lif.stats.EnsembleStats} for results.
 */
package lif.stats;
