package lif.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import lif.plot.tablesaw.TablesawFigures;
import tech.tablesaw.plotly.components.Figure;

/**
 * Figures: {@link #figure()} starts a {@link PlotBuilder}, the building blocks the exercises use (series in a
 * {@link Style}: circles, dots or lines, a colour, an opacity, a label). Beyond the exercises (notebooks 8-10)
 * come ready-made figures from plain arrays ({@code t} in seconds, {@code v} in volts, ensembles as
 * {@code vN[neuron][step]}), a {@link #slider} over one parameter, a {@link #heatmap}, and {@link #show(Figure)}
 * for Tablesaw figures. Every figure is a {@link PlotlyFigure}; to see one, leave it as the last expression of
 * a cell.
 */
public final class Plots {

    /** matplotlib's {@code 'k'}. */
    public static final String BLACK = Style.BLACK;
    /** matplotlib's {@code 'C0'} (tab:blue). */
    public static final String C0 = Style.C0;
    /** matplotlib's {@code 'C7'} (tab:gray). */
    public static final String C7 = Style.C7;

    public static final int WIDTH = PlotBuilder.WIDTH;
    public static final int HEIGHT = PlotBuilder.HEIGHT;

    /** {@code V<sub>m</sub>} in plotly's HTML subset. */
    public static final String VM = "V<sub>m</sub>";

    public static final String TIME_AXIS = "time (s)";
    public static final String VM_AXIS = VM + " (V)";
    public static final String REALIZATIONS_TITLE = "Multiple realizations of " + VM;

    private Plots() {}

    /** A new fluent figure builder. */
    public static PlotBuilder figure() {
        return new PlotBuilder();
    }

    /**
     * A Tablesaw figure ({@code ScatterPlot.create(...)}, {@code Histogram.create(...)}, any {@link Figure})
     * as a {@link PlotlyFigure}: shown like ours, and open to the same layout changes.
     */
    public static PlotlyFigure show(Figure figure) {
        return TablesawFigures.convert(figure);
    }

    /** The figure itself (a figure already shows as the last expression of a cell; kept for older code). */
    public static PlotlyFigure show(PlotlyFigure figure) {
        return java.util.Objects.requireNonNull(figure, "figure");
    }

    /** The membrane potential at each step as small black dots ({@code 'k.'}), with a title. */
    public static PlotlyFigure membranePotential(String title, double[] t, double[] v) {
        return figure().title(title)
                .xTitle(TIME_AXIS)
                .yTitle(VM_AXIS)
                .add("t", t, "v", v, Style.dots())
                .build();
    }

    /** N realizations as faint black lines ({@code 'k'}, alpha 0.3), one per row of {@code vN}. */
    public static PlotlyFigure realizationLines(double[] t, double[][] vN) {
        return figure().title(REALIZATIONS_TITLE)
                .xTitle(TIME_AXIS)
                .yTitle(VM_AXIS)
                .addAll("t", t, "vN", vN, Style.line().alpha(0.3))
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
     *     pA -> Plots.membranePotential("I = " + pA + " pA", t, Lif.euler(p.withIMean(pA * 1e-12)).run(...).v()))
     * }</pre>
     *
     * @param label  the slider's name, shown as "label = value" (plotly's HTML subset)
     * @param values the parameter values, 1 to {@value #MAX_SLIDER_STEPS}, finite
     */
    public static PlotlyFigure slider(String label, double[] values, DoubleFunction<PlotlyFigure> figureAt) {
        if (label == null) {
            throw new IllegalArgumentException("label must be a string, got null");
        }
        if (figureAt == null) {
            throw new IllegalArgumentException("figureAt must be a function from a value to a figure, got null");
        }
        if (values == null || values.length == 0 || values.length > MAX_SLIDER_STEPS) {
            throw new IllegalArgumentException("values must hold 1 to " + MAX_SLIDER_STEPS + " numbers, got "
                    + (values == null ? "null" : values.length));
        }
        PlotlyFigure first = null;
        List<PlotlyObject> frames = new ArrayList<>();
        List<PlotlyObject> steps = new ArrayList<>();
        double[] xr = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] yr = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int k = 0; k < values.length; k++) {
            double value = values[k];
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("values[" + k + "] must be finite, got " + value);
            }
            PlotlyFigure f = figureAt.apply(value);
            if (f == null) {
                throw new IllegalArgumentException("figureAt returned null for " + value);
            }
            if (first != null && f.data().size() != first.data().size()) {
                throw new IllegalArgumentException(
                        "the figure for " + value + " has " + f.data().size() + " traces but the first has "
                                + first.data().size() + ": every value's figure must have the same traces");
            }
            if (first == null) {
                first = f;
            }
            for (PlotlyObject t : f.data()) {
                extend(xr, t.get("x"));
                extend(yr, t.get("y"));
            }
            PlotlyObject frame = PlotlyObject.create().put("name", "step " + k).put("data", f.data());
            if (f.layout().get("title") != null) {
                frame.put(
                        "layout", PlotlyObject.create().put("title", f.layout().get("title")));
            }
            frames.add(frame);
            steps.add(PlotlyObject.create()
                    .put("label", stepLabel(value))
                    .put("method", "animate")
                    .put(
                            "args",
                            List.of(
                                    List.of("step " + k),
                                    PlotlyObject.create()
                                            .put("mode", "immediate")
                                            .put(
                                                    "frame",
                                                    PlotlyObject.create()
                                                            .put("duration", 0)
                                                            .put("redraw", true))
                                            .put(
                                                    "transition",
                                                    PlotlyObject.create().put("duration", 0)))));
        }
        PlotlyObject layout = first.layout().copy();
        fixRange(layout, "xaxis", xr);
        fixRange(layout, "yaxis", yr);
        long height = layout.get("height") instanceof Number ? ((Number) layout.get("height")).longValue() : HEIGHT;
        layout.put("height", height + 90);
        layout.object("margin").put("b", 150);
        layout.put(
                "sliders",
                List.of(PlotlyObject.create()
                        .put("active", 0)
                        .put("currentvalue", PlotlyObject.create().put("prefix", label + " = "))
                        .put("pad", PlotlyObject.create().put("t", 60))
                        .put("steps", steps)));
        return new PlotlyFigure(first.data(), layout, frames, first.config());
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
        if (values instanceof double[]) {
            for (double d : (double[]) values) {
                if (Double.isFinite(d)) {
                    range[0] = Math.min(range[0], d);
                    range[1] = Math.max(range[1], d);
                }
            }
        } else if (values instanceof List) {
            for (Object o : (List<?>) values) {
                if (o instanceof Number && Double.isFinite(((Number) o).doubleValue())) {
                    range[0] = Math.min(range[0], ((Number) o).doubleValue());
                    range[1] = Math.max(range[1], ((Number) o).doubleValue());
                }
            }
        }
    }

    /** Fixes the axis {@code key} of {@code layout} to {@code r} plus 5% (not a log axis, not without data). */
    private static void fixRange(PlotlyObject layout, String key, double[] r) {
        Object axis = layout.get(key);
        if ((axis instanceof PlotlyObject && "log".equals(((PlotlyObject) axis).get("type"))) || !(r[0] <= r[1])) {
            return; // a log axis or no numeric data: leave plotly's autorange
        }
        double pad = r[1] > r[0] ? 0.05 * (r[1] - r[0]) : Math.max(1e-12, Math.abs(r[0]) * 0.05);
        layout.object(key).put("range", new double[] {r[0] - pad, r[1] + pad}).put("autorange", false);
    }

    /**
     * A heatmap of {@code z[row][column]} with column coordinates {@code x} and row coordinates {@code y}
     * (e.g. the autocovariance {@code C(t, s)}: both axes in seconds).
     */
    public static PlotlyFigure heatmap(
            String title, double[] x, double[] y, double[][] z, String xTitle, String yTitle) {
        if (z == null || y == null || x == null || z.length != y.length) {
            throw new IllegalArgumentException(
                    "z must have one row per y value: got " + (z == null ? "z=null" : z.length + " rows") + " and "
                            + (y == null ? "y=null" : y.length + " y values"));
        }
        for (int r = 0; r < z.length; r++) {
            PlotBuilder.checkSameLength("x", x, "z[" + r + "]", z[r]);
        }
        double[][] copy = new double[z.length][];
        for (int r = 0; r < z.length; r++) {
            copy[r] = z[r].clone();
        }
        PlotlyObject trace = PlotlyObject.create()
                .put("x", x.clone())
                .put("y", y.clone())
                .put("z", copy)
                .put("xaxis", "x")
                .put("yaxis", "y")
                .put("type", "heatmap");
        PlotlyObject layout = PlotBuilder.layout(title == null ? "" : title, WIDTH, WIDTH - 100)
                .put("margin", PlotBuilder.margin(60))
                .put("xaxis", PlotBuilder.axis(xTitle == null ? "" : xTitle, false))
                .put("yaxis", PlotBuilder.axis(yTitle == null ? "" : yTitle, false));
        return PlotlyFigure.of(layout, trace);
    }
}
