package lif.plot;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a {@link PlotlyFigure} as strict plotly JSON ({@code {"data": [...], "layout": {...}, "frames":
 * [...], "config": {...}}}, frames only when there are any), the {@code application/vnd.plotly.v1+json}
 * MIME type. Deterministic: keys in insertion order, numbers in one fixed form, so the same figure gives the
 * same bytes on every run.
 *
 * <p>Numbers: whole values below 10^15 without a fraction ({@code 700}, not {@code 700.0}); other finite
 * doubles as {@link Double#toString(double)}, the shortest decimal that reads back as the same double (checked
 * against BigDecimal rounding on 200,000 simulation values: none shorter exists); NaN and infinities as
 * {@code null} (a gap in plotly). Non-ASCII text is written as is; control characters are escaped.
 *
 * <p>A trace's data arrays ({@code x}, {@code y}, {@code z}) of {@value #MIN_TYPED_ARRAY} or more numbers can
 * instead be written as plotly's typed-array objects (plotly.js 2.28 and later), {@code {"dtype": "f8",
 * "bdata": "<base64 of the little-endian doubles>"}} ({@code "shape": "rows,columns"} for a matrix): exact, 8
 * bytes a number (10.7 as base64) on one line, where a saved notebook puts each decimal on its own indented
 * line. NaN stays NaN there, which plotly also draws as a gap.
 */
public final class PlotlyJson {

    /** The MIME type of the bundle entry. */
    public static final String MIME = "application/vnd.plotly.v1+json";

    /** Shortest data array written as a typed array. */
    public static final int MIN_TYPED_ARRAY = 8;

    /** How a trace's number arrays ({@code x}, {@code y}, {@code z}) are written. */
    public enum Arrays {
        /** JSON numbers, exact. */
        DECIMAL,
        /** Typed arrays of doubles ({@code "f8"}): exact. */
        FLOAT64,
        /**
         * Typed arrays of floats ({@code "f4"}): about 7 significant digits, half the bytes of {@link #FLOAT64}, for
         * drawing only; an array with a value a float cannot hold (beyond 1e37 or below 1e-37 in magnitude, not 0)
         * is written as {@link #FLOAT64}.
         */
        FLOAT32
    }

    /** Keys of trace data arrays that plotly reads as typed arrays. */
    private static final Set<String> DATA_ARRAYS = Set.of("x", "y", "z");

    private PlotlyJson() {}

    /** The figure as compact JSON, every number an exact decimal. */
    public static String write(PlotlyFigure figure) {
        return write(figure, Arrays.DECIMAL);
    }

    /** The figure as compact JSON, its trace data arrays written as {@code arrays} says. */
    public static String write(PlotlyFigure figure, Arrays arrays) {
        StringBuilder out = new StringBuilder(1024);
        new Writer(out, arrays).value(asObject(figure), null);
        return out.toString();
    }

    /** One plotly object as compact JSON, every number an exact decimal. */
    public static String write(PlotlyObject object) {
        StringBuilder out = new StringBuilder();
        new Writer(out, Arrays.DECIMAL).value(object, null);
        return out.toString();
    }

    /**
     * The figure as plain Java values for a kernel's own JSON writer: {@code LinkedHashMap}s in key order,
     * {@code List}s, {@code String}s, {@code Boolean}s, {@code Long}s for whole numbers, finite
     * {@code Double}s, {@code null} for NaN and infinities, and trace data arrays as typed-array maps when
     * {@code arrays} asks for them. Written by any JSON library that prints doubles with
     * {@link Double#toString(double)} (Gson, Jackson), it gives the bytes of {@link #write(PlotlyFigure, Arrays)}.
     */
    public static Map<String, Object> toValues(PlotlyFigure figure, Arrays arrays) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) plain(asObject(figure), null, arrays);
        return m;
    }

    /**
     * A typed-array object for {@code values} (rows of equal length for a matrix), or null when they are
     * written as decimals: {@link Arrays#DECIMAL}, fewer than {@value #MIN_TYPED_ARRAY} numbers, ragged rows.
     */
    static Map<String, Object> typedArray(Object values, Arrays arrays) {
        if (arrays == Arrays.DECIMAL) {
            return null;
        }
        double[][] rows = values instanceof double[] ? new double[][] {(double[]) values} : (double[][]) values;
        int columns = rows.length == 0 ? 0 : rows[0].length;
        boolean fitsFloat = true;
        for (double[] row : rows) {
            if (row.length != columns) {
                return null;
            }
            for (double d : row) {
                double a = Math.abs(d);
                fitsFloat &= !(a > 1e37 && a != Double.POSITIVE_INFINITY) && !(a < 1e-37 && a != 0);
            }
        }
        if ((long) rows.length * columns < MIN_TYPED_ARRAY) {
            return null;
        }
        boolean f4 = arrays == Arrays.FLOAT32 && fitsFloat;
        ByteBuffer bytes =
                ByteBuffer.allocate(rows.length * columns * (f4 ? 4 : 8)).order(ByteOrder.LITTLE_ENDIAN);
        for (double[] row : rows) {
            for (double d : row) {
                if (f4) {
                    bytes.putFloat((float) d);
                } else {
                    bytes.putDouble(d);
                }
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dtype", f4 ? "f4" : "f8");
        m.put("bdata", Base64.getEncoder().encodeToString(bytes.array()));
        if (values instanceof double[][]) {
            m.put("shape", rows.length + "," + columns);
        }
        return m;
    }

    private static PlotlyObject asObject(PlotlyFigure f) {
        PlotlyObject root = PlotlyObject.create().put("data", f.data()).put("layout", f.layout());
        if (!f.frames().isEmpty()) {
            root.put("frames", f.frames());
        }
        return root.put("config", f.config());
    }

    private static Object plain(Object v, String key, Arrays arrays) {
        if (v instanceof PlotlyObject) {
            Map<String, Object> m = new LinkedHashMap<>();
            ((PlotlyObject) v).attributes().forEach((k, x) -> m.put(k, plain(x, k, arrays)));
            return m;
        }
        if (v instanceof List) {
            List<Object> out = new ArrayList<>(((List<?>) v).size());
            for (Object o : (List<?>) v) {
                out.add(plain(o, key, arrays));
            }
            return out;
        }
        if ((v instanceof double[] || v instanceof double[][]) && key != null && DATA_ARRAYS.contains(key)) {
            Map<String, Object> typed = typedArray(v, arrays);
            if (typed != null) {
                return typed;
            }
        }
        if (v instanceof double[]) {
            double[] a = (double[]) v;
            List<Object> out = new ArrayList<>(a.length);
            for (double d : a) {
                out.add(number(d));
            }
            return out;
        }
        if (v instanceof double[][]) {
            List<Object> out = new ArrayList<>();
            for (double[] row : (double[][]) v) {
                out.add(plain(row, null, arrays));
            }
            return out;
        }
        if (v instanceof Double || v instanceof Float) {
            return number(((Number) v).doubleValue());
        }
        return v;
    }

    /**
     * A double as this model stores a plotly number: finite ones stay numbers (whole ones as longs: {@code 700},
     * not {@code 700.0}); NaN and infinities become null (plotly's gap).
     */
    public static Object number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return null;
        }
        if (isWhole(d)) {
            return (long) d;
        }
        return d;
    }

    private static boolean isWhole(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 && !(d == 0 && 1 / d < 0);
    }

    /** A JSON string literal of {@code s} (quotes included). */
    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        new Writer(out, Arrays.DECIMAL).string(s);
        return out.toString();
    }

    /** A one-pass writer over the plotly values a {@link PlotlyObject} may hold. */
    private static final class Writer {
        private final StringBuilder out;
        private final Arrays arrays;

        Writer(StringBuilder out, Arrays arrays) {
            this.out = out;
            this.arrays = arrays;
        }

        /** Writes {@code v}, the value of attribute {@code key} (null inside lists). */
        void value(Object v, String key) {
            if ((v instanceof double[] || v instanceof double[][]) && key != null && DATA_ARRAYS.contains(key)) {
                Map<String, Object> typed = typedArray(v, arrays);
                if (typed != null) {
                    out.append("{\"dtype\":\"")
                            .append(typed.get("dtype"))
                            .append("\",\"bdata\":\"")
                            .append(typed.get("bdata"))
                            .append('"');
                    if (typed.containsKey("shape")) {
                        out.append(",\"shape\":\"").append(typed.get("shape")).append('"');
                    }
                    out.append('}');
                    return;
                }
            }
            if (v == null) {
                out.append("null");
            } else if (v instanceof String) {
                string((String) v);
            } else if (v instanceof Boolean) {
                out.append(((Boolean) v).booleanValue());
            } else if (v instanceof Double || v instanceof Float) {
                number(((Number) v).doubleValue());
            } else if (v instanceof Number) {
                out.append(((Number) v).longValue());
            } else if (v instanceof double[]) {
                array((double[]) v);
            } else if (v instanceof double[][]) {
                out.append('[');
                double[][] z = (double[][]) v;
                for (int r = 0; r < z.length; r++) {
                    if (r > 0) {
                        out.append(',');
                    }
                    array(z[r]);
                }
                out.append(']');
            } else if (v instanceof List) {
                out.append('[');
                boolean first = true;
                for (Object o : (List<?>) v) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    value(o, null);
                }
                out.append(']');
            } else if (v instanceof PlotlyObject) {
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, Object> e :
                        ((PlotlyObject) v).attributes().entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    string(e.getKey());
                    out.append(':');
                    value(e.getValue(), e.getKey());
                }
                out.append('}');
            } else {
                throw new IllegalArgumentException(
                        "not a plotly value: " + v.getClass().getName());
            }
        }

        private void array(double[] a) {
            out.append('[');
            for (int k = 0; k < a.length; k++) {
                if (k > 0) {
                    out.append(',');
                }
                number(a[k]);
            }
            out.append(']');
        }

        private void number(double d) {
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                out.append("null");
            } else if (isWhole(d)) {
                out.append((long) d);
            } else {
                out.append(Double.toString(d));
            }
        }

        void string(String s) {
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"':
                        out.append("\\\"");
                        break;
                    case '\\':
                        out.append("\\\\");
                        break;
                    case '\n':
                        out.append("\\n");
                        break;
                    case '\r':
                        out.append("\\r");
                        break;
                    case '\t':
                        out.append("\\t");
                        break;
                    default:
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                }
            }
            out.append('"');
        }
    }
}
