package lif;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Turns a learner's answer into what the checks compare: numbers ({@code double[]}, {@code float[]},
 * {@code Number[]}, any collection of numbers, a {@link Trajectory}'s potentials), rows of numbers
 * ({@code double[][]} or a collection of rows) and printed lines (one {@code String}, a {@code String[]} or a
 * list of strings). A shape that is not allowed fails with a message naming the answer and what to pass.
 */
final class CheckAnswers {
    private CheckAnswers() {}

    /** Numbers from a double[], float[], Number[], collection of numbers or {@link Trajectory} (its v). */
    static double[] numbers(String name, Object o) {
        if (o == null) {
            throw new IllegalArgumentException(name + " is null: pass your array or list");
        }
        if (o instanceof Trajectory) {
            return ((Trajectory) o).v();
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

    /** The rows of a double[][] or of a collection of rows (each row as {@link #numbers}). */
    static List<double[]> rows(String name, Object o) {
        if (o == null) {
            throw new IllegalArgumentException(name + " is null: pass your table");
        }
        List<double[]> rows = new ArrayList<>();
        if (o instanceof double[][]) {
            rows.addAll(Arrays.asList((double[][]) o));
        } else if (o instanceof Collection) {
            int k = 0;
            for (Object row : (Collection<?>) o) {
                rows.add(numbers(name + "[" + k++ + "]", row));
            }
        } else {
            throw new IllegalArgumentException(
                    name + " is a " + o.getClass().getSimpleName() + "; pass a double[][] (one row per neuron)");
        }
        return rows;
    }

    /** A String, a String[] or a non-empty collection of text. */
    static boolean isText(Object o) {
        if (o instanceof String || o instanceof String[]) {
            return true;
        }
        if (o instanceof Collection) {
            Collection<?> c = (Collection<?>) o;
            return !c.isEmpty() && c.iterator().next() instanceof CharSequence;
        }
        return false;
    }

    /** The printed lines of a text (trailing blank lines dropped), a String[] or a collection of lines. */
    static List<String> lines(String name, Object o) {
        if (o == null) {
            throw new IllegalArgumentException(name + " are null: pass the printed text or its lines");
        }
        if (!isText(o)) {
            throw new IllegalArgumentException(name + " must be a String or a list of strings, got a "
                    + o.getClass().getSimpleName());
        }
        List<String> out = new ArrayList<>();
        if (o instanceof String) {
            out.addAll(Arrays.asList(((String) o).split("\\R")));
            while (!out.isEmpty() && out.get(out.size() - 1).isBlank()) {
                out.remove(out.size() - 1);
            }
        } else if (o instanceof String[]) {
            out.addAll(Arrays.asList((String[]) o));
        } else {
            for (Object line : (Collection<?>) o) {
                out.add(String.valueOf(line));
            }
        }
        return out;
    }
}
