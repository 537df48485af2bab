/**
 * The LIF neuron of the tutorial "LIF Neuron Part I", in SI units (seconds, volts, ohms, amperes).
 *
 * <ul>
 *   <li>{@link lif.LifParameters}: the neuron's parameters, tutorial defaults, validated {@code with...} copies.</li>
 *   <li>{@link lif.Current}: input currents I(t): sinusoid, constant, any lambda; the tutorial's noise.</li>
 *   <li>{@link lif.Lif}: the model with its integrator ({@link lif.Lif#euler}, {@link lif.Lif#exact}), one neuron
 *       ({@link lif.Lif#run(lif.Current)}), ensembles ({@link lif.Lif#ensemble}), streaming ensemble
 *       statistics ({@link lif.Lif#ensembleStats}) and one pass with several {@link lif.Monitor}s
 *       ({@link lif.Lif#simulate}, giving an {@link lif.Ensemble}); on all cores, numpy's stream bit for bit.</li>
 *   <li>{@link lif.Integrator}: Euler or exact; the step itself, written once for one neuron and the ensembles.</li>
 *   <li>{@link lif.Ar1Theory} and {@link lif.ClosedForm}: pen-and-paper predictions to compare runs with.</li>
 *   <li>{@link lif.NumpyRandom}: numpy's {@code np.random.seed} / {@code random} stream, bit for bit.</li>
 *   <li>{@link lif.Tutorial}: each exercise's exact numbers, to check a hand-written loop against.</li>
 *   <li>{@link lif.Np}: linspace, ones/full, column means, transpose; {@link lif.PyFormat}: Python's printing.</li>
 *   <li>{@link lif.stats}: per-step mean, variance ({@link lif.stats.Variance}: SAMPLE or POPULATION), std,
 *       autocovariance; streaming accumulators, merged by {@link lif.stats.PairwiseMerge}. A leaf: it imports
 *       nothing from {@code lif}.</li>
 * </ul>
 */
package lif;
