package lif;

/**
 * The few numpy array helpers the notebooks need, with numpy's exact arithmetic.
 * (Named {@code Np}, not {@code Arrays}, so it does not clash with {@code java.util.Arrays} in JShell.)
 */
public final class Np {

    private Np() {}

    /** {@code np.linspace(start, stop, num)}: num values from start to stop inclusive. */
    public static double[] linspace(double start, double stop, int num) {
        return linspace(start, stop, num, true);
    }

    /**
     * {@code np.linspace(start, stop, num, endpoint)}: {@code start + k * step} with
     * {@code step = (stop - start) / (endpoint ? num - 1 : num)}; with endpoint the last value is stop itself.
     * The tutorial's Exercise 11 uses endpoint=false, Exercise 13 the default (true).
     *
     * @param num number of values, >= 0
     */
    public static double[] linspace(double start, double stop, int num, boolean endpoint) {
        if (num < 0) {
            throw new IllegalArgumentException("num must be >= 0, got " + num);
        }
        if (!Double.isFinite(start) || !Double.isFinite(stop)) {
            throw new IllegalArgumentException("start and stop must be finite, got start=" + PyFormat.repr(start)
                    + ", stop=" + PyFormat.repr(stop));
        }
        double[] y = new double[num];
        int div = endpoint ? num - 1 : num;
        double delta = stop - start;
        if (div > 0) {
            double step = delta / div;
            for (int k = 0; k < num; k++) {
                // numpy: y = arange(num) * step + start (or arange/div*delta when step underflows to 0)
                y[k] = step == 0 ? (k / (double) div) * delta + start : k * step + start;
            }
        } else if (num == 1) {
            y[0] = start;
        }
        if (endpoint && num > 1) {
            y[num - 1] = stop;
        }
        return y;
    }

    /** {@code np.ones(n)}. */
    public static double[] ones(int n) {
        return full(n, 1.0);
    }

    /** {@code np.full(n, value)}, e.g. {@code full(150, -0.06)} for the tutorial's {@code el * np.ones(150)}. */
    public static double[] full(int n, double value) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        double[] a = new double[n];
        java.util.Arrays.fill(a, value);
        return a;
    }

    /** {@code np.ones((rows, cols))} times value: a rows x cols matrix filled with value. */
    public static double[][] full(int rows, int cols, double value) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("rows and cols must be >= 0, got (" + rows + ", " + cols + ")");
        }
        MemoryGuard.checkMatrix(rows, cols, "full(rows, cols, value)");
        double[][] a = new double[rows][];
        for (int i = 0; i < rows; i++) {
            a[i] = full(cols, value);
        }
        return a;
    }

    /** Column means, {@code np.mean(v, axis=0)}: for an ensemble v[n][k], the mean at each time step. */
    public static double[] columnMeans(double[][] v) {
        return lif.stats.Stats.mean(v);
    }

    /** {@code v.T}: rows become columns (e.g. v[n][k] to v[k][n]). */
    public static double[][] transpose(double[][] v) {
        if (v == null || v.length == 0) {
            return new double[0][0];
        }
        int cols = v[0].length;
        double[][] out = new double[cols][v.length];
        for (int i = 0; i < v.length; i++) {
            if (v[i].length != cols) {
                throw new IllegalArgumentException(
                        "every row must have " + cols + " columns like row 0, but row " + i + " has " + v[i].length);
            }
            for (int j = 0; j < cols; j++) {
                out[j][i] = v[i][j];
            }
        }
        return out;
    }
}
