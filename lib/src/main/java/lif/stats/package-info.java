/**
 * Ensemble statistics per time step: {@link lif.stats.Stats} for a stored ensemble v[n][k] (numpy's
 * arithmetic, bit for bit; the tutorial's autocovariance), {@link lif.stats.StepStatistics} for a
 * streaming one-pass accumulator (Welford / Chan, O(T) memory), {@link lif.stats.Autocovariance} streamed over
 * any N, {@link lif.stats.PairwiseMerge} (Chan et al.'s merge of means, M2 and co-moments, the library's one copy),
 * {@link lif.stats.EnsembleStats} for results, {@link lif.stats.Variance} to say N-1 or N; {@link
 * lif.stats.Interrupts}, how every long loop of the library stops. Depends on nothing else in the library.
 */
package lif.stats;
