package lif.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import lif.plot.tablesaw.TablesawFigures;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.plotly.traces.Trace;

/**
 * Builds a {@link PlotlyFigure} from plain arrays, fluent and matplotlib-like:
 * <pre>{@code
 * PlotlyFigure f = Plots.figure().title("V<sub>m</sub> with random I(t)")
 *     .xTitle(Plots.TIME_AXIS).yTitle(Plots.VM_AXIS)
 *     .add(t, v, Style.dots())
 *     .build();
 * }</pre>
 * Each {@code add} writes one plotly scatter trace straight from the arrays (copied). Tablesaw data comes in
 * as columns ({@link #add(NumericColumn, NumericColumn, Style)}) or as a ready Tablesaw trace
 * ({@link #trace(Trace)}). Titles take plotly's HTML subset ({@code V<sub>m</sub>}) or Unicode, not LaTeX.
 */
public final class PlotBuilder {

    /** Default figure width in pixels. */
    public static final int WIDTH = 700;
    /** Default figure height in pixels. */
    public static final int HEIGHT = 400;

    private String title = "";
    private String xTitle = "";
    private String yTitle = "";
    private int width = WIDTH;
    private int height = HEIGHT;
    private final List<PlotlyObject> traces = new ArrayList<>();
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

    /** Size in pixels (default {@value #WIDTH} x {@value #HEIGHT}). */
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
        checkSameLength(xName, x, yName, y);
        Objects.requireNonNull(style, "style");
        traces.add(scatter(x, y, style, style.label(), style.label() != null));
        anyLabel |= style.label() != null;
        return this;
    }

    /**
     * One series from two lists of numbers (copied), as matplotlib's {@code plt.plot(x, y)} takes lists: the
     * potentials of all neurons at one step against their time, {@code add(Collections.nCopies(n, t), vN, style)}.
     */
    public PlotBuilder add(List<? extends Number> x, List<? extends Number> y, Style style) {
        return add("x", values("x", x), "y", values("y", y), style);
    }

    private static double[] values(String name, List<? extends Number> list) {
        if (list == null) {
            throw new IllegalArgumentException(name + " is null; pass a list of numbers");
        }
        double[] out = new double[list.size()];
        for (int k = 0; k < out.length; k++) {
            Number value = list.get(k);
            if (value == null) {
                throw new IllegalArgumentException(name + "[" + k + "] is null, not a number");
            }
            out[k] = value.doubleValue();
        }
        return out;
    }

    /**
     * One series from two numeric columns of a Tablesaw {@code Table} (missing values become gaps), named
     * after the columns in error messages: {@code add(table.numberColumn("t"), table.numberColumn("v"), Style.line())}.
     */
    public PlotBuilder add(NumericColumn<?> x, NumericColumn<?> y, Style style) {
        Objects.requireNonNull(x, "x column");
        Objects.requireNonNull(y, "y column");
        return add(x.name(), x.asDoubleArray(), y.name(), y.asDoubleArray(), style);
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
            checkSameLength(xName, x, ysName + "[" + n + "]", ys[n]);
        }
        for (int n = 0; n < ys.length; n++) {
            boolean last = n == ys.length - 1;
            String label = last ? style.label() : null;
            traces.add(scatter(x, ys[n], style, label != null ? label : ysName + "[" + n + "]", label != null));
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

    /** Adds a Tablesaw trace (any kind: scatter, bar, histogram, heatmap, ...), converted to plotly values. */
    public PlotBuilder trace(Trace trace) {
        traces.add(TablesawFigures.trace(Objects.requireNonNull(trace, "trace"), traces.size()));
        anyLabel = true;
        return this;
    }

    /** Adds a plotly trace as is (a {@code type} and its attributes, e.g. from {@link #scatter}). */
    public PlotBuilder trace(PlotlyObject trace) {
        traces.add(Objects.requireNonNull(trace, "trace"));
        anyLabel = true;
        return this;
    }

    /** The figure. @throws IllegalStateException with no series */
    public PlotlyFigure build() {
        if (traces.isEmpty()) {
            throw new IllegalStateException("a figure needs at least one series: call add(...) first");
        }
        PlotlyObject layout = layout(title, width, height)
                .put("showlegend", anyLabel)
                .put("margin", margin(title.isEmpty() ? 30 : 60))
                .put("xaxis", axis(xTitle, xLog))
                .put("yaxis", axis(yTitle, yLog));
        return new PlotlyFigure(traces, layout, List.of(), PlotlyFigure.defaultConfig());
    }

    /** A layout with a title (if not empty) and a size. */
    static PlotlyObject layout(String title, int width, int height) {
        PlotlyObject layout = PlotlyObject.create();
        if (!title.isEmpty()) {
            layout.put("title", PlotlyObject.create().put("text", title));
        }
        return layout.put("height", height).put("width", width);
    }

    /** Plot margins in pixels: {@code top} and the fixed bottom 60, left 80, right 30. */
    static PlotlyObject margin(int top) {
        return PlotlyObject.create()
                .put("autoexpand", true)
                .put("b", 60)
                .put("l", 80)
                .put("pad", 0)
                .put("r", 30)
                .put("t", top);
    }

    /** An axis with a title (if not empty), logarithmic or not. */
    static PlotlyObject axis(String title, boolean log) {
        PlotlyObject a = PlotlyObject.create();
        if (!title.isEmpty()) {
            a.put("title", PlotlyObject.create().put("text", title));
        }
        if (log) {
            a.put("type", "log");
        }
        return a;
    }

    /**
     * A plotly scatter trace of {@code x} and {@code y} (copied) drawn in {@code style}: markers or a line
     * that keeps every sample as a vertex ({@code line.simplify: false}).
     *
     * @param name     the trace name (hover and legend text), or null
     * @param inLegend whether the trace has a legend entry
     */
    public static PlotlyObject scatter(double[] x, double[] y, Style style, String name, boolean inLegend) {
        PlotlyObject m =
                PlotlyObject.create().put("x", x.clone()).put("y", y.clone()).put("showlegend", inLegend);
        if (style.kind() == Style.Kind.MARKERS) {
            PlotlyObject marker = m.object("marker")
                    .put("size", style.size())
                    .put("color", style.color())
                    .put("symbol", "circle");
            if (style.alpha() < 1) {
                marker.put("opacity", style.alpha());
            }
            m.put("mode", "markers");
        } else {
            m.put("mode", "lines");
            m.object("line")
                    .put("color", style.color())
                    .put("dash", "solid")
                    .put("shape", "linear")
                    .put("simplify", false)
                    .put("smoothing", 1)
                    .put("width", style.size());
            if (style.alpha() < 1) {
                m.put("opacity", style.alpha());
            }
        }
        m.put("xaxis", "x").put("yaxis", "y").put("type", "scatter");
        if (name != null && !name.isEmpty()) {
            m.put("name", name);
        }
        return m;
    }

    /** @throws IllegalArgumentException naming both arrays and their lengths when they differ or are null */
    static void checkSameLength(String aName, double[] a, String bName, double[] b) {
        if (a == null || b == null) {
            throw new IllegalArgumentException((a == null ? aName : bName) + " is null; " + aName + " and " + bName
                    + " must be arrays of the same length");
        }
        if (a.length != b.length) {
            throw new IllegalArgumentException(aName + " has " + a.length + " values but " + bName + " has " + b.length
                    + ": they must have the same length");
        }
    }
}
