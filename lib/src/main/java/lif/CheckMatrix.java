package lif;

import java.util.List;

/**
 * Compares a table of potentials, one row per neuron and one column per step ({@code vN[neuron][step]}),
 * with the reference: its shape (a transposed table is recognised), an untouched table (all 0, all E_L), then
 * row by row as {@link CheckNumbers} does, naming the first wrong row.
 */
final class CheckMatrix {
    private CheckMatrix() {}

    /**
     * The problem with {@code answer} against {@code expected[neuron][step]}, or null when they agree.
     *
     * @param untouched what to do next when the table is still the scaffold's; null for a generic question
     */
    static String compare(String name, Object answer, double[][] expected, String untouched) {
        return compare(name, CheckAnswers.rows(name, answer), expected, untouched);
    }

    static String compare(String name, List<double[]> rows, double[][] expected, String untouched) {
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
        int columns = expected.length == 0 ? 0 : expected[0].length;
        double[] all = new double[rows.size() * columns];
        double[] allExpected = new double[all.length];
        for (int j = 0; j < rows.size(); j++) {
            if (rows.get(j) == null || rows.get(j).length != columns) {
                return name + "[" + j + "] has " + (rows.get(j) == null ? "no" : rows.get(j).length)
                        + " values, expected " + columns;
            }
            System.arraycopy(rows.get(j), 0, all, j * columns, columns);
            System.arraycopy(expected[j], 0, allExpected, j * columns, columns);
        }
        String scaffold = CheckNumbers.untouched(
                name, all, allExpected, CheckNumbers.REL_TOL * CheckNumbers.largest(allExpected), untouched);
        if (scaffold != null) {
            return scaffold;
        }
        for (int j = 0; j < rows.size(); j++) {
            String p = CheckNumbers.compare(
                    name + "[" + j + "]", rows.get(j), expected[j], CheckNumbers.Kind.V_AFTER, null);
            if (p != null) {
                return p;
            }
        }
        return null;
    }
}
