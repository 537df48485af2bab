package lif.stats;

import static lif.Reference.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import lif.NumpyRandom;
import lif.Reference;
import org.apache.commons.math3.stat.correlation.Covariance;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.descriptive.moment.Variance;
import org.junit.jupiter.api.Test;

class StatsTest {

    /** 200 neurons x 30 steps of values around -0.05 V with per-step spread, like a membrane ensemble. */
    private static double[][] ensemble() {
        NumpyRandom rng = new NumpyRandom(42);
        double[][] v = new double[200][30];
        for (double[] row : v) {
            for (int k = 0; k < row.length; k++) {
                row[k] = -0.05 + 1e-3 * (k + 1) * (rng.random() - 0.5);
            }
        }
        return v;
    }

    private static double[] column(double[][] v, int k) {
        double[] c = new double[v.length];
        for (int n = 0; n < v.length; n++) {
            c[n] = v[n][k];
        }
        return c;
    }

    @Test
    void perStepStatisticsAgreeWithCommonsMath() {
        double[][] v = ensemble();
        double[] mean = Stats.mean(v);
        double[] var0 = Stats.variance(v, 0);
        double[] var1 = Stats.variance(v, 1);
        double[] std1 = Stats.std(v, 1);
        for (int k = 0; k < 30; k++) {
            double[] c = column(v, k);
            assertEquals(new Mean().evaluate(c), mean[k], 1e-15);
            assertEquals(new Variance(false).evaluate(c), var0[k], 1e-13 * var0[k]);
            assertEquals(new Variance(true).evaluate(c), var1[k], 1e-13 * var1[k]);
            assertEquals(new StandardDeviation(true).evaluate(c), std1[k], 1e-13 * std1[k]);
            assertEquals(new Variance(true).evaluate(c), Stats.variance(c, 1), 1e-13 * var1[k]);
            assertEquals(new Mean().evaluate(c), Stats.mean(c), 1e-15);
        }
        assertEquals(200, Stats.of(new double[30], v, 1).n());
    }

    @Test
    void streamingWelfordAndChanMergeAgreeWithTwoPass() {
        double[][] v = ensemble();
        StepStatistics all = new StepStatistics(30);
        StepStatistics first = new StepStatistics(30);
        StepStatistics second = new StepStatistics(30);
        for (int n = 0; n < v.length; n++) {
            all.add(v[n]);
            (n < 73 ? first : second).add(v[n]);
        }
        first.merge(second);
        first.merge(new StepStatistics(30)); // merging nothing changes nothing
        assertEquals(200, all.count());
        assertEquals(200, first.count());
        for (StepStatistics s : new StepStatistics[] {all, first}) {
            assertRelative(Stats.mean(v), s.mean(), 1e-14, "mean");
            assertRelative(Stats.variance(v, 0), s.variance(lif.stats.Variance.POPULATION), 1e-12, "variance ddof 0");
            assertRelative(Stats.std(v, 1), s.std(lif.stats.Variance.SAMPLE), 1e-12, "std ddof 1");
        }
        EnsembleStats r = all.result(new double[30], lif.stats.Variance.SAMPLE);
        assertRelative(Stats.std(v, 1), r.std(), 1e-12, "result std");
        assertEquals(30, all.steps());
    }

    @Test
    void autocovarianceIsTheTutorialsDefinitionAndEqualsNumpyCov() {
        double[][] x = Reference.matrix("autocov_input.txt");
        double[][] expected = Reference.matrix("autocov_expected.txt");
        double[][] c = Stats.autocovariance(x);
        for (int t = 0; t < 4; t++) {
            assertRelative(expected[t], c[t], 1e-14, "C row " + t);
            for (int s = 0; s < 4; s++) {
                assertEquals(expected[t][s], Stats.autocovariance(x, t, s), 1e-14 * Math.abs(expected[t][s]));
                assertEquals(c[t][s], c[s][t]);
            }
        }
        // C(t, t) is the sample variance; commons-math3's covariance agrees
        assertRelative(Stats.variance(x, 1), new double[] {c[0][0], c[1][1], c[2][2], c[3][3]}, 1e-14, "diagonal");
        double[][] cm = new Covariance(x).getCovarianceMatrix().getData();
        for (int t = 0; t < 4; t++) {
            assertRelative(cm[t], c[t], 1e-13, "commons-math3 covariance row " + t);
        }
    }

    @Test
    void bandsAroundTheMean() {
        EnsembleStats s = new EnsembleStats(
                new double[] {0, 1}, new double[] {1, 2}, new double[] {0.25, 1}, new double[] {0.5, 1}, 3, 1);
        assertEquals(1.5, s.meanPlusStd()[0]);
        assertEquals(1.0, s.meanMinusStd()[1]);
    }

    @Test
    void validationMessages() {
        double[][] v = {{1, 2}, {3, 4}};
        assertMessage("ddof must be >= 0 and < N (the number of neurons, 2), got ddof=2", () -> Stats.variance(v, 2));
        assertMessage(
                "ddof must be >= 0 and < N (the number of neurons, 1), got ddof=1: the sample (N-1) statistics need"
                        + " at least 2 neurons",
                () -> Stats.autocovariance(new double[][] {{1, 2}}));
        assertMessage("v must hold at least one row (neuron), got null", () -> Stats.mean((double[][]) null));
        assertMessage("v must hold at least one row (neuron), got 0 rows", () -> Stats.mean(new double[0][0]));
        assertMessage("v must hold at least one column (time step), got 0", () -> Stats.mean(new double[][] {{}}));
        assertMessage(
                "every row of v must have 2 columns like v[0], but v[1] has 3",
                () -> Stats.mean(new double[][] {{1, 2}, {1, 2, 3}}));
        assertMessage("v[0] is null", () -> Stats.mean(new double[][] {null}));
        assertMessage("t must be a time step index in [0, 1], got 2", () -> Stats.autocovariance(v, 2, 0));
        assertMessage("s must be a time step index in [0, 1], got -1", () -> Stats.autocovariance(v, 0, -1));
        assertMessage("t must have one time per column (2), got 3", () -> Stats.of(new double[3], v, 0));
        assertMessage("values must hold at least one value, got []", () -> Stats.mean(new double[0]));
        assertMessage("steps must be >= 1, got 0", () -> new StepStatistics(0));
        assertMessage("trajectory must have 2 steps, got 3", () -> new StepStatistics(2).add(new double[3]));
        assertMessage("other must have 2 steps, got 3", () -> new StepStatistics(2).merge(new StepStatistics(3)));
        assertMessage("count must be >= 0, got -1", () -> new StepStatistics(-1, new double[1], new double[1]));
        assertMessage(
                "mean and m2 must be non-empty arrays of the same length",
                () -> new StepStatistics(1, new double[1], new double[2]));
        assertMessage(
                "t, mean, variance and std must have the same length, got 1, 2, 1, 1",
                () -> new EnsembleStats(new double[1], new double[2], new double[1], new double[1], 1, 0));
        assertEquals(
                "no neurons added yet",
                assertThrows(IllegalStateException.class, () -> new StepStatistics(2).mean())
                        .getMessage());
        StepStatistics one = new StepStatistics(2);
        one.add(new double[] {1, 2});
        assertEquals(
                "the SAMPLE variance (N-1) needs at least 2 neurons, got N=1",
                assertThrows(IllegalStateException.class, () -> one.std(lif.stats.Variance.SAMPLE))
                        .getMessage());
        assertEquals(0.0, one.std(lif.stats.Variance.POPULATION)[1]);
        assertMessage("kind must be Variance.SAMPLE (N-1) or Variance.POPULATION (N), got null", () -> one.std(null));
        assertMessage(
                "ddof must be 0 (POPULATION, divide by N) or 1 (SAMPLE, divide by N-1), got 2",
                () -> lif.stats.Variance.ofDdof(2));
        assertEquals(lif.stats.Variance.SAMPLE, lif.stats.Variance.ofDdof(1));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        assertEquals(
                expected, assertThrows(IllegalArgumentException.class, call).getMessage());
    }
}
