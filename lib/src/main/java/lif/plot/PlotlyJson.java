package lif.plot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

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
 */
public final class PlotlyJson {

  /** The MIME type of the bundle entry. */
  public static final String MIME = "application/vnd.plotly.v1+json";

  private PlotlyJson() {}

  /** The figure as compact JSON, every number exact. */
  public static String write(PlotlyFigure figure) {
    return write(figure, null);
  }

  /**
   * The figure as compact JSON, each double first passed through {@code round} (null: exact). The
   * {@code text/html} copy uses this to draw with fewer digits.
   */
  public static String write(PlotlyFigure figure, DoubleUnaryOperator round) {
    StringBuilder out = new StringBuilder(1024);
    new Writer(out, round).value(asObject(figure));
    return out.toString();
  }

  /** One plotly object as compact JSON. */
  public static String write(PlotlyObject object) {
    StringBuilder out = new StringBuilder();
    new Writer(out, null).value(object);
    return out.toString();
  }

  /**
   * The figure as plain Java values for a kernel's own JSON writer: {@code LinkedHashMap}s in key order,
   * {@code List}s, {@code String}s, {@code Boolean}s, {@code Long}s for whole numbers, finite
   * {@code Double}s, and {@code null} for NaN and infinities. Written by any JSON library that prints
   * doubles with {@link Double#toString(double)} (Gson, Jackson), it gives the bytes of {@link #write}.
   */
  public static Map<String, Object> toValues(PlotlyFigure figure) {
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) plain(asObject(figure));
    return m;
  }

  private static PlotlyObject asObject(PlotlyFigure f) {
    PlotlyObject root = PlotlyObject.create().put("data", f.data()).put("layout", f.layout());
    if (!f.frames().isEmpty()) {
      root.put("frames", f.frames());
    }
    return root.put("config", f.config());
  }

  private static Object plain(Object v) {
    if (v instanceof PlotlyObject) {
      Map<String, Object> m = new LinkedHashMap<>();
      ((PlotlyObject) v).attributes().forEach((k, x) -> m.put(k, plain(x)));
      return m;
    }
    if (v instanceof List) {
      List<Object> out = new ArrayList<>(((List<?>) v).size());
      for (Object o : (List<?>) v) {
        out.add(plain(o));
      }
      return out;
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
        out.add(plain(row));
      }
      return out;
    }
    if (v instanceof Double || v instanceof Float) {
      return number(((Number) v).doubleValue());
    }
    return v;
  }

  /** Finite doubles stay numbers (whole ones as longs: {@code 700}, not {@code 700.0}); the rest: null. */
  static Object number(double d) {
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
    new Writer(out, null).string(s);
    return out.toString();
  }

  /** A one-pass writer over the plotly values a {@link PlotlyObject} may hold. */
  private static final class Writer {
    private final StringBuilder out;
    private final DoubleUnaryOperator round;

    Writer(StringBuilder out, DoubleUnaryOperator round) {
      this.out = out;
      this.round = round;
    }

    void value(Object v) {
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
          value(o);
        }
        out.append(']');
      } else if (v instanceof PlotlyObject) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> e : ((PlotlyObject) v).attributes().entrySet()) {
          if (!first) {
            out.append(',');
          }
          first = false;
          string(e.getKey());
          out.append(':');
          value(e.getValue());
        }
        out.append('}');
      } else {
        throw new IllegalArgumentException("not a plotly value: " + v.getClass().getName());
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
      if (round != null) {
        d = round.applyAsDouble(d);
      }
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
          case '"': out.append("\\\""); break;
          case '\\': out.append("\\\\"); break;
          case '\n': out.append("\\n"); break;
          case '\r': out.append("\\r"); break;
          case '\t': out.append("\\t"); break;
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
