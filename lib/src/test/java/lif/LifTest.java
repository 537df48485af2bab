package lif;

import org.junit.jupiter.api.Test;

import lif.stats.EnsembleStats;
import lif.stats.StepStatistics;
import lif.stats.Stats;

import static lif.Reference.assertRelative;
import static lif.Reference.assertSameBits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LifTest {
    private final LifParameters p = LifParameters.defaults();

    @Test
    void sinusoidRunStartsAtELAndEqualsExercise6ShiftedByOneStep() {
        Trajectory tr = Lif.euler(p).run(Current.sinusoid(p));
        double[] ex6 = Reference.column("ex06_t_v.txt", 1);
        assertEquals(150, tr.size());
        assertEquals(-0.06, tr.v()[0]);
        for (int k = 1; k < 150; k++) {
            assertEquals(ex6[k - 1], tr.v()[k], "v at t_k is Exercise 6's value plotted at t_{k-1}, k=" + k);
        }
        assertSameBits(p.times(), tr.t(), "t");
        assertEquals(0, tr.spikeTimes().length);
    }

    @Test
    void noiseRunEqualsExercise7ShiftedByOneStep() {
        Trajectory tr = Lif.euler(p).run(new NumpyRandom(2020));
        double[] ex7 = Reference.column("ex07_t_v.txt", 1);
        assertEquals(-0.06, tr.v()[0]);
        for (int k = 1; k < 150; k++) {
            assertEquals(ex7[k - 1], tr.v()[k], "k=" + k);
        }
    }

    @Test
    void ensembleEqualsExercise13AndStreamingStatsMatchExercise14() {
        double[][] vn = Lif.euler(p).ensemble(50, new NumpyRandom(2020));
        double[][] expected = Reference.matrix("ex13_vn.txt");
        for (int n = 0; n < 50; n++) {
            assertSameBits(expected[n], vn[n], "neuron " + n);
        }
        EnsembleStats s = Lif.euler(p).ensembleStats(50, new NumpyRandom(2020), 0);
        assertRelative(Reference.column("ex14_t_mean_std.txt", 1), s.mean(), 1e-14, "streaming mean vs np.mean");
        // At t = 0 every neuron is at E_L: the true std is 0. The stream gives 0; numpy gives 4.9e-17, the
        // rounding of its mean (sum of 50 x -0.06, / 50). From step 1 on, 1e-12 relative.
        assertEquals(0.0, s.std()[0]);
        assertTrue(Reference.column("ex14_t_mean_std.txt", 2)[0] < 1e-16);
        assertRelative(tail(Reference.column("ex14_t_mean_std.txt", 2)), tail(s.std()), 1e-12, "streaming std vs np.std");
        assertRelative(tail(Reference.column("ex14_t_mean_std.txt", 3)),
                tail(Lif.euler(p).ensembleStats(50, new NumpyRandom(2020), 1).std()), 1e-12, "streaming std (ddof 1) vs np.std(ddof=1)");
        assertEquals(50, s.n());
    }

    @Test
    void stepMajorStatsEqualExercises8to10ShiftedByOneStep() {
        EnsembleStats s = Lif.euler(p).ensembleStatsStepMajor(50, new NumpyRandom(2020), 1);
        double[] mean = Reference.column("ex10_t_mean_var_std.txt", 1);
        double[] var = Reference.column("ex10_t_mean_var_std.txt", 2);
        double[] std = Reference.column("ex10_t_mean_var_std.txt", 3);
        assertEquals(-0.06, s.mean()[0]);
        assertEquals(0.0, s.std()[0]);
        for (int k = 1; k < 150; k++) {
            assertEquals(mean[k - 1], s.mean()[k], "mean k=" + k);
            assertEquals(var[k - 1], s.variance()[k], "var k=" + k);
            assertEquals(std[k - 1], s.std()[k], "std k=" + k);
        }
    }

    @Test
    void streamingStatsAgreeWithStoredEnsembleForAllModes() {
        // 1003 neurons: 125 full blocks of 8 and a partial block of 3; T = 300
        LifParameters q = p.withTMax(0.3);
        for (Lif lif : new Lif[] {Lif.euler(q), Lif.exact(q), Lif.euler(q).withSpikes(true), Lif.exact(q).withSpikes(true)}) {
            double[][] vn = lif.ensemble(1003, new NumpyRandom(11));
            EnsembleStats stored = Stats.of(q.times(), vn, 1);
            EnsembleStats streamed = lif.ensembleStats(1003, new NumpyRandom(11), 1);
            String mode = lif.integrator() + (lif.spikes() ? "+spikes" : "");
            assertRelative(stored.mean(), streamed.mean(), 1e-13, mode + " mean");
            assertEquals(0.0, streamed.std()[0], mode + ": all at E_L at t = 0");
            assertTrue(stored.std()[0] < 1e-15, mode + ": two-pass std at t = 0 is rounding noise only");
            assertRelative(tail(stored.std()), tail(streamed.std()), 1e-12, mode + " std");
        }
    }

    @Test
    void drawPipelineGivesTheSameBitsAsOneThreadAndLeavesTheStreamInPlace() {
        Lif lif = Lif.euler(p);
        NumpyRandom a = new NumpyRandom(3);
        NumpyRandom b = new NumpyRandom(3);
        StepStatistics one = lif.neuronMajor(20_003, a, false);
        StepStatistics two = lif.neuronMajor(20_003, b, true);
        assertSameBits(one.mean(), two.mean(), "mean");
        assertSameBits(one.variance(0), two.variance(0), "variance");
        assertEquals(a.random(), b.random(), "next draw after the ensemble");
        NumpyRandom c = new NumpyRandom(3);
        lif.ensemble(20_003, c);
        NumpyRandom d = new NumpyRandom(3);
        lif.ensembleStats(20_003, d, 0);
        assertEquals(c.random(), d.random(), "ensemble and ensembleStats consume the same draws");
    }

    @Test
    void autocovarianceIsTheSameWithTheSecondThreadWithoutItAndNeuronByNeuron() {
        Lif lif = Lif.euler(p);
        int n = 2_003; // several pipeline buffers and a partial block at the end
        NumpyRandom a = new NumpyRandom(7);
        NumpyRandom b = new NumpyRandom(7);
        NumpyRandom c = new NumpyRandom(7);
        lif.stats.Autocovariance piped = lif.ensembleAutocovariance(n, a, true);
        lif.stats.Autocovariance plain = lif.ensembleAutocovariance(n, b, false);
        lif.stats.Autocovariance oneByOne = new lif.stats.Autocovariance(lif.steps());
        lif.forEachNeuron(n, c, oneByOne::add);
        double[][] x = oneByOne.matrix(1);
        double[][] y = piped.matrix(1);
        double[][] z = plain.matrix(1);
        for (int t = 0; t < lif.steps(); t++) {
            assertSameBits(x[t], y[t], "pipelined, row " + t);
            assertSameBits(x[t], z[t], "one thread, row " + t);
        }
        double next = c.random();
        assertEquals(next, a.random(), "the pipeline consumed the same draws");
        assertEquals(next, b.random(), "so did the single thread");
    }

    @Test
    void parallelModeDoesNotDependOnThreadsAndAgreesStatistically() {
        Lif lif = Lif.euler(p);
        int n = 40_000; // 3 chunks
        EnsembleStats one = lif.ensembleStatsParallel(n, 2020, 0, 1);
        EnsembleStats two = lif.ensembleStatsParallel(n, 2020, 0, 2);
        assertSameBits(one.mean(), two.mean(), "mean, 1 vs 2 threads");
        assertSameBits(one.std(), two.std(), "std, 1 vs 2 threads");
        EnsembleStats numpy = lif.ensembleStats(n, new NumpyRandom(2020), 0);
        int last = 149;
        double standardError = numpy.std()[last] / Math.sqrt(n);
        assertTrue(Math.abs(one.mean()[last] - numpy.mean()[last]) < 6 * Math.sqrt(2) * standardError,
                "means of two independent ensembles differ by more than 6 standard errors");
        assertTrue(Math.abs(one.std()[last] / numpy.std()[last] - 1) < 0.05);
        assertTrue(one.mean()[last] != numpy.mean()[last], "the parallel streams are not numpy's stream");
    }

    @Test
    void exactIntegratorMatchesTheClosedFormForConstantInput() {
        double i = 3e-10;
        Trajectory tr = Lif.exact(p).run(Current.constant(i));
        double vInf = p.eL() + p.r() * i;
        for (int k = 0; k < tr.size(); k++) {
            double expected = vInf + (p.eL() - vInf) * Math.exp(-tr.t()[k] / p.tau());
            assertEquals(expected, tr.v()[k], 1e-15 + 1e-12 * Math.abs(expected), "k=" + k);
        }
        // stable where Euler is refused: dt = 3 tau
        LifParameters big = p.withDt(0.06).withTMax(0.6);
        Trajectory coarse = Lif.exact(big).run(Current.constant(i));
        assertEquals(vInf + (p.eL() - vInf) * Math.exp(-9 * 0.06 / 0.02), coarse.v()[9], 1e-15);
    }

    @Test
    void eulerErrorHalvesWithDt() {
        double i = 3e-10;
        double vInf = p.eL() + p.r() * i;
        double exact = vInf + (p.eL() - vInf) * Math.exp(-0.1 / p.tau()); // V(0.1 s)
        double[] errors = new double[3];
        double dt = 1e-3;
        for (int j = 0; j < 3; j++, dt /= 2) {
            LifParameters q = p.withDt(dt).withTMax(0.1 + 1.5 * dt); // grid point at 0.1 s is index 0.1/dt
            Trajectory tr = Lif.euler(q).run(Current.constant(i));
            errors[j] = Math.abs(tr.v()[(int) Math.round(0.1 / dt)] - exact);
        }
        assertEquals(2.0, errors[0] / errors[1], 0.05);
        assertEquals(2.0, errors[1] / errors[2], 0.05);
    }

    @Test
    void spikesResetAndAreRecordedOnlyWhenOn() {
        double i = 3e-10; // drives V towards -0.03 V, above the -0.05 V threshold
        Trajectory free = Lif.euler(p).run(Current.constant(i));
        assertTrue(free.v()[149] > p.vTh());
        Trajectory spiking = Lif.euler(p).withSpikes(true).run(Current.constant(i));
        double[] spikes = spiking.spikeTimes();
        assertTrue(spikes.length >= 3, "spikes: " + spikes.length);
        for (double v : spiking.v()) {
            assertTrue(v <= p.vTh());
        }
        // inter-spike interval of the continuous model: tau ln((v_inf - vReset) / (v_inf - vTh)) = 13.9 ms;
        // Euler on a 1 ms grid lands within a step of it
        double isi = p.tau() * Math.log((-0.03 - p.vReset()) / (-0.03 - p.vTh()));
        for (int s = 1; s < spikes.length; s++) {
            assertEquals(isi, spikes[s] - spikes[s - 1], 1.01e-3, "interval " + s);
        }
        for (double t : spikes) {
            assertEquals(p.vReset(), spiking.v()[(int) Math.round(t / p.dt())]);
        }
    }

    @Test
    void validationMessages() {
        assertMessage("dt must be <= 2 tau for forward Euler, got dt=0.05 s, tau=0.02 s: each Euler step multiplies the"
                + " distance to the fixed point by (1 - dt/tau) = -1.5, whose size is > 1, so v oscillates and blows up;"
                + " use a smaller dt, or Lif.exact(p), the exact exponential update, which is stable for any dt",
                () -> Lif.euler(p.withDt(0.05)));
        Lif.exact(p.withDt(0.05)); // accepted
        Lif.euler(p.withDt(0.04)); // dt = 2 tau: on the edge, still allowed
        assertMessage("p must be LifParameters (e.g. LifParameters.defaults()), got null", () -> Lif.euler(null));
        assertMessage("integrator must be EULER or EXACT, got null", () -> Lif.of(p, null));
        assertMessage("vReset must be < vTh when spikes are on, got vReset=-0.04 V, vTh=-0.05 V",
                () -> Lif.euler(p.withVReset(-0.04)).withSpikes(true));
        Lif lif = Lif.euler(p);
        NumpyRandom rng = new NumpyRandom(1);
        assertMessage("input must be a Current (e.g. Current.sinusoid(p)), got null", () -> lif.run((Current) null));
        assertMessage("input.at(t) must be finite (A), got nan at t=0.003 s", () -> lif.run(t -> t > 0.0025 ? Double.NaN : 0));
        assertMessage("rng must be a NumpyRandom (e.g. new NumpyRandom(2020)), got null", () -> lif.run((NumpyRandom) null));
        assertMessage("n (number of neurons) must be >= 1, got 0", () -> lif.ensemble(0, rng));
        assertMessage("n (number of neurons) must be >= 1, got -5", () -> lif.ensembleStats(-5, rng, 0));
        assertMessage("ddof must be >= 0 and < n (1), got 1: the sample (N-1) statistics need at least 2 neurons",
                () -> lif.ensembleStats(1, rng, 1));
        assertMessage("ddof must be >= 0 and < n (10), got -1", () -> lif.ensembleStatsStepMajor(10, rng, -1));
        assertMessage("threads must be >= 1, got 0", () -> lif.ensembleStatsParallel(10, 1, 0, 0));
        assertMessage("seed must be in [0, 4294967295] (numpy's seed range), got -1", () -> lif.ensembleStatsParallel(10, -1, 0, 1));
    }

    @Test
    void anEnsembleTooBigForTheHeapPointsToTheStreamingPath() {
        // 2^31-1 neurons x 150 steps = 2.6 TB: refused before anything is allocated
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Lif.euler(p).ensemble(Integer.MAX_VALUE, new NumpyRandom(1)));
        assertTrue(e.getMessage().matches("ensemble\\(n, rng\\): an N x T = 2147483647 x 150 matrix of doubles needs ~\\d+\\.\\d\\d GB"
                + " but the heap can give ~\\d+\\.\\d\\d GB \\(max heap \\d+\\.\\d\\d GB\\); use Lif\\.ensembleStats\\(n, rng, ddof\\),"
                + " which streams per-step mean/variance/std in O\\(T\\) memory, or raise -Xmx"), e.getMessage());
        // the streaming path takes the same request without an N x T matrix (kept small here: 100,000 neurons)
        assertEquals(100_000, Lif.euler(p).ensembleStats(100_000, new NumpyRandom(1), 0).n());
    }

    @Test
    void stepMatchesTheTutorialsExpression() {
        Lif euler = Lif.euler(p);
        double v = -0.055;
        double i = 2.7e-10;
        assertEquals(v + (p.dt() / p.tau()) * (p.eL() - v + p.r() * i), euler.step(v, i));
        double vInf = p.eL() + p.r() * i;
        assertEquals(vInf + (v - vInf) * Math.exp(-p.dt() / p.tau()), Lif.exact(p).step(v, i));
        assertEquals(p, euler.withParameters(p).parameters());
        assertEquals(Integrator.EULER, euler.withParameters(p.withTau(0.01)).integrator());
        assertEquals(0.01, euler.withParameters(p.withTau(0.01)).parameters().tau());
    }

    /** The array without its first element (t = 0, where every neuron is at E_L). */
    private static double[] tail(double[] a) {
        return java.util.Arrays.copyOfRange(a, 1, a.length);
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
    }
}
