package lif.plot;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import tech.tablesaw.plotly.components.Figure;

/**
 * A figure ready for display: the three MIME entries a notebook front end can choose from, each written
 * once from the figure's {@link PlotlyFigure} model. Kernel adapters (packages {@code lif.display.*}) turn
 * it into their kernel's display data.
 *
 * @param plotlyJson {@code application/vnd.plotly.v1+json}: the figure as plain Java values (maps, lists,
 *     strings, finite numbers, booleans, nulls; see {@link PlotlyJson#toValues}), for the kernel's JSON writer
 * @param json the same, as compact JSON text ({@link PlotlyJson#write(PlotlyFigure)}: every digit)
 * @param html {@code text/html}: a self-contained snippet that draws the figure with plotly.js
 * @param text {@code text/plain}: a one-line summary
 */
public record FigureBundle(Map<String, Object> plotlyJson, String json, String html, String text) {

  public static final String MIME_PLOTLY = PlotlyJson.MIME;
  public static final String MIME_HTML = "text/html";
  public static final String MIME_TEXT = "text/plain";

  /** True for the objects this library displays: a {@link PlotlyFigure} or a Tablesaw {@link Figure}. */
  public static boolean supports(Object o) {
    return o instanceof PlotlyFigure || o instanceof Figure;
  }

  /** The bundle of a {@link PlotlyFigure} or a Tablesaw {@link Figure} (converted by {@link TablesawFigures}). */
  public static FigureBundle of(Object o) {
    PlotlyFigure figure;
    if (o instanceof PlotlyFigure) {
      figure = (PlotlyFigure) o;
    } else if (o instanceof Figure) {
      figure = TablesawFigures.convert((Figure) o);
    } else {
      throw new IllegalArgumentException("not a figure: " + (o == null ? "null" : o.getClass().getName()));
    }
    // The HTML copy only draws: 7 significant digits (invisible at screen resolution) keep the saved
    // notebook smaller; the plotly JSON entry keeps every digit.
    String drawJson = PlotlyJson.write(figure, FigureBundle::round7);
    return new FigureBundle(Collections.unmodifiableMap(PlotlyJson.toValues(figure)), PlotlyJson.write(figure),
        PlotlyHtml.snippet(drawJson, figure.layout().get("width"), figure.layout().get("height")),
        figure.toString());
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

  /** The three entries by MIME type, in order of preference (plotly JSON as a map of plain values). */
  public Map<String, Object> asMimeMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(MIME_PLOTLY, plotlyJson);
    m.put(MIME_HTML, html);
    m.put(MIME_TEXT, text);
    return m;
  }
}
