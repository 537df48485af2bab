package lif;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares printed text with the reference lines, at the precision the exercise asks for: with
 * {@code numeric}, each printed number must be the whole double (Python's {@code repr} or Java's
 * {@code toString}, exponent {@code e} or {@code E}); otherwise each line must be the exact text (a
 * {@code "%.3f %.4e"} line). Recognises an empty print, a placeholder {@code TODO}, all zeros, the wrong number
 * of lines, and a line with the right numbers in the wrong format.
 */
final class CheckText {
    private CheckText() {}

    /**
     * The problem with the printed {@code answer} against {@code expected}, or null when they agree.
     *
     * @param untouched what to do next when the scaffold's placeholder is still printed (nothing, TODO, zeros)
     */
    static String compare(String name, Object answer, List<String> expected, boolean numeric, String untouched) {
        List<String> got = CheckAnswers.lines(name, answer);
        if (got.isEmpty()) {
            return name + " is empty: " + (untouched == null ? "build the text and print it" : untouched);
        }
        for (int k = 0; k < got.size(); k++) {
            if (got.get(k).contains("TODO")) {
                return name + ": line " + (k + 1) + " (\"" + got.get(k).strip()
                        + "\") still holds the placeholder TODO: " + (untouched == null ? "replace it" : untouched);
            }
        }
        if (numeric && allZero(got)) {
            return name + ": all values are 0: " + (untouched == null ? "did you compute them?" : untouched);
        }
        if (got.size() != expected.size()) {
            return name + ": " + got.size() + " line" + (got.size() == 1 ? "" : "s") + ", expected " + expected.size();
        }
        for (int k = 0; k < got.size(); k++) {
            String g = got.get(k).strip();
            String e = expected.get(k);
            if (g.equalsIgnoreCase(e) || (numeric && sameNumbers(g, e, false))) {
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
            if (!numeric && g.split("\\s+").length == e.split("\\s+").length && sameNumbers(g, e, true)) {
                s += "; the numbers are right, the format is not (decimals? exponent?)";
            }
            return s;
        }
        return null;
    }

    /**
     * For lines {@code "t value"} whose values should be {@code printedBefore} (each value printed before its
     * update, {@code "%.4e"}): "never changes" when every line prints the same value, "one step late" when each
     * line prints the next step's value; null otherwise.
     */
    static String updateCause(Object answer, double[] printedBefore, String neverChanges) {
        List<String> values = new ArrayList<>();
        for (String line : CheckAnswers.lines("the printed lines", answer)) {
            String[] parts = line.trim().split("\\s+");
            values.add(parts.length == 2 ? parts[1].toLowerCase() : "");
        }
        boolean same = values.size() > 1;
        for (String x : values) {
            same &= x.equals(values.get(0));
        }
        if (same) {
            return neverChanges;
        }
        boolean late = values.size() == printedBefore.length;
        for (int k = 0; late && k + 1 < printedBefore.length; k++) {
            late = values.get(k).equals(PyFormat.e(printedBefore[k + 1], 4));
        }
        return late ? "each line shows v one step late: print before updating" : null;
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
     * text that reads back as the same double; last-bit differences pass); with {@code roundedCounts}, also the
     * expected ones rounded to the digits printed. A number printed with fewer digits than the double, such as
     * 0.1 for 0.15, is not the same.
     */
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
                if (!equal && !(roundedCounts && roundsTo(y, a[k]))) {
                    return false;
                }
            } catch (NumberFormatException ex) {
                return false;
            }
        }
        return true;
    }

    /** y rounds to the printed decimal at the printed precision. */
    private static boolean roundsTo(double y, String printed) {
        BigDecimal x = new BigDecimal(printed.replace('e', 'E'));
        BigDecimal ulp = x.ulp();
        if (ulp.compareTo(new BigDecimal(Math.abs(y))) > 0) {
            return false; // not one significant digit of y: "0.0" is not 2.5e-10 rounded
        }
        return new BigDecimal(y).subtract(x).abs().compareTo(ulp.divide(BigDecimal.valueOf(2))) <= 0;
    }
}
