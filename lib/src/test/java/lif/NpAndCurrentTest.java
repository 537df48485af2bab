package lif;

import static lif.Reference.assertSameBits;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NpAndCurrentTest {

    @Test
    void linspaceEqualsNumpyWithAndWithoutEndpoint() {
        double[][] expected = Reference.matrix("linspace.txt");
        assertSameBits(expected[0], Np.linspace(0, 0.15, 150), "linspace(0, .15, 150)");
        assertSameBits(expected[1], Np.linspace(0, 0.15, 149, false), "linspace(0, .15, 149, endpoint=False)");
        assertSameBits(expected[2], Np.linspace(-1.5, 2.0, 7), "linspace(-1.5, 2, 7)");
        assertSameBits(expected[3], Np.linspace(0.0, 1.0, 10, false), "linspace(0, 1, 10, endpoint=False)");
        assertArrayEquals(new double[] {3.0}, Np.linspace(3, 5, 1));
        assertArrayEquals(new double[0], Np.linspace(3, 5, 0));
    }

    @Test
    void onesFullTransposeColumnMeans() {
        assertArrayEquals(new double[] {1, 1, 1}, Np.ones(3));
        assertArrayEquals(new double[] {-0.06, -0.06}, Np.full(2, -0.06));
        double[][] m = Np.full(2, 3, 7.0);
        assertArrayEquals(new double[] {7, 7, 7}, m[1]);
        double[][] t = Np.transpose(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertArrayEquals(new double[] {3, 6}, t[2]);
        assertArrayEquals(new double[] {2.5, 3.5, 4.5}, Np.columnMeans(new double[][] {{1, 2, 3}, {4, 5, 6}}));
    }

    @Test
    void currents() {
        LifParameters p = LifParameters.defaults();
        assertEquals(2.5e-10, Current.sinusoid(p).at(0));
        assertEquals(3.969463130731183e-10, Current.sinusoid(p).at(0.001));
        assertEquals(
                2.5e-10 * (1 + Math.sin(0.001 * 2 * Math.PI / 0.02)),
                Current.sinusoid(2.5e-10, 0.02).at(0.001));
        assertEquals(1e-10, Current.constant(1e-10).at(123));
        // u = 0 and u -> 1 are the ends of U(-1, 1): iMean (1 -/+ 0.1 sqrt(150))
        assertEquals(2.5e-10 * (1 + 1.2247448713915892 * -1.0), Current.noise(p, 0.0));
        assertEquals(2.5e-10, Current.noise(p, 0.5));
        Current user = t -> t < 0.05 ? 0 : 3e-10;
        assertEquals(150, Lif.euler(p).run(user).size());
    }

    @Test
    void validationMessages() {
        assertMessage("period must be finite and > 0 s, got 0.0", () -> Current.sinusoid(1e-10, 0));
        assertMessage("period must be finite and > 0 s, got nan", () -> Current.sinusoid(1e-10, Double.NaN));
        assertMessage("iMean must be finite (A), got inf", () -> Current.sinusoid(Double.POSITIVE_INFINITY, 0.01));
        assertMessage("num must be >= 0, got -1", () -> Np.linspace(0, 1, -1));
        assertMessage(
                "start and stop must be finite, got start=0.0, stop=inf",
                () -> Np.linspace(0, Double.POSITIVE_INFINITY, 3));
        assertMessage("n must be >= 0, got -2", () -> Np.ones(-2));
        assertMessage("rows and cols must be >= 0, got (1, -1)", () -> Np.full(1, -1, 0));
        assertMessage(
                "every row must have 2 columns like row 0, but row 1 has 1",
                () -> Np.transpose(new double[][] {{1, 2}, {3}}));
        assertMessage(
                "t and v must have the same length, got 2 and 3", () -> new Trajectory(new double[2], new double[3]));
        assertMessage("t and v must be arrays, got t=null", () -> new Trajectory(null, new double[3]));
        assertEquals(0, new Trajectory(new double[1], new double[1], null).spikeTimes().length);
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        assertEquals(
                expected, assertThrows(IllegalArgumentException.class, call).getMessage());
    }
}
