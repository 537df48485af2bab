package lif.stats;

/**
 * Ensemble statistics of a stored ensemble {@code v[n][k]} (neuron n, time step k), computed per time
 * step across neurons, in numpy's operation order so results equal numpy bit for bit:
 * {@code mean(v)} is {@code np.mean(v, axis=0)}, {@code variance(v, ddof)} is {@code np.var(v, axis=0, ddof=ddof)}
 * (sums run neuron by neuron, as numpy reduces axis 0 of a C-ordered array). The {@code int ddof} overloads
 * mirror numpy's parameter for the exercises that teach it; the {@link Variance} overloads say it in words.
 * For ensembles too large to store, see {@link StepStatistics}.
 */
public final class Stats {

    private Stats() {}

    /** Mean of each column (time step) over the rows (neurons): {@code np.mean(v, axis=0)}. */
    public static double[] mean(double[][] v) {
        int t = checkMatrix(v);
        double[] sum = new double[t];
        for (double[] row : v) {
            for (int k = 0; k < t; k++) {
                sum[k] += row[k];
            }
        }
        for (int k = 0; k < t; k++) {
            sum[k] /= v.length;
        }
        return sum;
    }

    /**
     * Variance of each column: {@code sum_n (v[n][k] - mean[k])^2 / (N - ddof)}, two passes.
     *
     * @param ddof 0 for the population variance (numpy's default), 1 for the sample variance; 0 <= ddof < N
     */
    public static double[] variance(double[][] v, int ddof) {
        int t = checkMatrix(v);
        checkDdof(ddof, v.length);
        double[] mean = mean(v);
        double[] ss = new double[t];
        for (double[] row : v) {
            for (int k = 0; k < t; k++) {
                double d = row[k] - mean[k];
                ss[k] += d * d;
            }
        }
        for (int k = 0; k < t; k++) {
            ss[k] /= (v.length - ddof);
        }
        return ss;
    }

    /** {@link #variance(double[][], int)} with N-1 ({@link Variance#SAMPLE}) or N ({@link Variance#POPULATION}). */
    public static double[] variance(double[][] v, Variance kind) {
        return variance(v, ddof(kind));
    }

    /** {@link #std(double[][], int)} with N-1 ({@link Variance#SAMPLE}) or N ({@link Variance#POPULATION}). */
    public static double[] std(double[][] v, Variance kind) {
        return std(v, ddof(kind));
    }

    /** {@link #of(double[], double[][], int)} with N-1 ({@link Variance#SAMPLE}) or N ({@link Variance#POPULATION}). */
    public static EnsembleStats of(double[] t, double[][] v, Variance kind) {
        return of(t, v, ddof(kind));
    }

    /** {@link #variance(double[], int)} with N-1 ({@link Variance#SAMPLE}) or N ({@link Variance#POPULATION}). */
    public static double variance(double[] values, Variance kind) {
        return variance(values, ddof(kind));
    }

    private static int ddof(Variance kind) {
        return Variance.require(kind).ddof();
    }

    /** Square root of {@link #variance(double[][], int)}: {@code np.std(v, axis=0, ddof=ddof)}. */
    public static double[] std(double[][] v, int ddof) {
        double[] s = variance(v, ddof);
        for (int k = 0; k < s.length; k++) {
            s[k] = Math.sqrt(s[k]);
        }
        return s;
    }

    /** Mean, variance and std of each column, with the times t (seconds) of the columns. */
    public static EnsembleStats of(double[] t, double[][] v, int ddof) {
        int steps = checkMatrix(v);
        if (t == null || t.length != steps) {
            throw new IllegalArgumentException(
                    "t must have one time per column (" + steps + "), got " + (t == null ? "null" : t.length));
        }
        double[] var = variance(v, ddof);
        double[] std = new double[steps];
        for (int k = 0; k < steps; k++) {
            std[k] = Math.sqrt(var[k]);
        }
        return new EnsembleStats(t, mean(v), var, std, v.length, ddof);
    }

    /** Mean of values in index order, {@code sum / n} as Python's {@code sum(list) / n}. */
    public static double mean(double[] values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException(
                    "values must hold at least one value, got " + (values == null ? "null" : "[]"));
        }
        double s = 0;
        for (double x : values) {
            s += x;
        }
        return s / values.length;
    }

    /** {@code sum((x - mean)^2) / (n - ddof)} in index order (the tutorial's Exercise 10 with ddof 1). */
    public static double variance(double[] values, int ddof) {
        double m = mean(values);
        checkDdof(ddof, values.length);
        double s = 0;
        for (double x : values) {
            double d = x - m;
            s += d * d;
        }
        return s / (values.length - ddof);
    }

    /**
     * The tutorial's sample autocovariance (Section 5) between time steps t and s:
     * {@code C(t, s) = 1/(N-1) sum_n (V_n(t) - <V(t)>)(V_n(s) - <V(s)>)}. {@code C(t, t)} is the
     * sample variance at t. Units: volts squared.
     *
     * @param v ensemble, v[n][k]; at least 2 neurons
     * @param t first time step index
     * @param s second time step index
     */
    public static double autocovariance(double[][] v, int t, int s) {
        int steps = checkMatrix(v);
        checkDdof(1, v.length);
        checkIndex("t", t, steps);
        checkIndex("s", s, steps);
        double mt = 0;
        double ms = 0;
        for (double[] row : v) {
            mt += row[t];
            ms += row[s];
        }
        mt /= v.length;
        ms /= v.length;
        double c = 0;
        for (double[] row : v) {
            c += (row[t] - mt) * (row[s] - ms);
        }
        return c / (v.length - 1);
    }

    /** The full T x T matrix {@code C[t][s]} of {@link #autocovariance(double[][], int, int)}; symmetric. */
    public static double[][] autocovariance(double[][] v) {
        int steps = checkMatrix(v);
        checkDdof(1, v.length);
        double[] mean = mean(v);
        double[][] c = new double[steps][steps];
        double[] d = new double[steps];
        for (int n = 0; n < v.length; n++) {
            if (Interrupts.requested()) { // O(N T^2): long for large ensembles
                throw Interrupts.stopped("Stats.autocovariance (" + n + " of " + v.length + " neurons)");
            }
            double[] row = v[n];
            for (int k = 0; k < steps; k++) {
                d[k] = row[k] - mean[k];
            }
            for (int a = 0; a < steps; a++) {
                double da = d[a];
                double[] ca = c[a];
                for (int b = a; b < steps; b++) {
                    ca[b] += da * d[b];
                }
            }
        }
        for (int a = 0; a < steps; a++) {
            for (int b = a; b < steps; b++) {
                c[a][b] /= (v.length - 1);
                c[b][a] = c[a][b];
            }
        }
        return c;
    }

    static void checkDdof(int ddof, long n) {
        if (ddof < 0 || ddof >= n) {
            throw new IllegalArgumentException("ddof must be >= 0 and < N (the number of neurons, " + n + "), got ddof="
                    + ddof + (ddof == 1 ? ": the sample (N-1) statistics need at least 2 neurons" : ""));
        }
    }

    /** Checks v is a non-empty rectangular matrix; returns its column count. */
    static int checkMatrix(double[][] v) {
        if (v == null || v.length == 0) {
            throw new IllegalArgumentException(
                    "v must hold at least one row (neuron), got " + (v == null ? "null" : "0 rows"));
        }
        if (v[0] == null) {
            throw new IllegalArgumentException("v[0] is null");
        }
        int t = v[0].length;
        if (t == 0) {
            throw new IllegalArgumentException("v must hold at least one column (time step), got 0");
        }
        for (int n = 1; n < v.length; n++) {
            if (v[n] == null || v[n].length != t) {
                throw new IllegalArgumentException("every row of v must have " + t + " columns like v[0], but v[" + n
                        + "] has " + (v[n] == null ? "null" : v[n].length));
            }
        }
        return t;
    }

    private static void checkIndex(String name, int k, int steps) {
        if (k < 0 || k >= steps) {
            throw new IllegalArgumentException(
                    name + " must be a time step index in [0, " + (steps - 1) + "], got " + k);
        }
    }
}
