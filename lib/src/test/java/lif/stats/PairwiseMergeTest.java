package lif.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.SecondMoment;
import org.junit.jupiter.api.Test;

class PairwiseMergeTest {
    /** 13 values near -35 mV a few mV apart, like potentials: an offset that naive sums would lose digits to. */
    private static final double[] X = {
        -0.0351, -0.0322, -0.0387, -0.0349, -0.0301, -0.0366, -0.0358, -0.0340, -0.0377, -0.0319, -0.0333, -0.0362,
        -0.0345
    };

    @Test
    void groupsMergedInAnyWayGiveTheMeanAndM2OfAllAsCommonsMathDoes() {
        double mean = new Mean().evaluate(X);
        SecondMoment m2 = new SecondMoment();
        m2.incrementAll(X);
        // 8 by merge8, then 5 by the general merge, then again as 1 + 12 single values merged one by one
        double[] byBlocks = {0};
        double[] byBlocksM2 = {0};
        new PairwiseMerge(0, 8).merge8(byBlocks, byBlocksM2, 0, X[0], X[1], X[2], X[3], X[4], X[5], X[6], X[7]);
        new PairwiseMerge(8, 5).merge(byBlocks, byBlocksM2, 0, X, 8, 1, 5);
        double[] oneByOne = {0};
        double[] oneByOneM2 = {0};
        for (int n = 0; n < X.length; n++) {
            new PairwiseMerge(n, 1).merge(oneByOne, oneByOneM2, 0, X[n], 0);
        }
        for (double[] got : new double[][] {{byBlocks[0], byBlocksM2[0]}, {oneByOne[0], oneByOneM2[0]}}) {
            assertEquals(mean, got[0], 1e-17);
            assertEquals(m2.getResult(), got[1], 1e-15 * m2.getResult());
        }
        // a strided column: values k = 1 of a row-major 13 x 2 buffer
        double[] rows = new double[26];
        for (int n = 0; n < 13; n++) {
            rows[2 * n + 1] = X[n];
        }
        double[] strided = {0};
        double[] stridedM2 = {0};
        new PairwiseMerge(0, 13).merge(strided, stridedM2, 0, rows, 1, 2, 13);
        assertEquals(mean, strided[0], 1e-17);
        assertEquals(m2.getResult(), stridedM2[0], 1e-15 * m2.getResult());
    }

    @Test
    void theCrossTermIsTheSquareTermForOneStepEitherWayItIsGrouped() {
        PairwiseMerge w = new PairwiseMerge(40, 61);
        double d = 1.7e-3;
        double square = d * d * 40 * 61 / 101.0;
        assertEquals(square, w.cross(d, d), 1e-15 * square);
        assertEquals(w.cross(d, 2e-3), w.crossWeight(d) * 2e-3, 1e-15 * square, "to rounding: grouped differently");
        assertEquals(-0.035 + 0.002 * 61 / 101.0, w.mean(-0.035, 0.002), 1e-18);
    }

    @Test
    void needsSamplesToMerge() {
        assertEquals(
                "need na >= 0 and nb >= 1 samples, got na=3, nb=0",
                assertThrows(IllegalArgumentException.class, () -> new PairwiseMerge(3, 0))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PairwiseMerge(-1, 2));
    }
}
