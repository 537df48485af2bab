package lif;

import static lif.Reference.assertSameBits;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import lif.stats.EnsembleStats;
import org.junit.jupiter.api.Test;

/** Every SAMPLE OUTPUT of the tutorial, to the printed digit, and every exercise against numpy's values. */
class TutorialTest {

    @Test
    void exercise2SampleOutputDigitForDigit() {
        assertEquals(
                List.of(
                        "2.5e-10",
                        "3.969463130731183e-10",
                        "4.877641290737885e-10",
                        "4.877641290737885e-10",
                        "3.9694631307311837e-10",
                        "2.5000000000000007e-10",
                        "1.0305368692688176e-10",
                        "1.2235870926211617e-11",
                        "1.223587092621159e-11",
                        "1.0305368692688186e-10"),
                Tutorial.exercise2Lines());
        assertSameBits(Reference.column("ex02_current.txt", 0), Tutorial.exercise2(), "exercise 2 vs numpy");
    }

    @Test
    void exercise3SampleOutput() {
        assertEquals(
                List.of(
                        "0.000 2.5000e-10",
                        "0.001 3.9695e-10",
                        "0.002 4.8776e-10",
                        "0.003 4.8776e-10",
                        "0.004 3.9695e-10",
                        "0.005 2.5000e-10",
                        "0.006 1.0305e-10",
                        "0.007 1.2236e-11",
                        "0.008 1.2236e-11",
                        "0.009 1.0305e-10"),
                Tutorial.exercise3Lines());
    }

    @Test
    void exercise4SampleOutputPrintsVBeforeTheUpdate() {
        assertEquals(
                List.of(
                        "0.000 -6.0000e-02",
                        "0.001 -5.8750e-02",
                        "0.002 -5.6828e-02",
                        "0.003 -5.4548e-02",
                        "0.004 -5.2381e-02",
                        "0.005 -5.0778e-02",
                        "0.006 -4.9989e-02",
                        "0.007 -4.9974e-02",
                        "0.008 -5.0414e-02",
                        "0.009 -5.0832e-02"),
                Tutorial.exercise4Lines());
        Trajectory ex4 = Tutorial.exercise4();
        assertSameBits(Reference.column("ex04_t_v.txt", 0), ex4.t(), "exercise 4 t");
        assertSameBits(Reference.column("ex04_t_v.txt", 1), ex4.v(), "exercise 4 v");
    }

    @Test
    void exercise6EqualsNumpy() {
        Trajectory ex6 = Tutorial.exercise6();
        assertSameBits(Reference.column("ex06_t_v.txt", 0), ex6.t(), "exercise 6 t");
        assertSameBits(Reference.column("ex06_t_v.txt", 1), ex6.v(), "exercise 6 v");
    }

    @Test
    void exercise7EqualsNumpy() {
        Trajectory ex7 = Tutorial.exercise7();
        assertEquals(150, ex7.size());
        assertSameBits(Reference.column("ex07_t_v.txt", 0), ex7.t(), "exercise 7 t");
        assertSameBits(Reference.column("ex07_t_v.txt", 1), ex7.v(), "exercise 7 v");
    }

    @Test
    void exercises8to10EqualNumpyStepByStep() {
        Tutorial.ListEnsemble ex = Tutorial.exercises8to10();
        double[][] vn = Reference.matrix("ex08_vn.txt");
        assertEquals(150, vn.length);
        for (int step = 0; step < vn.length; step++) {
            assertSameBits(vn[step], ex.vByStep()[step], "exercise 8 v_n after step " + step);
        }
        assertSameBits(Reference.column("ex10_t_mean_var_std.txt", 0), ex.t(), "exercise 10 t");
        assertSameBits(Reference.column("ex10_t_mean_var_std.txt", 1), ex.mean(), "exercise 9 mean");
        assertSameBits(Reference.column("ex10_t_mean_var_std.txt", 2), ex.variance(), "exercise 10 variance (N-1)");
        assertSameBits(Reference.column("ex10_t_mean_var_std.txt", 3), ex.std(), "exercise 10 std");
    }

    @Test
    void theSampleAutocovarianceOfExercises8to10() {
        Tutorial.ListEnsemble ex = Tutorial.exercises8to10();
        for (int k : new int[] {1, 100, 149}) {
            assertEquals(ex.variance()[k], ex.autocovariance(k, k), 1e-12 * ex.variance()[k], "C(t, t) at " + k);
        }
        // by its definition, written out for one pair of steps
        int k = 100;
        int l = 120;
        double sum = 0;
        for (int j = 0; j < 50; j++) {
            sum += (ex.vByStep()[k][j] - ex.mean()[k]) * (ex.vByStep()[l][j] - ex.mean()[l]);
        }
        assertEquals(sum / 49, ex.autocovariance(k, l), 1e-12 * Math.abs(sum / 49));
        assertEquals(ex.autocovariance(k, l), ex.autocovariance(l, k), 0.0);
    }

    @Test
    void exercise5IsExercise2sSinusoidOver25Steps() {
        Tutorial.InputSamples ex5 = Tutorial.exercise5();
        assertEquals(25, ex5.i().length);
        assertArrayEquals(Tutorial.exercise2(), java.util.Arrays.copyOf(ex5.i(), 10));
        for (int k = 0; k < 25; k++) {
            assertEquals(k * LifParameters.defaults().dt(), ex5.t()[k], 0.0);
        }
    }

    @Test
    void exercise11EqualsNumpy() {
        Tutorial.ArrayRun ex = Tutorial.exercise11();
        assertEquals(149, ex.v().length);
        assertSameBits(Reference.column("ex11_t_i_v.txt", 0), ex.t(), "exercise 11 t_range");
        assertSameBits(Reference.column("ex11_t_i_v.txt", 1), ex.i(), "exercise 11 i");
        assertSameBits(Reference.column("ex11_t_i_v.txt", 2), ex.v(), "exercise 11 v");
    }

    @Test
    void exercise13EqualsNumpy() {
        double[][] expected = Reference.matrix("ex13_vn.txt");
        double[][] vn = Tutorial.exercise13();
        assertEquals(50, vn.length);
        for (int n = 0; n < 50; n++) {
            assertSameBits(expected[n], vn[n], "exercise 13 neuron " + n);
        }
    }

    @Test
    void exercise14EqualsNumpyWithPopulationStd() {
        EnsembleStats ex = Tutorial.exercise14();
        assertEquals(0, ex.ddof());
        assertSameBits(Reference.column("ex14_t_mean_std.txt", 0), ex.t(), "exercise 14 t_range");
        assertSameBits(Reference.column("ex14_t_mean_std.txt", 1), ex.mean(), "np.mean(v_n, axis=0)");
        assertSameBits(Reference.column("ex14_t_mean_std.txt", 2), ex.std(), "np.std(v_n, axis=0)");
        EnsembleStats sample = lif.stats.Stats.of(ex.t(), Tutorial.exercise13(), 1);
        assertSameBits(Reference.column("ex14_t_mean_std.txt", 3), sample.std(), "np.std(v_n, axis=0, ddof=1)");
    }

    @Test
    void exerciseSizesFollowParameters() {
        LifParameters p = LifParameters.defaults().withTMax(0.05);
        assertEquals(50, Tutorial.exercise6(p).size());
        assertEquals(49, Tutorial.exercise11(p, 1).v().length);
        assertEquals(10, Tutorial.exercise13(p, 10, 1).length);
        assertEquals(50, Tutorial.exercises8to10(p, 3, 1).mean().length);
        assertEquals(
                "n must be >= 2 for the (N-1) sample variance, got 1",
                org.junit.jupiter.api.Assertions.assertThrows(
                                IllegalArgumentException.class, () -> Tutorial.exercises8to10(p, 1, 1))
                        .getMessage());
    }
}
