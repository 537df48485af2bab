package lif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the numpy reference files written by src/test/python/make_reference.py (which also writes the notebooks' figure data), and compares arrays. */
public final class Reference {

    private Reference() {}

    /** The data lines of a reference file, as Python wrote them (repr), split on spaces. */
    public static List<String[]> lines(String name) {
        String path = "/reference/" + name;
        try (InputStream in = Reference.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> out = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    out.add(line.trim().split(" "));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file as a matrix of doubles, one row per line. */
    public static double[][] matrix(String name) {
        return lines(name).stream().map(Reference::parse).toArray(double[][]::new);
    }

    /** Column c of the file. */
    public static double[] column(String name, int c) {
        return lines(name).stream().mapToDouble(f -> Double.parseDouble(f[c])).toArray();
    }

    private static double[] parse(String[] fields) {
        double[] d = new double[fields.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = Double.parseDouble(fields[i]);
        }
        return d;
    }

    /** Bit-for-bit equality, reporting the first differing index. */
    public static void assertSameBits(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            if (Double.doubleToRawLongBits(expected[i]) != Double.doubleToRawLongBits(actual[i])) {
                fail(what + ": index " + i + " expected " + PyFormat.repr(expected[i]) + " but was "
                        + PyFormat.repr(actual[i]));
            }
        }
    }

    /** |actual - expected| <= rel * |expected| (or == when expected is 0), at every index. */
    public static void assertRelative(double[] expected, double[] actual, double rel, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            double err = Math.abs(actual[i] - expected[i]);
            assertTrue(
                    err <= rel * Math.abs(expected[i]),
                    what + ": index " + i + " expected " + PyFormat.repr(expected[i]) + " but was "
                            + PyFormat.repr(actual[i]) + " (relative error " + err / Math.abs(expected[i]) + ")");
        }
    }
}
