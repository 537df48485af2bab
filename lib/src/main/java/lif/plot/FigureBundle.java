package lif.plot;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.plotly.components.Figure;

/**
 * A figure ready for display: the three MIME entries a notebook front end can choose from.
 * Kernel adapters (packages {@code lif.display.*}) turn it into their kernel's display data.
 *
 * @param plotlyJson {@code application/vnd.plotly.v1+json}: the figure as plain Java values (maps, lists,
 *     strings, finite numbers, booleans, nulls), ready for any JSON writer
 * @param json the same, as compact JSON text
 * @param html {@code text/html}: a self-contained snippet that draws the figure with plotly.js
 * @param text {@code text/plain}: a one-line summary
 */
public record FigureBundle(Map<String, Object> plotlyJson, String json, String html, String text) {

  public static final String MIME_PLOTLY = PlotlyJson.MIME;
  public static final String MIME_HTML = "text/html";
  public static final String MIME_TEXT = "text/plain";

  /** True for the objects this library displays: a Tablesaw {@link Figure} or a {@link PlotView}. */
  public static boolean supports(Object o) {
    return o instanceof Figure || o instanceof PlotView;
  }

  /** The bundle of a {@link Figure} or a {@link PlotView}. */
  public static FigureBundle of(Object o) {
    Map<String, Object> map;
    if (o instanceof PlotView) {
      map = PlotlyJson.toMap((PlotView) o);
    } else if (o instanceof Figure) {
      map = PlotlyJson.toMap((Figure) o);
    } else {
      throw new IllegalArgumentException("not a figure: " + (o == null ? "null" : o.getClass().getName()));
    }
    String json = PlotlyJson.write(map);
    @SuppressWarnings("unchecked")
    Map<String, Object> layout = (Map<String, Object>) map.get("layout");
    // The HTML copy only draws: 7 significant digits (invisible at screen resolution) keep the saved
    // notebook smaller; the plotly JSON entry keeps every digit.
    String drawJson = PlotlyJson.write(rounded(map));
    return new FigureBundle(Collections.unmodifiableMap(map), json, PlotlyHtml.snippet(drawJson, layout),
        summary(map));
  }

  private static final MathContext DRAW_PRECISION = new MathContext(7);

  /** Exact powers of ten, 10^0 .. 10^22 (the largest exactly representable as a double). */
  private static final double[] POW10 = new double[23];

  static {
    POW10[0] = 1;
    for (int k = 1; k < POW10.length; k++) {
      POW10[k] = POW10[k - 1] * 10;
    }
  }

  /**
   * {@code d} rounded to 7 significant digits (half up), exactly as
   * {@code new BigDecimal(d).round(new MathContext(7)).doubleValue()} but about 20x faster (a 50-neuron figure
   * has 15,000 numbers to round). With {@code s} an exact power of ten, {@code d * s} (or {@code d / s}) is
   * rounded half up to an integer {@code m}; the exact error of that product, from {@link Math#fma}, settles
   * the ties the rounded product cannot; {@code m / s} (or {@code m * s}) is then one correctly rounded
   * operation on exact operands, the double nearest to the decimal. When the power of ten needed is not exact
   * (beyond 10^22: |d| below about 1e-16 or above about 1e29), BigDecimal does it.
   */
  static double round7(double d) {
    if (d == 0 || !Double.isFinite(d)) {
      return d;
    }
    int k = 6 - (int) Math.floor(Math.log10(Math.abs(d)));
    for (int attempt = 0; attempt < 2; attempt++, k++) { // log10 may round up across a power of ten
      if (k >= 0 && k < POW10.length) {
        double s = POW10[k];
        double p = d * s;
        double m = halfUp(p, Math.fma(d, s, -p));
        if (Math.abs(m) >= 1e6) {
          return m / s;
        }
      } else if (k < 0 && -k < POW10.length) {
        double s = POW10[-k];
        double q = d / s;
        double m = halfUp(q, Math.fma(-q, s, d));
        if (Math.abs(m) >= 1e6) {
          return m * s;
        }
      } else {
        break;
      }
    }
    return new BigDecimal(d).round(DRAW_PRECISION).doubleValue();
  }

  /**
   * HALF_UP rounding of the exact value {@code x + e} (x rounded, e the sign of the error) to an integer,
   * for |x| < 2^52. Only when x itself is a half can the error change the result.
   */
  private static double halfUp(double x, double e) {
    double a = Math.abs(x);
    double m = Math.floor(a + 0.5);
    if (a - Math.floor(a) == 0.5 && e != 0 && Math.signum(e) != Math.signum(x)) {
      m -= 1; // the exact value is just below the half
    }
    return Math.copySign(m, x);
  }

  /** A copy with every double rounded to 7 significant digits. */
  @SuppressWarnings("unchecked")
  static Object rounded(Object o) {
    if (o instanceof Double) {
      return round7((Double) o);
    }
    if (o instanceof Map) {
      Map<String, Object> out = new LinkedHashMap<>();
      ((Map<String, Object>) o).forEach((k, v) -> out.put(k, rounded(v)));
      return out;
    }
    if (o instanceof List) {
      List<Object> in = (List<Object>) o;
      List<Object> out = new ArrayList<>(in.size());
      for (Object v : in) {
        out.add(rounded(v));
      }
      return out;
    }
    return o;
  }

  /** The three entries by MIME type, in order of preference (plotly JSON as a map of plain values). */
  public Map<String, Object> asMimeMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(MIME_PLOTLY, plotlyJson);
    m.put(MIME_HTML, html);
    m.put(MIME_TEXT, text);
    return m;
  }

  /** {@code Figure "V(t)": 3 traces, 450 points}. */
  @SuppressWarnings("unchecked")
  static String summary(Map<String, Object> map) {
    List<Object> data = (List<Object>) map.get("data");
    Map<String, Object> layout = (Map<String, Object>) map.get("layout");
    String title = "";
    Object t = layout.get("title");
    if (t instanceof Map && ((Map<String, Object>) t).get("text") instanceof String) {
      title = ((String) ((Map<String, Object>) t).get("text")).replaceAll("<[^>]*>", "");
    }
    long points = 0;
    for (Object tr : data) {
      points += points((Map<String, Object>) tr);
    }
    StringBuilder sb = new StringBuilder("Figure");
    if (!title.isBlank()) {
      sb.append(" \"").append(title.replaceAll("\\s+", " ").trim()).append('"');
    }
    sb.append(": ").append(data.size()).append(data.size() == 1 ? " trace, " : " traces, ")
        .append(points).append(points == 1 ? " point" : " points");
    if (map.get("frames") instanceof List) {
      int frames = ((List<Object>) map.get("frames")).size();
      sb.append(", ").append(frames).append(frames == 1 ? " slider step" : " slider steps");
    }
    return sb.toString();
  }

  /** Points of a trace: the length of its longest data array among x, y, z, values. */
  static long points(Map<String, Object> trace) {
    long n = 0;
    for (String k : new String[] {"x", "y", "z", "values"}) {
      if (trace.get(k) instanceof List) {
        n = Math.max(n, ((List<?>) trace.get(k)).size());
      }
    }
    return n;
  }
}
