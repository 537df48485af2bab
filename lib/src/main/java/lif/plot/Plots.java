package lif.plot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Margin;
import tech.tablesaw.plotly.traces.HeatmapTrace;

/**
 * The tutorial's figures from plain arrays ({@code t} in seconds, {@code v} in volts, ensembles as
 * {@code vN[neuron][step]}), and {@link #show(Figure)}.
 *
 * <p>To see a figure, leave it (or {@code Plots.show(fig)}) as the last expression of the cell. In the
 * rapaio kernel, {@code display(fig)} also draws it, but as a cell's last statement it also prints the
 * display id as the cell result: prefer the last expression.
 */
@SuppressWarnings("unchecked")
public final class Plots {

  /** matplotlib's {@code 'k'}. */
  public static final String BLACK = "#000000";
  /** matplotlib's {@code 'C0'} (tab:blue). */
  public static final String C0 = "#1f77b4";
  /** matplotlib's {@code 'C7'} (tab:gray). */
  public static final String C7 = "#7f7f7f";

  public static final int WIDTH = 700;
  public static final int HEIGHT = 400;

  /** {@code V<sub>m</sub>} in plotly's HTML subset. */
  public static final String VM = "V<sub>m</sub>";
  public static final String TIME_AXIS = "time (s)";
  public static final String VM_AXIS = VM + " (V)";
  public static final String CURRENT_AXIS = "I (A)";
  public static final String REALIZATIONS_TITLE = "Multiple realizations of " + VM;

  private Plots() {}

  /** A new fluent figure builder. */
  public static PlotBuilder figure() {
    return new PlotBuilder();
  }

  /** Wraps a figure so that, as a cell's last expression, it shows as an interactive plot. */
  public static PlotView show(Figure figure) {
    return new PlotView(figure);
  }

  /** Exercise 5: the input current at each step as black circles ({@code 'ko'}). */
  public static Figure current(double[] t, double[] i) {
    return currentBuilder(t, i).build();
  }

  /**
   * Exercise 5 with the continuous current drawn over it as a blue line ({@code tFine}, {@code iFine}:
   * the same current sampled finely).
   */
  public static Figure current(double[] t, double[] i, double[] tFine, double[] iFine) {
    return currentBuilder(t, i)
        .add("tFine", tFine, "iFine", iFine, Style.line().color(C0).label("continuous I(t)"))
        .build();
  }

  private static PlotBuilder currentBuilder(double[] t, double[] i) {
    return figure().title("Synaptic input I(t)").xTitle(TIME_AXIS).yTitle(CURRENT_AXIS)
        .add("t", t, "i", i, Style.circles());
  }

  /** Exercises 6, 7 and 11: the membrane potential at each step as small black dots ({@code 'k.'}). */
  public static Figure membranePotential(String title, double[] t, double[] v) {
    return figure().title(title).xTitle(TIME_AXIS).yTitle(VM_AXIS).add("t", t, "v", v, Style.dots()).build();
  }

  /** Exercise 12: the membrane potential as a black line ({@code 'k'}). */
  public static Figure membranePotentialLine(String title, double[] t, double[] v) {
    return figure().title(title).xTitle(TIME_AXIS).yTitle(VM_AXIS).add("t", t, "v", v, Style.line()).build();
  }

  /** Exercise 8: N realizations as faint black dots ({@code 'k.'}, alpha 0.1), one trace each. */
  public static Figure realizations(double[] t, double[][] vN) {
    return realizationsBuilder(t, vN).build();
  }

  /**
   * Exercises 9 and 10: N realizations as faint dots, the sample mean as blue dots ({@code 'C0.'}, alpha
   * 0.8, size 10) and, when {@code std} is not null, mean ± std as grey dots ({@code 'C7.'}, alpha 0.8).
   */
  public static Figure realizations(double[] t, double[][] vN, double[] mean, double[] std) {
    PlotBuilder b = realizationsBuilder(t, vN)
        .add("t", t, "mean", mean, Style.dots().color(C0).alpha(0.8).size(6).label("mean"));
    if (std != null) {
      checkSameLength("mean", mean, "std", std);
      Style grey = Style.dots().color(C7).alpha(0.8);
      b.add("t", t, "mean + std", plus(mean, std, 1), grey)
          .add("t", t, "mean - std", plus(mean, std, -1), grey.label("mean \u00b1 std"));
    }
    return b.build();
  }

  private static PlotBuilder realizationsBuilder(double[] t, double[][] vN) {
    return figure().title(REALIZATIONS_TITLE).xTitle(TIME_AXIS).yTitle(VM_AXIS)
        .addAll("t", t, "vN", vN, Style.dots().alpha(0.1));
  }

  /** Exercise 13: N realizations as faint black lines ({@code 'k'}, alpha 0.3). */
  public static Figure realizationLines(double[] t, double[][] vN) {
    return figure().title(REALIZATIONS_TITLE).xTitle(TIME_AXIS).yTitle(VM_AXIS)
        .addAll("t", t, "vN", vN, Style.line().alpha(0.3)).build();
  }

  /**
   * Exercise 14: N faint lines (the last one labelled "V(t)"), the mean as a blue line labelled "mean"
   * and mean ± std as grey lines labelled "mean ± std", with a legend.
   */
  public static Figure realizationLines(double[] t, double[][] vN, double[] mean, double[] std) {
    checkSameLength("mean", mean, "std", std);
    Style grey = Style.line().color(C7).alpha(0.8);
    return figure().title(REALIZATIONS_TITLE).xTitle(TIME_AXIS).yTitle(VM_AXIS)
        .addAll("t", t, "vN", vN, Style.line().alpha(0.3).label("V(t)"))
        .add("t", t, "mean", mean, Style.line().color(C0).alpha(0.8).label("mean"))
        .add("t", t, "mean + std", plus(mean, std, 1), grey)
        .add("t", t, "mean - std", plus(mean, std, -1), grey.label("mean \u00b1 std"))
        .build();
  }

  /** Most steps a {@link #slider} takes (each step stores a whole figure in the notebook). */
  public static final int MAX_SLIDER_STEPS = 60;

  /**
   * One figure per parameter value, shown one at a time with a plotly slider under the plot: no widgets, no
   * kernel round trip (every step is precomputed as a plotly animation frame). {@code figureAt} builds the
   * figure for one value; all figures must have the same number of traces. The first figure's layout is used
   * (each frame brings its own title), and the axes are fixed to the range of all frames so that changes show.
   * <pre>{@code
   * Plots.slider("I<sub>mean</sub> (pA)", new double[] {100, 200, 300},
   *     pA -> Plots.membranePotentialLine("I = " + pA + " pA", t, Lif.euler(p.withIMean(pA * 1e-12)).run(...).v()))
   * }</pre>
   *
   * @param label  the slider's name, shown as "label = value" (plotly's HTML subset)
   * @param values the parameter values, 1 to {@value #MAX_SLIDER_STEPS}, finite
   */
  public static PlotView slider(String label, double[] values, DoubleFunction<Figure> figureAt) {
    if (label == null) {
      throw new IllegalArgumentException("label must be a string, got null");
    }
    if (figureAt == null) {
      throw new IllegalArgumentException("figureAt must be a function from a value to a Figure, got null");
    }
    if (values == null || values.length == 0 || values.length > MAX_SLIDER_STEPS) {
      throw new IllegalArgumentException("values must hold 1 to " + MAX_SLIDER_STEPS + " numbers, got "
          + (values == null ? "null" : values.length));
    }
    Figure first = null;
    List<Map<String, Object>> frames = new ArrayList<>();
    List<Object> steps = new ArrayList<>();
    double[] xr = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    double[] yr = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    int traces = -1;
    for (int k = 0; k < values.length; k++) {
      double value = values[k];
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("values[" + k + "] must be finite, got " + value);
      }
      Figure f = figureAt.apply(value);
      if (f == null) {
        throw new IllegalArgumentException("figureAt returned null for " + value);
      }
      Map<String, Object> map = PlotlyJson.toMap(f);
      List<Object> data = (List<Object>) map.get("data");
      if (traces >= 0 && data.size() != traces) {
        throw new IllegalArgumentException("the figure for " + value + " has " + data.size()
            + " traces but the first has " + traces + ": every value's figure must have the same traces");
      }
      traces = data.size();
      if (first == null) {
        first = f;
      }
      for (Object t : data) {
        extend(xr, ((Map<String, Object>) t).get("x"));
        extend(yr, ((Map<String, Object>) t).get("y"));
      }
      String name = stepLabel(value);
      Map<String, Object> frame = new LinkedHashMap<>();
      frame.put("name", "step " + k);
      frame.put("data", data);
      Map<String, Object> layout = (Map<String, Object>) map.get("layout");
      if (layout.get("title") != null) {
        frame.put("layout", Map.of("title", layout.get("title")));
      }
      frames.add(frame);
      Map<String, Object> step = new LinkedHashMap<>();
      step.put("label", name);
      step.put("method", "animate");
      step.put("args", List.of(List.of("step " + k), Map.of("mode", "immediate",
          "frame", Map.of("duration", 0, "redraw", true), "transition", Map.of("duration", 0))));
      steps.add(step);
    }
    Map<String, Object> base = (Map<String, Object>) PlotlyJson.toMap(first).get("layout");
    Map<String, Object> extras = new LinkedHashMap<>();
    fixRange(extras, base, "xaxis", xr);
    fixRange(extras, base, "yaxis", yr);
    long height = base.get("height") instanceof Number ? ((Number) base.get("height")).longValue() : HEIGHT;
    extras.put("height", height + 90);
    Map<String, Object> margin = new LinkedHashMap<>();
    if (base.get("margin") instanceof Map) {
      margin.putAll((Map<String, Object>) base.get("margin"));
    }
    margin.put("b", 150);
    extras.put("margin", margin);
    Map<String, Object> slider = new LinkedHashMap<>();
    slider.put("active", 0);
    slider.put("currentvalue", Map.of("prefix", label + " = "));
    slider.put("pad", Map.of("t", 60));
    slider.put("steps", steps);
    extras.put("sliders", List.of(slider));
    return new PlotView(first, frames, extras);
  }

  private static String stepLabel(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    String s = String.format(Locale.ROOT, "%.4g", v);
    if (s.contains("e") || s.contains("E")) {
      return s;
    }
    return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
  }

  private static void extend(double[] range, Object values) {
    if (!(values instanceof List)) {
      return;
    }
    for (Object o : (List<?>) values) {
      if (o instanceof Number) {
        double d = ((Number) o).doubleValue();
        range[0] = Math.min(range[0], d);
        range[1] = Math.max(range[1], d);
      }
    }
  }

  private static void fixRange(Map<String, Object> extras, Map<String, Object> layout, String key, double[] r) {
    Map<String, Object> axis = new LinkedHashMap<>();
    if (layout.get(key) instanceof Map) {
      axis.putAll((Map<String, Object>) layout.get(key));
    }
    if ("log".equals(axis.get("type")) || !(r[0] <= r[1])) {
      return; // a log axis or no numeric data: leave plotly's autorange
    }
    double pad = r[1] > r[0] ? 0.05 * (r[1] - r[0]) : Math.max(1e-12, Math.abs(r[0]) * 0.05);
    axis.put("range", List.of(r[0] - pad, r[1] + pad));
    axis.put("autorange", false);
    extras.put(key, axis);
  }

  /**
   * A heatmap of {@code z[row][column]} with column coordinates {@code x} and row coordinates {@code y}
   * (e.g. the autocovariance {@code C(t, s)}: both axes in seconds).
   */
  public static Figure heatmap(String title, double[] x, double[] y, double[][] z, String xTitle, String yTitle) {
    if (z == null || y == null || x == null || z.length != y.length) {
      throw new IllegalArgumentException("z must have one row per y value: got " + (z == null ? "z=null"
          : z.length + " rows") + " and " + (y == null ? "y=null" : y.length + " y values"));
    }
    for (int r = 0; r < z.length; r++) {
      checkSameLength("x", x, "z[" + r + "]", z[r]);
    }
    Object[] xs = new Object[x.length];
    Object[] ys = new Object[y.length];
    for (int k = 0; k < x.length; k++) {
      xs[k] = x[k];
    }
    for (int k = 0; k < y.length; k++) {
      ys[k] = y[k];
    }
    double[][] copy = new double[z.length][];
    for (int r = 0; r < z.length; r++) {
      copy[r] = z[r].clone();
    }
    Layout layout = Layout.builder().title(title == null ? "" : title).width(WIDTH).height(WIDTH - 100)
        .margin(Margin.builder().top(60).bottom(60).left(80).right(30).build())
        .xAxis(Axis.builder().title(xTitle == null ? "" : xTitle).build())
        .yAxis(Axis.builder().title(yTitle == null ? "" : yTitle).build())
        .build();
    return new Figure(layout, HeatmapTrace.builder(xs, ys, copy).build());
  }

  private static double[] plus(double[] a, double[] b, int sign) {
    double[] r = new double[a.length];
    for (int k = 0; k < a.length; k++) {
      r[k] = a[k] + sign * b[k];
    }
    return r;
  }

  /** @throws IllegalArgumentException naming both arrays and their lengths when they differ or are null */
  static void checkSameLength(String aName, double[] a, String bName, double[] b) {
    if (a == null || b == null) {
      throw new IllegalArgumentException(
          (a == null ? aName : bName) + " is null; " + aName + " and " + bName + " must be arrays of the same length");
    }
    if (a.length != b.length) {
      throw new IllegalArgumentException(aName + " has " + a.length + " values but " + bName + " has "
          + b.length + ": they must have the same length");
    }
  }
}
