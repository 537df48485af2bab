package lif;

import static lif.Reference.assertRelative;
import static lif.Reference.assertSameBits;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import lif.stats.Autocovariance;
import lif.stats.EnsembleStats;
import lif.stats.Stats;
import lif.stats.Variance;
import org.junit.jupiter.api.Test;

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
        EnsembleStats s = Lif.euler(p).ensembleStats(50, new NumpyRandom(2020), Variance.POPULATION);
        assertRelative(Reference.column("ex14_t_mean_std.txt", 1), s.mean(), 1e-14, "streaming mean vs np.mean");
        // At t = 0 every neuron is at E_L: the true std is 0. The stream gives 0; numpy gives 4.9e-17, the
        // rounding of its mean (sum of 50 x -0.06, / 50). From step 1 on, 1e-12 relative.
        assertEquals(0.0, s.std()[0]);
        assertTrue(Reference.column("ex14_t_mean_std.txt", 2)[0] < 1e-16);
        assertRelative(
                tail(Reference.column("ex14_t_mean_std.txt", 2)), tail(s.std()), 1e-12, "streaming std vs np.std");
        assertRelative(
                tail(Reference.column("ex14_t_mean_std.txt", 3)),
                tail(Lif.euler(p)
                        .ensembleStats(50, new NumpyRandom(2020), Variance.SAMPLE)
                        .std()),
                1e-12,
                "streaming std (ddof 1) vs np.std(ddof=1)");
        assertEquals(50, s.n());
    }

    @Test
    void streamingStatsAgreeWithStoredEnsembleForAllModes() {
        // 1003 neurons: 125 full blocks of 8 and a partial block of 3; T = 300
        LifParameters q = p.withTMax(0.3);
        for (Lif lif : new Lif[] {
            Lif.euler(q),
            Lif.exact(q),
            Lif.euler(q).withSpikes(true),
            Lif.exact(q).withSpikes(true)
        }) {
            double[][] vn = lif.ensemble(1003, new NumpyRandom(11));
            EnsembleStats stored = Stats.of(q.times(), vn, 1);
            EnsembleStats streamed = lif.ensembleStats(1003, new NumpyRandom(11), Variance.SAMPLE);
            String mode = lif.integrator() + (lif.spikes() ? "+spikes" : "");
            assertRelative(stored.mean(), streamed.mean(), 1e-13, mode + " mean");
            assertEquals(0.0, streamed.std()[0], mode + ": all at E_L at t = 0");
            assertTrue(stored.std()[0] < 1e-15, mode + ": two-pass std at t = 0 is rounding noise only");
            assertRelative(tail(stored.std()), tail(streamed.std()), 1e-12, mode + " std");
        }
    }

    /**
     * The tutorial's loop written out: np.random.random((n, T)) row-major, then Lif.step per neuron (with the
     * reset when spikes are on). Independent of the engine, to check it against.
     */
    private static double[][] byHand(Lif lif, int n, NumpyRandom rng, int[] spikes) {
        LifParameters q = lif.parameters();
        double[][] u = rng.random(n, q.steps());
        for (int j = 0; j < n; j++) {
            double v = q.eL();
            u[j][0] = v;
            for (int k = 1; k < q.steps(); k++) {
                v = lif.step(v, Current.noise(q, u[j][k]));
                if (lif.spikes() && v > q.vTh()) {
                    v = q.vReset();
                    spikes[j]++;
                }
                u[j][k] = v;
            }
        }
        return u;
    }

    @Test
    void everyThreadCountGivesTheSameBitsAsTheTutorialsLoopAndLeavesTheStreamInPlace() {
        // 20,003 neurons of 150 steps: 3 chunks of 6,992 (the last partial, ending in a partial block of 3)
        Lif lif = Lif.euler(p).withSpikes(true);
        int n = 20_003;
        int[] spikes = new int[n];
        NumpyRandom plain = new NumpyRandom(3);
        plain.random(); // start mid-stream, at an odd word of a block
        plain.nextWord();
        double[][] expected = byHand(lif, n, plain, spikes);
        double next = plain.random();
        Ensemble one = null;
        for (int threads : new int[] {1, 2, 3, 5}) {
            NumpyRandom rng = new NumpyRandom(3);
            rng.random();
            rng.nextWord();
            Ensemble e = lif.simulate(
                    n, rng, threads, Monitor.STATS, Monitor.AUTOCOVARIANCE, Monitor.SPIKE_COUNTS, Monitor.POTENTIALS);
            assertEquals(next, rng.random(), threads + " threads: the stream continues after the n x T draws");
            for (int j = 0; j < n; j++) {
                assertSameBits(expected[j], e.potentials()[j], threads + " threads, neuron " + j);
            }
            assertArrayEquals(spikes, e.spikesPerNeuron(), threads + " threads: spikes per neuron");
            if (one == null) {
                one = e;
                continue;
            }
            assertSameBits(
                    one.stats(Variance.POPULATION).mean(),
                    e.stats(Variance.POPULATION).mean(),
                    threads + " threads: mean");
            assertSameBits(
                    one.stats(Variance.POPULATION).std(),
                    e.stats(Variance.POPULATION).std(),
                    threads + " threads: std");
            double[][] c1 = one.autocovariance().matrix(Variance.SAMPLE);
            double[][] c2 = e.autocovariance().matrix(Variance.SAMPLE);
            for (int t = 0; t < c1.length; t++) {
                assertSameBits(c1[t], c2[t], threads + " threads: autocovariance row " + t);
            }
            assertArrayEquals(one.spikesPerStep(), e.spikesPerStep(), threads + " threads: spikes per step");
        }
        long total = 0;
        for (long c : one.spikesPerStep()) {
            total += c;
        }
        assertEquals(java.util.Arrays.stream(spikes).sum(), total, "spikes per step add up to the spikes per neuron");
        assertTrue(total > n, "the noise drives the neurons over threshold: " + total);
        EnsembleStats stored = Stats.of(p.times(), expected, Variance.POPULATION);
        assertRelative(
                tail(stored.std()), tail(one.stats(Variance.POPULATION).std()), 1e-12, "streamed std vs two-pass");
    }

    @Test
    void twentyThousandNeuronsOnAnyThreadCountEqualNumpyAtBothEnds() {
        // 20,000 x 150 is 3 chunks: on 2 or 3 threads the last neurons come from a thread that jumped ahead
        double[][] first = Reference.matrix("ex13_vn.txt");
        double[][] last = Reference.matrix("ex13_vn_20000_last10.txt");
        for (int threads : new int[] {1, 2, 3}) {
            double[][] vn = Lif.euler(p)
                    .simulate(20_000, new NumpyRandom(2020), threads, Monitor.POTENTIALS)
                    .potentials();
            for (int j = 0; j < 50; j++) {
                assertSameBits(first[j], vn[j], threads + " threads, neuron " + j + " (Exercise 13)");
            }
            for (int j = 0; j < 10; j++) {
                assertSameBits(last[j], vn[19_990 + j], threads + " threads, neuron " + (19_990 + j));
            }
        }
    }

    @Test
    void onePassGivesWhatSeparateCallsGive() {
        Lif lif = Lif.euler(p);
        int n = 2_003; // one chunk: the autocovariance adds the rows in order, as one accumulator would
        Ensemble e = lif.simulate(n, new NumpyRandom(7), Monitor.STATS, Monitor.AUTOCOVARIANCE);
        Autocovariance rowByRow = new Autocovariance(lif.steps());
        for (double[] row : lif.ensemble(n, new NumpyRandom(7))) {
            rowByRow.add(row);
        }
        double[][] x = rowByRow.matrix(Variance.SAMPLE);
        double[][] y = e.autocovariance().matrix(Variance.SAMPLE);
        for (int t = 0; t < lif.steps(); t++) {
            assertSameBits(x[t], y[t], "row " + t);
        }
        assertSameBits(
                lif.ensembleStats(n, new NumpyRandom(7), Variance.SAMPLE).std(),
                e.stats(Variance.SAMPLE).std(),
                "std");
        assertEquals(
                "this run did not record POTENTIALS: pass Monitor.POTENTIALS to simulate(n, rng, ...)",
                assertThrows(IllegalStateException.class, e::potentials).getMessage());
        assertEquals(
                0, lif.simulate(10, new NumpyRandom(1), Monitor.SPIKE_COUNTS).spikesPerNeuron()[3], "spikes are off");
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
        assertMessage(
                "dt must be <= 2 tau for forward Euler, got dt=0.05 s, tau=0.02 s: each Euler step multiplies the"
                        + " distance to the fixed point by (1 - dt/tau) = -1.5, whose size is > 1, so v oscillates and blows up;"
                        + " use a smaller dt, or Lif.exact(p), the exact exponential update, which is stable for any dt",
                () -> Lif.euler(p.withDt(0.05)));
        Lif.exact(p.withDt(0.05)); // accepted
        Lif.euler(p.withDt(0.04)); // dt = 2 tau: on the edge, still allowed
        assertMessage("p must be LifParameters (e.g. LifParameters.defaults()), got null", () -> Lif.euler(null));
        assertMessage("integrator must be EULER or EXACT, got null", () -> Lif.of(p, null));
        assertMessage(
                "vReset must be < vTh when spikes are on, got vReset=-0.04 V, vTh=-0.05 V",
                () -> Lif.euler(p.withVReset(-0.04)).withSpikes(true));
        Lif lif = Lif.euler(p);
        NumpyRandom rng = new NumpyRandom(1);
        assertMessage("input must be a Current (e.g. Current.sinusoid(p)), got null", () -> lif.run((Current) null));
        assertMessage(
                "input.at(t) must be finite (A), got nan at t=0.003 s",
                () -> lif.run(t -> t > 0.0025 ? Double.NaN : 0));
        assertMessage(
                "rng must be a NumpyRandom (e.g. new NumpyRandom(2020)), got null", () -> lif.run((NumpyRandom) null));
        assertMessage("n (number of neurons) must be >= 1, got 0", () -> lif.ensemble(0, rng));
        assertMessage(
                "n (number of neurons) must be >= 1, got -5", () -> lif.ensembleStats(-5, rng, Variance.POPULATION));
        assertMessage(
                "the SAMPLE variance (N-1) needs at least 2 neurons, got N=1",
                () -> lif.ensembleStats(1, rng, Variance.SAMPLE));
        assertMessage(
                "kind must be Variance.SAMPLE (N-1) or Variance.POPULATION (N), got null",
                () -> lif.ensembleStats(5, rng, null));
        assertMessage(
                "monitors must name at least one of [STATS, AUTOCOVARIANCE, SPIKE_COUNTS, POTENTIALS], got none",
                () -> lif.simulate(5, rng));
        assertMessage(
                "monitors must not contain null, got [STATS, null]", () -> lif.simulate(5, rng, Monitor.STATS, null));
        assertMessage("threads must be >= 1, got 0", () -> lif.simulate(5, rng, 0, Monitor.STATS));
        assertMessage(
                "steps must be in [1, 4096] (memory grows as steps^2), got 5000",
                () -> Lif.euler(p.withTMax(5.0)).ensembleAutocovariance(2, rng));
    }

    @Test
    void anEnsembleTooBigForTheHeapPointsToTheStreamingPath() {
        // 2^31-1 neurons x 150 steps = 2.6 TB: refused before anything is allocated
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Lif.euler(p).ensemble(Integer.MAX_VALUE, new NumpyRandom(1)));
        assertTrue(
                e.getMessage()
                        .matches(
                                "ensemble\\(n, rng\\): an N x T = 2147483647 x 150 matrix of doubles needs ~\\d+\\.\\d\\d GB"
                                        + " but the heap can give ~\\d+\\.\\d\\d GB \\(max heap \\d+\\.\\d\\d GB\\); use Lif\\.ensembleStats\\(n, rng, Variance\\.POPULATION\\) \\(or SAMPLE\\),"
                                        + " which streams per-step mean/variance/std in O\\(T\\) memory, or raise -Xmx"),
                e.getMessage());
        // the streaming path takes the same request without an N x T matrix (kept small here: 100,000 neurons)
        assertEquals(
                100_000,
                Lif.euler(p)
                        .ensembleStats(100_000, new NumpyRandom(1), Variance.POPULATION)
                        .n());
    }

    @Test
    void stepMatchesTheTutorialsExpression() {
        Lif euler = Lif.euler(p);
        double v = -0.055;
        double i = 2.7e-10;
        assertEquals(v + (p.dt() / p.tau()) * (p.eL() - v + p.r() * i), euler.step(v, i));
        double vInf = p.eL() + p.r() * i;
        assertEquals(
                vInf + (v - vInf) * Math.exp(-p.dt() / p.tau()), Lif.exact(p).step(v, i));
        assertEquals(p, euler.withParameters(p).parameters());
        assertEquals(Integrator.EULER, euler.withParameters(p.withTau(0.01)).integrator());
        assertEquals(0.01, euler.withParameters(p.withTau(0.01)).parameters().tau());
    }

    /** The array without its first element (t = 0, where every neuron is at E_L). */
    private static double[] tail(double[] a) {
        return java.util.Arrays.copyOfRange(a, 1, a.length);
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        assertEquals(
                expected, assertThrows(IllegalArgumentException.class, call).getMessage());
    }
}
