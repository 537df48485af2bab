package lif.plot;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.components.Margin;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.components.Symbol;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * Builds a Tablesaw {@link Figure} from plain arrays, fluent and matplotlib-like:
 * <pre>{@code
 * Figure f = Plots.figure().title("V<sub>m</sub> with random I(t)")
 *     .xTitle(Plots.TIME_AXIS).yTitle(Plots.VM_AXIS)
 *     .add(t, v, Style.dots())
 *     .build();
 * }</pre>
 * The result is an ordinary Tablesaw figure: keep editing it with Tablesaw's API if you like.
 * Titles take plotly's HTML subset ({@code V<sub>m</sub>}) or Unicode, not LaTeX.
 */
public final class PlotBuilder {
  private String title = "";
  private String xTitle = "";
  private String yTitle = "";
  private int width = Plots.WIDTH;
  private int height = Plots.HEIGHT;
  private final List<Trace> traces = new ArrayList<>();
  private final Map<Trace, BuiltFigure.Series> series = new IdentityHashMap<>();
  private boolean anyLabel;
  private boolean xLog;
  private boolean yLog;

  PlotBuilder() {}

  public PlotBuilder title(String title) {
    this.title = Objects.requireNonNull(title, "title");
    return this;
  }

  public PlotBuilder xTitle(String xTitle) {
    this.xTitle = Objects.requireNonNull(xTitle, "xTitle");
    return this;
  }

  public PlotBuilder yTitle(String yTitle) {
    this.yTitle = Objects.requireNonNull(yTitle, "yTitle");
    return this;
  }

  /** A logarithmic x axis (every x must be > 0). */
  public PlotBuilder xLog() {
    this.xLog = true;
    return this;
  }

  /** A logarithmic y axis (every y must be > 0). */
  public PlotBuilder yLog() {
    this.yLog = true;
    return this;
  }

  /** Size in pixels (default {@value Plots#WIDTH} x {@value Plots#HEIGHT}). */
  public PlotBuilder size(int width, int height) {
    if (width < 100 || height < 100) {
      throw new IllegalArgumentException("size must be at least 100 x 100 pixels, got " + width + " x " + height);
    }
    this.width = width;
    this.height = height;
    return this;
  }

  /** One series: y against x. @throws IllegalArgumentException if x and y differ in length */
  public PlotBuilder add(double[] x, double[] y, Style style) {
    return add("x", x, "y", y, style);
  }

  /**
   * One series, naming the arrays in the error message: {@code add("t", t, "v", v, Style.dots())} fails
   * with "t has 150 values but v has 149".
   */
  public PlotBuilder add(String xName, double[] x, String yName, double[] y, Style style) {
    Plots.checkSameLength(xName, x, yName, y);
    Objects.requireNonNull(style, "style");
    add(x, y, style, style.label(), style.label() != null);
    anyLabel |= style.label() != null;
    return this;
  }

  /**
   * One series per row of {@code ys} (N realizations), all in {@code style}; only the last row carries the
   * style's label, as the tutorial's Exercise 14 does.
   */
  public PlotBuilder addAll(double[] x, double[][] ys, Style style) {
    return addAll("x", x, "ys", ys, style);
  }

  /** As {@link #addAll(double[], double[][], Style)}, naming the arrays in error messages. */
  public PlotBuilder addAll(String xName, double[] x, String ysName, double[][] ys, Style style) {
    Objects.requireNonNull(ys, ysName);
    Objects.requireNonNull(style, "style");
    for (int n = 0; n < ys.length; n++) {
      Plots.checkSameLength(xName, x, ysName + "[" + n + "]", ys[n]);
    }
    for (int n = 0; n < ys.length; n++) {
      boolean last = n == ys.length - 1;
      String label = last ? style.label() : null;
      add(x, ys[n], style, label != null ? label : ysName + "[" + n + "]", label != null);
    }
    anyLabel |= style.label() != null && ys.length > 0;
    return this;
  }

  /** {@code 'ko'}: black circles. */
  public PlotBuilder circles(double[] x, double[] y) {
    return add(x, y, Style.circles());
  }

  /** {@code 'k.'}: small black dots. */
  public PlotBuilder dots(double[] x, double[] y) {
    return add(x, y, Style.dots());
  }

  /** {@code 'k'}: a black line. */
  public PlotBuilder line(double[] x, double[] y) {
    return add(x, y, Style.line());
  }

  /** Adds a Tablesaw trace as is. */
  public PlotBuilder trace(Trace trace) {
    traces.add(Objects.requireNonNull(trace, "trace"));
    anyLabel = true;
    return this;
  }

  /** The Tablesaw figure. @throws IllegalStateException with no series */
  public Figure build() {
    if (traces.isEmpty()) {
      throw new IllegalStateException("a figure needs at least one series: call add(...) first");
    }
    Layout.LayoutBuilder layout = Layout.builder()
        .title(title)
        .width(width)
        .height(height)
        .margin(Margin.builder().top(title.isEmpty() ? 30 : 60).bottom(60).left(80).right(30).build())
        .showLegend(anyLabel)
        .xAxis(axis(xTitle, xLog))
        .yAxis(axis(yTitle, yLog));
    return new BuiltFigure(layout.build(), traces, series);
  }

  private static Axis axis(String title, boolean log) {
    Axis.AxisBuilder a = Axis.builder().title(title);
    if (log) {
      a.type(Axis.Type.LOG);
    }
    return a.build();
  }

  private void add(double[] x, double[] y, Style style, String name, boolean inLegend) {
    double[] xs = x.clone();
    double[] ys = y.clone();
    Trace t = trace(xs, ys, style, name, inLegend);
    traces.add(t);
    series.put(t, new BuiltFigure.Series(xs, ys, style, name, inLegend));
  }

  private static ScatterTrace trace(double[] x, double[] y, Style s, String name, boolean inLegend) {
    ScatterTrace.ScatterBuilder b = ScatterTrace.builder(x, y);
    if (s.kind() == Style.Kind.MARKERS) {
      Marker.MarkerBuilder m = Marker.builder().color(s.color()).size(s.size()).symbol(Symbol.CIRCLE);
      if (s.alpha() < 1) {
        m.opacity(s.alpha());
      }
      b.mode(ScatterTrace.Mode.MARKERS).marker(m.build());
    } else {
      // simplify(false): every sample is a vertex of the drawn path (plotly would merge collinear ones)
      b.mode(ScatterTrace.Mode.LINE)
          .line(Line.builder().color(s.color()).width(s.size()).simplify(false).build());
      if (s.alpha() < 1) {
        b.opacity(s.alpha());
      }
    }
    if (name != null) {
      b.name(name);
    }
    if (name != null && inLegend) {
      b.legendGroup(name);
    }
    b.showLegend(inLegend);
    return b.build();
  }
}
