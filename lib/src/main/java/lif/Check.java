package lif;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import lif.stats.EnsembleStats;

/**
 * Self-checks for the tutorial's exercises: {@code Check.check(4, v)} prints {@code "Exercise 4: correct"},
 * or what differs and where (first differing index, your value, too large or too small, wrong length, NaN,
 * a likely cause), never the expected values themselves. {@link #result} returns the verdict instead of
 * printing it.
 *
 * <p>What each exercise accepts (arrays as {@code double[]}, {@code List<Double>} or any collection of numbers;
 * matrices as {@code double[][]} or lists of lists; printed lines as one {@code String} or a list of strings):
 * <table>
 *   <caption>answers</caption>
 *   <tr><td>1</td><td>the printed line ({@code 0.15 0.001 ...}), Python's or Java's number format</td></tr>
 *   <tr><td>2</td><td>the 10 currents (A), or their printed lines</td></tr>
 *   <tr><td>3</td><td>the 10 printed lines {@code "%.3f %.4e"}</td></tr>
 *   <tr><td>4</td><td>the 10 printed lines, or the 10 values of v printed (before each update)</td></tr>
 *   <tr><td>5</td><td>{@code check(5, ts, is)}: the 25 times (s) and the 25 currents (A) of the figure</td></tr>
 *   <tr><td>6, 7</td><td>v after each of the 150 updates (V), or the {@link Trajectory}</td></tr>
 *   <tr><td>8</td><td>the record {@code [neuron][step]} (50 x 150), or the final list vN (50 values)</td></tr>
 *   <tr><td>9</td><td>the 150 per-step means</td></tr>
 *   <tr><td>10</td><td>the 150 per-step (N-1) stds; or {@code check(10, means, stds)}</td></tr>
 *   <tr><td>11, 12</td><td>the array v (149 values)</td></tr>
 *   <tr><td>13</td><td>the matrix vN (50 x 150)</td></tr>
 *   <tr><td>14</td><td>{@code check(14, mean, std)} (ddof 0), or an {@link EnsembleStats}</td></tr>
 * </table>
 * Numbers agree when they differ by at most {@value #REL_TOL} times the largest expected magnitude. Printed
 * numbers are compared at the precision the exercise asks for: Exercises 1 and 2 print whole doubles, so each
 * printed number must be the double itself (Python's or Java's way of writing it), not a rounding of it;
 * Exercises 3 and 4 ask for {@code %.3f %.4e}, so their lines must be exactly that text.
 * An untouched scaffold gets a hint for what is missing: "all values are 0: did you fill the array?", values
 * that never leave E_L, a placeholder still printed, nothing printed.
 */
public final class Check {
    /** Relative tolerance (of the largest expected magnitude) for numbers. */
    public static final double REL_TOL = 1e-9;

    private Check() {}

    /** A verdict: {@code correct()} and the message printed by {@link #check}. */
    public record Result(boolean correct, String message) {
        @Override
        public String toString() {
            return message;
        }
    }

    /** Prints the verdict on one answer. */
    public static void check(int exercise, Object answer) {
        System.out.println(result(exercise, answer).message());
    }

    /** Prints the verdict on two answers (Exercise 10: means, stds; Exercise 14: mean, std). */
    public static void check(int exercise, Object first, Object second) {
        System.out.println(result(exercise, first, second).message());
    }

    /** The verdict on one answer, without printing. */
    public static Result result(int exercise, Object answer) {
        String p = "Exercise " + exercise + ": ";
        try {
            String problem = problem(exercise, answer);
            return problem == null ? new Result(true, p + "correct") : new Result(false, p + problem);
        } catch (RuntimeException e) {
            return new Result(false, p + e.getMessage());
        }
    }

    /** The verdict on two answers (Exercise 5: ts, is; 10: means, stds; 14: mean, std), without printing. */
    public static Result result(int exercise, Object first, Object second) {
        String p = "Exercise " + exercise + ": ";
        try {
            String problem;
            if (exercise == 5) {
                double[][] ti = exercise5();
                problem = join(compare("ts", first, ti[0], Hint.NONE), compare("is", second, ti[1], Hint.NONE));
            } else if (exercise == 10) {
                problem = join(
                        compare("means", first, Tutorial.exercises8to10().mean(), Hint.MEAN),
                        compare("stds", second, Tutorial.exercises8to10().std(), Hint.STD1));
            } else if (exercise == 14) {
                EnsembleStats s = Tutorial.exercise14();
                problem = join(compare("mean", first, s.mean(), Hint.MEAN), compare("std", second, s.std(), Hint.STD0));
            } else {
                throw new IllegalArgumentException("two answers are checked for Exercises 5 (ts, is), 10 (means, stds) "
                        + "and 14 (mean, std); for Exercise " + exercise + " call check(" + exercise + ", answer)");
            }
            return problem == null ? new Result(true, p + "correct") : new Result(false, p + problem);
        } catch (RuntimeException e) {
            return new Result(false, p + e.getMessage());
        }
    }

    /** Exercise 5's figure data: the 25 times and currents of the sinusoid, computed as the exercise does. */
    static double[][] exercise5() {
        LifParameters p = LifParameters.defaults();
        double[][] ti = new double[2][25];
        for (int step = 0; step < 25; step++) {
            double t = step * p.dt();
            ti[0][step] = t;
            ti[1][step] = p.iMean() * (1 + Math.sin((t * 2 * Math.PI) / 0.01));
        }
        return ti;
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + "; " + b;
    }

    private enum Hint {
        NONE,
        V_AFTER,
        V_BEFORE,
        MEAN,
        STD1,
        STD0
    }

    private static String problem(int exercise, Object answer) {
        switch (exercise) {
            case 1:
                return lines("the printed line", answer, List.of(Tutorial.exercise1()), true);
            case 2:
                if (isText(answer)) {
                    return lines("the printed lines", answer, Tutorial.exercise2Lines(), true);
                }
                return compare("i", answer, Tutorial.exercise2(), Hint.NONE);
            case 3:
                return lines("the printed lines", answer, Tutorial.exercise3Lines(), false);
            case 4:
                if (isText(answer)) {
                    String p = lines("the printed lines", answer, Tutorial.exercise4Lines(), false);
                    return p == null ? null : exercise4Cause(p, textLines(answer));
                }
                return compare("v", answer, Tutorial.exercise4().v(), Hint.V_BEFORE);
            case 5:
                throw new IllegalArgumentException("check both arrays of the figure with check(5, ts, is)");
            case 6:
                return compare("v", trajectory(answer), Tutorial.exercise6().v(), Hint.V_AFTER);
            case 7:
                return compare("v", trajectory(answer), Tutorial.exercise7().v(), Hint.V_AFTER);
            case 8: {
                Tutorial.ListEnsemble e = Tutorial.exercises8to10();
                int steps = e.t().length;
                if (answer instanceof double[][] || isNested(answer)) {
                    double[][] record = new double[e.vByStep()[0].length][steps];
                    for (int k = 0; k < steps; k++) {
                        for (int j = 0; j < record.length; j++) {
                            record[j][k] = e.vByStep()[k][j];
                        }
                    }
                    return compareMatrix("record", answer, record);
                }
                return compare("vN", answer, e.vByStep()[steps - 1], Hint.NONE);
            }
            case 9:
                return compare("means", answer, Tutorial.exercises8to10().mean(), Hint.MEAN);
            case 10:
                return compare("stds", answer, Tutorial.exercises8to10().std(), Hint.STD1);
            case 11:
            case 12:
                return compare("v", trajectory(answer), Tutorial.exercise11().v(), Hint.NONE);
            case 13:
                return compareMatrix("vN", answer, Tutorial.exercise13());
            case 14:
                if (answer instanceof EnsembleStats) {
                    EnsembleStats s = Tutorial.exercise14();
                    EnsembleStats a = (EnsembleStats) answer;
                    return join(
                            compare("mean", a.mean(), s.mean(), Hint.MEAN),
                            compare("std", a.std(), s.std(), Hint.STD0));
                }
                throw new IllegalArgumentException("check both answers with check(14, mean, std)");
            default:
                throw new IllegalArgumentException(
                        "no self-check for exercise " + exercise + "; there are checks for Exercises 1-14");
        }
    }

    /** Exercise 4's printed lines, when wrong: v never changing, or v printed after its update. */
    private static String exercise4Cause(String problem, List<String> got) {
        double[] v = Tutorial.exercise4().v();
        List<String> printed = new ArrayList<>();
        for (String line : got) {
            String[] parts = line.trim().split("\\s+");
            printed.add(parts.length == 2 ? parts[1].toLowerCase() : "");
        }
        boolean same = printed.size() > 1;
        for (String x : printed) {
            same &= x.equals(printed.get(0));
        }
        if (same) {
            return problem + "; v never changes: replace v = v; by one Euler step";
        }
        boolean early = printed.size() == v.length;
        for (int k = 0; early && k + 1 < v.length; k++) {
            early = printed.get(k).equals(PyFormat.e(v[k + 1], 4));
        }
        return early ? problem + "; each line shows v one step late: print before updating" : problem;
    }

    private static Object trajectory(Object answer) {
        return answer instanceof Trajectory ? ((Trajectory) answer).v() : answer;
    }

    private static boolean isText(Object o) {
        if (o instanceof String) {
            return true;
        }
        if (o instanceof Collection) {
            Collection<?> c = (Collection<?>) o;
            return !c.isEmpty() && c.iterator().next() instanceof CharSequence;
        }
        return o instanceof String[];
    }

    private static boolean isNested(Object o) {
        if (o instanceof Collection) {
            Collection<?> c = (Collection<?>) o;
            return !c.isEmpty()
                    && (c.iterator().next() instanceof Collection
                            || c.iterator().next() instanceof double[]);
        }
        return false;
    }

    /** Numbers from a double[], float[], int[], Number[] or collection of numbers. */
    static double[] numbers(String name, Object o) {
        if (o == null) {
            throw new IllegalArgumentException(name + " is null: pass your array or list");
        }
        if (o instanceof double[]) {
            return (double[]) o;
        }
        if (o instanceof float[]) {
            float[] f = (float[]) o;
            double[] d = new double[f.length];
            for (int k = 0; k < f.length; k++) {
                d[k] = f[k];
            }
            return d;
        }
        if (o instanceof Number[]) {
            return numbers(name, Arrays.asList((Number[]) o));
        }
        if (o instanceof Collection) {
            List<Object> list = new ArrayList<>((Collection<?>) o);
            double[] d = new double[list.size()];
            for (int k = 0; k < d.length; k++) {
                Object x = list.get(k);
                if (!(x instanceof Number)) {
                    throw new IllegalArgumentException(name + "[" + k + "] is "
                            + (x == null ? "null" : "a " + x.getClass().getSimpleName()) + ", not a number");
                }
                d[k] = ((Number) x).doubleValue();
            }
            return d;
        }
        if (o instanceof Number) {
            throw new IllegalArgumentException(name + " is a single number; pass the whole array or list");
        }
        throw new IllegalArgumentException(
                name + " is a " + o.getClass().getSimpleName() + "; pass a double[] or a List<Double>");
    }

    private static String compare(String name, Object answer, double[] expected, Hint hint) {
        double[] got = numbers(name, answer);
        if (got.length != expected.length) {
            String s = name + " has " + got.length + " values, expected " + expected.length;
            if (got.length == expected.length - 1 || got.length == expected.length + 1) {
                s += " (check where your loop starts and stops)";
            }
            return s;
        }
        double scale = 0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        double tol = REL_TOL * scale;
        String untouched = untouched(name, got, expected, tol);
        if (untouched != null) {
            return untouched;
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
                + " values differ by more than 1e-9 relative)";
        String why = cause(got, expected, tol, hint);
        return why == null ? s : s + "; " + why;
    }

    /**
     * The hint for an answer whose values are all 0 or all E_L (where v starts), as an untouched scaffold
     * leaves them; null otherwise.
     */
    private static String untouched(String name, double[] got, double[] expected, double tol) {
        if (got.length < 2 || matches(got, expected, 1, tol)) {
            return null;
        }
        boolean zeros = true;
        boolean rest = true;
        double eL = LifParameters.defaults().eL();
        for (double g : got) {
            zeros &= g == 0;
            rest &= g == eL;
        }
        if (zeros) {
            return name + ": all values are 0: did you fill the array?";
        }
        if (rest) {
            return name + ": all values are still E_L = -0.06 V, where v starts: v never moves (is the update"
                    + " missing, or the current still 0?)";
        }
        return null;
    }

    /** A likely cause, recognised from the shape of the mistake; null if none. */
    private static String cause(double[] got, double[] exp, double tol, Hint hint) {
        int n = got.length;
        if (matches(got, exp, 1000, tol * 1000)) {
            return "your values are 1000 times the expected ones: use volts (and amperes), not millivolts";
        }
        if (matches(got, exp, 0.001, tol)) {
            return "your values are 1/1000 of the expected ones: check the units";
        }
        if (n > 2 && shifted(got, exp, 1, tol)) {
            return "your values are one step late: "
                    + (hint == Hint.V_AFTER
                            ? "store v after its update, not before"
                            : "store (print) v before its update, not after");
        }
        if (n > 2 && shifted(got, exp, -1, tol)) {
            return "your values are one step early: "
                    + (hint == Hint.V_BEFORE
                            ? "print v before updating it"
                            : "check which step's current updates which v");
        }
        if ((hint == Hint.STD1 || hint == Hint.STD0) && constantRatio(got, exp)) {
            return hint == Hint.STD1
                    ? "your stds differ by a constant factor: this exercise divides the variance by N-1"
                    : "your stds differ by a constant factor: np.std divides the variance by N (ddof 0), not N-1";
        }
        if (hint == Hint.STD1 || hint == Hint.STD0) {
            boolean squares = true;
            for (int k = 0; k < n; k++) {
                squares &= Math.abs(got[k] - exp[k] * exp[k]) <= tol * tol + 1e-12 * exp[k] * exp[k];
            }
            if (squares) {
                return "these look like variances: take the square root";
            }
        }
        boolean constant = true;
        for (double g : got) {
            constant &= g == got[0];
        }
        if (constant && n > 1) {
            return "all your values are equal: does v change inside the loop?";
        }
        return null;
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

    private static boolean constantRatio(double[] got, double[] exp) {
        double ratio = Double.NaN;
        for (int k = 0; k < got.length; k++) {
            if (exp[k] == 0) {
                continue;
            }
            double r = got[k] / exp[k];
            if (Double.isNaN(ratio)) {
                ratio = r;
            } else if (Math.abs(r - ratio) > 1e-9 * Math.abs(ratio)) {
                return false;
            }
        }
        return !Double.isNaN(ratio) && Math.abs(ratio - 1) > 1e-9;
    }

    private static String compareMatrix(String name, Object answer, double[][] expected) {
        List<double[]> rows = new ArrayList<>();
        if (answer == null) {
            throw new IllegalArgumentException(name + " is null: pass your matrix");
        }
        if (answer instanceof double[][]) {
            rows.addAll(Arrays.asList((double[][]) answer));
        } else if (answer instanceof Collection) {
            int k = 0;
            for (Object row : (Collection<?>) answer) {
                rows.add(numbers(name + "[" + k++ + "]", row));
            }
        } else {
            throw new IllegalArgumentException(
                    name + " is a " + answer.getClass().getSimpleName() + "; pass a double[][] (one row per neuron)");
        }
        if (rows.size() != expected.length) {
            if (!rows.isEmpty()
                    && rows.get(0) != null
                    && rows.get(0).length == expected.length
                    && rows.size() == expected[0].length) {
                return name + " has " + rows.size() + " rows of " + expected.length
                        + ": it looks transposed; use one row per neuron, [neuron][step]";
            }
            return name + " has " + rows.size() + " rows, expected " + expected.length + " (one per neuron)";
        }
        List<Double> all = new ArrayList<>();
        List<Double> allExpected = new ArrayList<>();
        for (int j = 0; j < rows.size(); j++) {
            for (double x : rows.get(j)) {
                all.add(x);
            }
            for (double x : expected[j]) {
                allExpected.add(x);
            }
        }
        if (all.size() == allExpected.size()) {
            double[] g = numbers(name, all);
            double[] e = numbers(name, allExpected);
            double scale = 0;
            for (double x : e) {
                scale = Math.max(scale, Math.abs(x));
            }
            String untouched = untouched(name, g, e, REL_TOL * scale);
            if (untouched != null) {
                return untouched;
            }
        }
        for (int j = 0; j < rows.size(); j++) {
            String p = compare(name + "[" + j + "]", rows.get(j), expected[j], Hint.V_AFTER);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private static List<String> textLines(Object answer) {
        List<String> out = new ArrayList<>();
        if (answer instanceof String) {
            for (String l : ((String) answer).split("\\R")) {
                out.add(l);
            }
            while (!out.isEmpty() && out.get(out.size() - 1).isBlank()) {
                out.remove(out.size() - 1);
            }
        } else if (answer instanceof String[]) {
            out.addAll(Arrays.asList((String[]) answer));
        } else {
            for (Object o : (Collection<?>) answer) {
                out.add(String.valueOf(o));
            }
        }
        return out;
    }

    /**
     * Printed lines: exact text (trailing spaces ignored, exponent E or e); when {@code numeric}, numbers may
     * be printed in any format (Java's {@code 2.5E-10} for Python's {@code 2.5e-10}) and compare as numbers.
     */
    private static String lines(String name, Object answer, List<String> expected, boolean numeric) {
        if (answer == null) {
            throw new IllegalArgumentException(name + " are null: pass the printed text or its lines");
        }
        if (!isText(answer)) {
            throw new IllegalArgumentException(name + " must be a String or a list of strings, got a "
                    + answer.getClass().getSimpleName());
        }
        List<String> got = textLines(answer);
        if (got.isEmpty()) {
            return name + ": nothing printed (an empty text): build the text and print it";
        }
        for (int k = 0; k < got.size(); k++) {
            if (got.get(k).contains("TODO")) {
                return name + ": line " + (k + 1) + " (\"" + got.get(k).strip()
                        + "\") still holds the placeholder TODO:" + " replace it";
            }
        }
        if (numeric && allZero(got)) {
            return name + ": all values are 0: did you compute them?";
        }
        if (got.size() != expected.size()) {
            return name + ": " + got.size() + " line" + (got.size() == 1 ? "" : "s") + ", expected " + expected.size();
        }
        for (int k = 0; k < got.size(); k++) {
            String g = got.get(k).strip();
            String e = expected.get(k);
            if (g.equalsIgnoreCase(e)) {
                continue;
            }
            if (numeric && sameDoubles(g, e)) {
                continue;
            }
            int at = 0;
            while (at < Math.min(g.length(), e.length())
                    && Character.toLowerCase(g.charAt(at)) == Character.toLowerCase(e.charAt(at))) {
                at++;
            }
            String where = at < g.length()
                    ? "at character " + (at + 1) + " ('" + g.charAt(at) + "')"
                    : "it ends after " + g.length() + " characters, too early";
            String s = "line " + (k + 1) + " (\"" + g + "\") differs " + where;
            if (!numeric && g.split("\\s+").length == e.split("\\s+").length && sameNumbers(g, e)) {
                s += "; the numbers are right, the format is not (decimals? exponent?)";
            }
            return s;
        }
        return null;
    }

    /** Every printed number zero (and at least one number). */
    private static boolean allZero(List<String> got) {
        int numbers = 0;
        for (String line : got) {
            for (String part : line.trim().split("\\s+")) {
                try {
                    if (Double.parseDouble(part) != 0) {
                        return false;
                    }
                    numbers++;
                } catch (NumberFormatException ex) {
                    return false;
                }
            }
        }
        return numbers > 0;
    }

    /**
     * The same numbers, each printed as the whole double (Python's repr or Java's toString write the shortest
     * text that reads back as the same double): a number printed with fewer digits, such as 0.1 for 0.15 or
     * 4.0e-10 for 3.969e-10, is not the same.
     */
    private static boolean sameDoubles(String g, String e) {
        return sameNumbers(g, e, false);
    }

    /** The same numbers, or the expected ones rounded to the digits printed. */
    private static boolean sameNumbers(String g, String e) {
        return sameNumbers(g, e, true);
    }

    private static boolean sameNumbers(String g, String e, boolean roundedCounts) {
        String[] a = g.trim().split("\\s+");
        String[] b = e.trim().split("\\s+");
        if (a.length != b.length) {
            return false;
        }
        for (int k = 0; k < a.length; k++) {
            try {
                double x = Double.parseDouble(a[k]);
                double y = Double.parseDouble(b[k]);
                boolean equal = Math.abs(x - y) <= 1e-12 * Math.max(Math.abs(x), Math.abs(y));
                // printed with fewer digits: equal when y rounds to x at x's precision
                if (!equal && !(roundedCounts && roundsTo(y, a[k]))) {
                    return false;
                }
            } catch (NumberFormatException ex) {
                return false;
            }
        }
        return true;
    }

    private static boolean roundsTo(double y, String printed) {
        java.math.BigDecimal x =
                new java.math.BigDecimal(printed.replace('E', 'e').replace("e", "E"));
        java.math.BigDecimal ulp = x.ulp();
        if (ulp.compareTo(new java.math.BigDecimal(Math.abs(y))) > 0) {
            return false; // not one significant digit of y: "0.0" is not 2.5e-10 rounded
        }
        return new java.math.BigDecimal(y).subtract(x).abs().compareTo(ulp.divide(java.math.BigDecimal.valueOf(2)))
                <= 0;
    }
}
