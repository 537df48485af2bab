package lif.plot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One plotly JSON object (a trace, a layout, an axis, a marker, ...): attribute names to plotly values, in
 * the order they were first set, so the same figure always writes the same JSON bytes.
 *
 * <p>Values are {@code String}, {@code Boolean}, finite or not {@code Number}s (non-finite ones are written
 * as {@code null}, a gap in plotly), {@code double[]}, {@code double[][]} (a heatmap's z), {@code List}s of
 * values, nested {@code PlotlyObject}s and {@code null}. Anything else is refused when set.
 * <pre>{@code
 * fig.layout().object("xaxis").put("range", new double[] {0, 0.1});
 * }</pre>
 */
public final class PlotlyObject {
    private final Map<String, Object> attributes = new LinkedHashMap<>();

    /** A new empty object. */
    public static PlotlyObject create() {
        return new PlotlyObject();
    }

    /**
     * Sets {@code key} to {@code value} (a changed key keeps its place).
     *
     * @return this object
     * @throws IllegalArgumentException for a value that is not a plotly value
     */
    public PlotlyObject put(String key, Object value) {
        Objects.requireNonNull(key, "key");
        attributes.put(key, checked(key, value));
        return this;
    }

    /** The nested object under {@code key}, created empty if absent. @throws IllegalStateException if key holds another value */
    public PlotlyObject object(String key) {
        Object v = attributes.get(key);
        if (v == null) {
            PlotlyObject child = new PlotlyObject();
            attributes.put(key, child);
            return child;
        }
        if (!(v instanceof PlotlyObject)) {
            throw new IllegalStateException(key + " holds " + v.getClass().getSimpleName() + ", not an object");
        }
        return (PlotlyObject) v;
    }

    /** The value of {@code key}, or null. */
    public Object get(String key) {
        return attributes.get(key);
    }

    /** Removes {@code key}. @return this object */
    public PlotlyObject remove(String key) {
        attributes.remove(key);
        return this;
    }

    /** True when {@code key} is set (to anything, null included). */
    public boolean has(String key) {
        return attributes.containsKey(key);
    }

    /** The attributes in insertion order (read-only view). */
    public Map<String, Object> attributes() {
        return Collections.unmodifiableMap(attributes);
    }

    /** A deep copy (arrays copied too). */
    public PlotlyObject copy() {
        PlotlyObject c = new PlotlyObject();
        attributes.forEach((k, v) -> c.attributes.put(k, copyOf(v)));
        return c;
    }

    private static Object copyOf(Object v) {
        if (v instanceof PlotlyObject) {
            return ((PlotlyObject) v).copy();
        }
        if (v instanceof double[]) {
            return ((double[]) v).clone();
        }
        if (v instanceof double[][]) {
            double[][] z = ((double[][]) v).clone();
            for (int r = 0; r < z.length; r++) {
                z[r] = z[r].clone();
            }
            return z;
        }
        if (v instanceof List) {
            List<Object> out = new ArrayList<>();
            for (Object o : (List<?>) v) {
                out.add(copyOf(o));
            }
            return Collections.unmodifiableList(out);
        }
        return v;
    }

    private static Object checked(String key, Object v) {
        if (v == null
                || v instanceof String
                || v instanceof Boolean
                || v instanceof Number
                || v instanceof double[]
                || v instanceof double[][]
                || v instanceof PlotlyObject) {
            return v;
        }
        if (v instanceof List) {
            List<Object> out = new ArrayList<>(((List<?>) v).size());
            for (Object o : (List<?>) v) {
                out.add(checked(key, o));
            }
            return Collections.unmodifiableList(out);
        }
        throw new IllegalArgumentException(key + ": " + v.getClass().getName() + " is not a plotly value "
                + "(String, Boolean, Number, double[], double[][], List, PlotlyObject or null)");
    }
}
