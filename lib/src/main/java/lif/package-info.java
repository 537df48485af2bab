/**
 * The LIF neuron of the tutorial "LIF Neuron Part I", in SI units (seconds, volts, ohms, amperes).
 *
 * <ul>
 *   <li>{@link lif.LifParameters}: the neuron's parameters, tutorial defaults, validated {@code with...} copies.</li>
 *   <li>{@link lif.Current}: input currents I(t): sinusoid, constant, any lambda; the tutorial's noise.</li>
 *   <li>{@link lif.Lif}: the integrators ({@link lif.Lif#euler}, {@link lif.Lif#exact}), one neuron
 *       ({@link lif.Lif#run(lif.Current)}), ensembles ({@link lif.Lif#ensemble}) and streaming ensemble
 *       statistics ({@link lif.Lif#ensembleStats}).</li>
 *   <li>{@link lif.NumpyRandom}: numpy's {@code np.random.seed} / {@code random} stream, bit for bit.</li>
 *   <li>{@link lif.Tutorial}: each exercise's exact numbers, to check a hand-written loop against.</li>
 *   <li>{@link lif.Np}: linspace, ones/full, column means, transpose; {@link lif.PyFormat}: Python's printing.</li>
 *   <li>{@link lif.stats}: per-step mean, variance (ddof explicit), std, autocovariance; streaming accumulator.</li>
 * </ul>
 */
package lif;
