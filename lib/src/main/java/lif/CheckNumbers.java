package lif;

/**
 * Compares a learner's numbers with the reference and guesses the mistake from its shape: an untouched
 * scaffold (all 0, or every potential still at E_L), a wrong length, NaN or infinity, the first value off by
 * more than {@link #REL_TOL} of the largest expected magnitude, and then a likely cause: millivolts for volts,
 * one step late or early, N for N-1 (or the reverse) in a standard deviation, variances for stds, values
 * that never change. Messages never print the expected values.
 */
final class CheckNumbers {
    /** Relative tolerance (of the largest expected magnitude) for numbers. */
    static final double REL_TOL = 1e-9;

    /** What the numbers are, for guessing the cause of a difference. */
    enum Kind {
        /** Nothing special. */
        PLAIN,
        /** Potentials stored after each update (a value one step early or late means the wrong order). */
        V_AFTER,
        /** Potentials printed before each update. */
        V_BEFORE,
        /** Standard deviations dividing by N-1. */
        STD_SAMPLE,
        /** Standard deviations dividing by N ({@code np.std}'s default). */
        STD_POPULATION
    }

    private CheckNumbers() {}

    /**
     * The problem with {@code answer} against {@code expected}, or null when they agree.
     *
     * @param name      the answer's name in messages ({@code v}, {@code means}, ...)
     * @param untouched what to do next when the answer is still the scaffold's (all 0, all E_L); null for a
     *                  generic question
     */
    static String compare(String name, Object answer, double[] expected, Kind kind, String untouched) {
        double[] got = CheckAnswers.numbers(name, answer);
        if (got.length == 0 && expected.length > 0 && untouched != null) {
            return name + " is empty: " + untouched;
        }
        if (got.length != expected.length) {
            return name + " has " + got.length + " values, expected " + expected.length
                    + (Math.abs(got.length - expected.length) == 1 ? " (check where your loop starts and stops)" : "");
        }
        double tol = REL_TOL * largest(expected);
        String scaffold = untouched(name, got, expected, tol, untouched);
        if (scaffold != null) {
            return scaffold;
        }
        int first = -1;
        int wrong = 0;
        for (int k = 0; k < got.length; k++) {
            if (Double.isNaN(got[k])) {
                return name + "[" + k + "] is NaN (a 0/0 or a sqrt of a negative number?)";
            }
            if (Double.isInfinite(got[k])) {
                return name + "[" + k + "] is " + got[k] + " (a division by zero, or a blow-up?)";
            }
            if (!(Math.abs(got[k] - expected[k]) <= tol)) {
                wrong++;
                if (first < 0) {
                    first = k;
                }
            }
        }
        if (first < 0) {
            return null;
        }
        String s = name + "[" + first + "] is " + PyFormat.e(got[first], 4) + ", which is too "
                + (got[first] > expected[first] ? "large" : "small") + " (" + wrong + " of " + got.length
                + " values differ by more than " + REL_TOL + " relative)";
        String why = cause(got, expected, tol, kind);
        return why == null ? s : s + "; " + why;
    }

    static double largest(double[] values) {
        double scale = 0;
        for (double x : values) {
            scale = Math.max(scale, Math.abs(x));
        }
        return scale;
    }

    /**
     * The hint for numbers still as an untouched scaffold leaves them, all 0 or all E_L (where v starts);
     * null otherwise.
     */
    static String untouched(String name, double[] got, double[] expected, double tol, String next) {
        if (got.length < 2 || matches(got, expected, 1, tol)) {
            return null;
        }
        double eL = LifParameters.defaults().eL();
        boolean zeros = true;
        boolean rest = true;
        for (double g : got) {
            zeros &= g == 0;
            rest &= g == eL;
        }
        if (zeros) {
            return name + ": all values are 0: " + (next == null ? "did you fill the array?" : next);
        }
        if (rest) {
            return name + ": all values are still E_L = " + PyFormat.repr(eL) + " V, where v starts: "
                    + (next == null ? "v never moves (is the update missing, or the current still 0?)" : next);
        }
        return null;
    }

    /** A likely cause, recognised from the shape of the mistake; null if none. */
    private static String cause(double[] got, double[] exp, double tol, Kind kind) {
        int n = got.length;
        if (matches(got, exp, 1000, tol * 1000)) {
            return "your values are 1000 times the expected ones: use volts (and amperes), not millivolts";
        }
        if (matches(got, exp, 0.001, tol)) {
            return "your values are 1/1000 of the expected ones: check the units";
        }
        if (n > 2 && shifted(got, exp, 1, tol)) {
            return "your values are one step late: "
                    + (kind == Kind.V_AFTER
                            ? "store v after its update, not before"
                            : "store (print) v before its update, not after");
        }
        if (n > 2 && shifted(got, exp, -1, tol)) {
            return "your values are one step early: "
                    + (kind == Kind.V_BEFORE
                            ? "print v before updating it"
                            : "check which step's current updates which v");
        }
        boolean std = kind == Kind.STD_SAMPLE || kind == Kind.STD_POPULATION;
        if (std && constantRatio(got, exp)) {
            return kind == Kind.STD_SAMPLE
                    ? "your stds differ by a constant factor: this exercise divides the variance by N-1"
                    : "your stds differ by a constant factor: np.std divides the variance by N (ddof 0), not N-1";
        }
        if (std && squares(got, exp, tol)) {
            return "these look like variances: take the square root";
        }
        boolean constant = n > 1;
        for (double g : got) {
            constant &= g == got[0];
        }
        return constant ? "all your values are equal: does v change inside the loop?" : null;
    }

    private static boolean matches(double[] got, double[] exp, double factor, double tol) {
        for (int k = 0; k < got.length; k++) {
            if (!(Math.abs(got[k] - factor * exp[k]) <= tol)) {
                return false;
            }
        }
        return true;
    }

    /** got[k] = exp[k - shift] for all k where both exist. */
    private static boolean shifted(double[] got, double[] exp, int shift, double tol) {
        for (int k = 0; k < got.length; k++) {
            int j = k - shift;
            if (j >= 0 && j < exp.length && !(Math.abs(got[k] - exp[j]) <= tol)) {
                return false;
            }
        }
        return true;
    }

    private static boolean squares(double[] got, double[] exp, double tol) {
        for (int k = 0; k < got.length; k++) {
            if (!(Math.abs(got[k] - exp[k] * exp[k]) <= tol * tol + 1e-12 * exp[k] * exp[k])) {
                return false;
            }
        }
        return true;
    }

    private static boolean constantRatio(double[] got, double[] exp) {
        double ratio = Double.NaN;
        for (int k = 0; k < got.length; k++) {
            if (exp[k] == 0) {
                continue;
            }
            double r = got[k] / exp[k];
            if (Double.isNaN(ratio)) {
                ratio = r;
            } else if (Math.abs(r - ratio) > REL_TOL * Math.abs(ratio)) {
                return false;
            }
        }
        return !Double.isNaN(ratio) && Math.abs(ratio - 1) > REL_TOL;
    }
}
