package lif.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import lif.Lif;
import lif.LifParameters;
import lif.NumpyRandom;
import org.junit.jupiter.api.Test;

class AutocovarianceTest {
    static final LifParameters P = LifParameters.defaults();

    @Test
    void streamingEqualsTwoPassOnSmallEnsembles() {
        for (int n : new int[] {2, 3, 50, 377}) {
            double[][] vn = Lif.euler(P).ensemble(n, new NumpyRandom(n));
            double[][] expected = Stats.autocovariance(vn);
            Autocovariance acc = Lif.euler(P).ensembleAutocovariance(n, new NumpyRandom(n));
            double[][] got = acc.matrix(Variance.SAMPLE);
            double scale = expected[P.steps() - 1][P.steps() - 1];
            for (int t = 0; t < P.steps(); t++) {
                for (int s = 0; s < P.steps(); s++) {
                    assertEquals(expected[t][s], got[t][s], 1e-11 * scale, "n=" + n + " C(" + t + "," + s + ")");
                }
            }
            assertEquals(Stats.autocovariance(vn, 17, 120), acc.covariance(120, 17, Variance.SAMPLE), 1e-11 * scale);
            assertArrayEquals(Stats.mean(vn), acc.mean(), 1e-15);
            assertArrayEquals(Stats.variance(vn, 0), acc.variance(Variance.POPULATION), 1e-11 * scale);
        }
    }

    @Test
    void addFromAnOffsetReadsOneRowOfABuffer() {
        double[][] vn = Lif.euler(P).ensemble(9, new NumpyRandom(4));
        int steps = P.steps();
        double[] flat = new double[9 * steps + 3];
        Autocovariance rows = new Autocovariance(steps);
        Autocovariance offsets = new Autocovariance(steps);
        for (int n = 0; n < 9; n++) {
            System.arraycopy(vn[n], 0, flat, 3 + n * steps, steps);
            rows.add(vn[n]);
            offsets.add(flat, 3 + n * steps);
        }
        assertArrayEquals(rows.variance(Variance.SAMPLE), offsets.variance(Variance.SAMPLE), 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> offsets.add(flat, 9 * steps));
        assertEquals("values must hold 150 steps from offset 1350, got 1353 values", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> offsets.add(flat, -1));
        assertThrows(IllegalArgumentException.class, () -> offsets.add(null, 0));
    }

    @Test
    void mergeEqualsOneAccumulator() {
        double[][] vn = Lif.euler(P).ensemble(101, new NumpyRandom(5));
        Autocovariance all = new Autocovariance(P.steps());
        Autocovariance a = new Autocovariance(P.steps());
        Autocovariance b = new Autocovariance(P.steps());
        for (int n = 0; n < vn.length; n++) {
            all.add(vn[n]);
            (n < 40 ? a : b).add(vn[n]);
        }
        a.merge(b);
        assertEquals(101, a.count());
        double[][] x = all.matrix(Variance.SAMPLE);
        double[][] y = a.matrix(Variance.SAMPLE);
        for (int t = 0; t < P.steps(); t++) {
            assertArrayEquals(x[t], y[t], 1e-11 * x[P.steps() - 1][P.steps() - 1]);
        }
    }

    @Test
    void autocorrelationIsOneAtLagZeroAndChecksItsWindow() {
        Autocovariance acc = Lif.euler(P).ensembleAutocovariance(200, new NumpyRandom(1));
        double[] r = acc.autocorrelation(100, 49);
        assertEquals(50, r.length);
        assertEquals(1, r[0], 1e-12);
        assertThrows(IllegalArgumentException.class, () -> acc.autocorrelation(100, 50));
        assertThrows(IllegalStateException.class, () -> new Autocovariance(3).matrix(Variance.SAMPLE));
        assertThrows(IllegalArgumentException.class, () -> new Autocovariance(3).add(new double[4]));
    }

    /** A constant offset of 1e4 V must not destroy the digits (the naive sum xy - N mean mean would). */
    @Test
    void stableUnderLargeOffsets() {
        double[][] vn = Lif.euler(P).ensemble(300, new NumpyRandom(3));
        Autocovariance acc = new Autocovariance(P.steps());
        for (double[] row : vn) {
            double[] shifted = row.clone();
            for (int k = 0; k < shifted.length; k++) {
                shifted[k] += 1e4;
            }
            acc.add(shifted);
        }
        double[][] expected = Stats.autocovariance(vn);
        int last = P.steps() - 1;
        assertEquals(
                expected[last][last - 5], acc.covariance(last, last - 5, Variance.SAMPLE), 1e-6 * expected[last][last]);
    }
}
