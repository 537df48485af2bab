package lif;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lif.plot.PlotBuilder;
import lif.plot.PlotlyFigure;
import lif.plot.PlotlyObject;
import lif.plot.Style;

/**
 * A learner's figure against what an exercise asks for. The series are grouped by colour, as the original's
 * format strings group them: black for the realizations (or the one series of Exercises 5 and 6), C0 for the
 * mean, C7 for mean ± std. Each group is checked for its number of series, dots or lines, opacity, legend label
 * and data (through {@link CheckNumbers}, so data mistakes get the same hints as arrays); then the title and
 * both axis titles must be filled in (not empty, no {@code TODO}). {@link #problem()} returns the first problem,
 * or null.
 *
 * <pre>{@code
 * String p = CheckFigure.of(fig, "add the points first")   // what to do when fig has no series yet
 *     .single("the circles", Style.Kind.MARKERS, t, "ts", i, "is", CheckNumbers.Kind.PLAIN)
 *     .problem();                                            // null when the figure is right
 * }</pre>
 */
final class CheckFigure {
    /** One plotted series as plotly holds it: its mode, colour, opacity, legend entry and data. */
    record Series(Style.Kind kind, String colour, double opacity, boolean labelled, double[] x, double[] y) {}

    private interface Part {
        /** The colour (one of BLACK, C0, C7) of the series this part claims. */
        String colour();

        /** The problem with the series of this part's colour, or null. */
        String problem(List<Series> series);
    }

    private final PlotlyFigure figure;
    private final String empty;
    private final List<Series> series = new ArrayList<>();
    private final List<Part> parts = new ArrayList<>();

    private CheckFigure(PlotlyFigure figure, String empty) {
        this.figure = figure;
        this.empty = empty;
        if (figure != null) {
            for (PlotlyObject trace : figure.data()) {
                series.add(series(trace));
            }
        }
    }

    /**
     * The figure of a {@link PlotBuilder} (before or after series were added) or a {@link PlotlyFigure}.
     *
     * @param empty what to do next when the figure has no series yet
     */
    static boolean isFigure(Object answer) {
        return answer instanceof PlotBuilder || answer instanceof PlotlyFigure;
    }

    static CheckFigure of(Object answer, String empty) {
        if (answer instanceof PlotBuilder) {
            try {
                return new CheckFigure(((PlotBuilder) answer).build(), empty);
            } catch (IllegalStateException noSeries) {
                return new CheckFigure(null, empty);
            }
        }
        if (answer instanceof PlotlyFigure) {
            return new CheckFigure((PlotlyFigure) answer, empty);
        }
        throw new IllegalArgumentException("the figure is "
                + (answer == null ? "null" : "a " + answer.getClass().getSimpleName())
                + "; pass the figure: the PlotBuilder fig (or fig.build())");
    }

    /**
     * Exactly one black series {@code name}, in {@code kind}, with the data {@code x}, {@code y} ({@code what}:
     * what y holds, for the hints).
     */
    CheckFigure single(
            String name, Style.Kind kind, double[] x, String xName, double[] y, String yName, CheckNumbers.Kind what) {
        parts.add(new Part() {
            public String colour() {
                return Style.BLACK;
            }

            public String problem(List<Series> group) {
                if (group.size() != 1) {
                    return name + ": the figure has " + group.size() + " black series; draw one, with all " + x.length
                            + " points";
                }
                Series s = group.get(0);
                return first(
                        mode(name, s, kind),
                        CheckNumbers.compare(xName, s.x(), x, CheckNumbers.Kind.PLAIN, null),
                        CheckNumbers.compare(yName, s.y(), y, what, null));
            }
        });
        return this;
    }

    /**
     * N realizations as faint black series: either one series per step (the values of all neurons at that
     * step, all at the step's time, as the original's {@code plt.plot(n*[t], v_n, ...)} inside the loop) or,
     * when {@code perStep} is false or the figure has one series per neuron, one series per neuron over all
     * times.
     *
     * @param byStep      the expected potentials, {@code byStep[step][neuron]}
     * @param name        the potentials' name in the scaffold ({@code vN})
     * @param alpha       the original's alpha, suggested when the series are not faint
     */
    CheckFigure realizations(
            Style.Kind kind, double alpha, double[] t, double[][] byStep, String name, boolean perStep) {
        parts.add(new Part() {
            public String colour() {
                return Style.BLACK;
            }

            public String problem(List<Series> group) {
                int steps = t.length;
                int n = byStep[0].length;
                boolean stepwise = perStep && group.size() == steps && n != steps;
                if (!stepwise && group.size() != n) {
                    return "the realizations: the figure has " + group.size() + " black series; draw "
                            + (perStep
                                    ? "one per step (" + steps + ", each with the " + n + " values of " + name
                                            + " at that step) or one per neuron (" + n + ")"
                                    : "one per neuron (" + n + ")");
                }
                for (Series s : group) {
                    String p = first(
                            mode("the realizations", s, kind),
                            s.opacity() > 0.5
                                    ? "the realizations are opaque (alpha " + s.opacity() + "): draw them faint, "
                                            + "with .alpha(" + alpha + ") as the original does"
                                    : null);
                    if (p != null) {
                        return p;
                    }
                }
                double[][] byNeuron = new double[n][steps];
                for (int k = 0; k < steps; k++) {
                    for (int j = 0; j < n; j++) {
                        byNeuron[j][k] = byStep[k][j];
                    }
                }
                List<double[]> rows = new ArrayList<>();
                for (int j = 0; j < group.size(); j++) {
                    Series s = group.get(j);
                    String p = stepwise
                            ? CheckNumbers.compare(
                                    "step " + j + ": x", s.x(), filled(n, t[j]), CheckNumbers.Kind.PLAIN, null)
                            : CheckNumbers.compare("neuron " + j + ": x", s.x(), t, CheckNumbers.Kind.PLAIN, null);
                    if (p != null) {
                        return "the realizations, " + p;
                    }
                    rows.add(s.y());
                }
                if (stepwise) {
                    double[][] got = new double[n][steps];
                    for (int k = 0; k < steps; k++) {
                        double[] y = rows.get(k);
                        if (y.length != n) {
                            return "the realizations, step " + k + ": " + y.length + " values, expected " + n;
                        }
                        for (int j = 0; j < n; j++) {
                            got[j][k] = y[j];
                        }
                    }
                    rows = List.of(got);
                }
                // realization[j][k]: neuron j at step k, whichever way the series were drawn
                return CheckMatrix.compare("realization", rows, byNeuron, null);
            }
        });
        return this;
    }

    /** The mean as one series in C0, in {@code kind}, with a legend label. */
    CheckFigure mean(Style.Kind kind, double[] t, double[] mean) {
        parts.add(new Part() {
            public String colour() {
                return Style.C0;
            }

            public String problem(List<Series> group) {
                if (group.isEmpty()) {
                    return "the figure has no series in C0 (blue): draw the mean with .color(Plots.C0)";
                }
                if (group.size() != 1) {
                    return "the mean: the figure has " + group.size() + " series in C0; draw the mean as one series";
                }
                Series s = group.get(0);
                return first(
                        mode("the mean", s, kind),
                        CheckNumbers.compare("the mean's x", s.x(), t, CheckNumbers.Kind.PLAIN, null),
                        CheckNumbers.compare("the mean", s.y(), mean, CheckNumbers.Kind.PLAIN, null),
                        !s.labelled() ? "the mean has no legend label: add .label(\"mean\")" : null);
            }
        });
        return this;
    }

    /** mean + std and mean - std as two series in C7, in {@code kind}, one of them with a legend label. */
    CheckFigure band(Style.Kind kind, double[] t, double[] mean, double[] std) {
        double[] upper = new double[mean.length];
        double[] lower = new double[mean.length];
        for (int k = 0; k < mean.length; k++) {
            upper[k] = mean[k] + std[k];
            lower[k] = mean[k] - std[k];
        }
        parts.add(new Part() {
            public String colour() {
                return Style.C7;
            }

            public String problem(List<Series> group) {
                if (group.size() != 2) {
                    return "mean ± std: the figure has " + group.size() + " series in C7 (grey); draw two, "
                            + "mean + std and mean - std, with .color(Plots.C7)";
                }
                for (Series s : group) {
                    String p = first(
                            mode("mean ± std", s, kind),
                            CheckNumbers.compare("mean ± std's x", s.x(), t, CheckNumbers.Kind.PLAIN, null));
                    if (p != null) {
                        return p;
                    }
                }
                // either order: the series higher at the last step is mean + std (at step 0 the std may be 0)
                Series a = group.get(0);
                Series b = group.get(1);
                boolean aUpper =
                        a.y().length == 0 || b.y().length == 0 || a.y()[a.y().length - 1] >= b.y()[b.y().length - 1];
                return first(
                        CheckNumbers.compare("mean + std", (aUpper ? a : b).y(), upper, CheckNumbers.Kind.PLAIN, null),
                        CheckNumbers.compare("mean - std", (aUpper ? b : a).y(), lower, CheckNumbers.Kind.PLAIN, null),
                        a.labelled() || b.labelled()
                                ? null
                                : "mean ± std has no legend label: label one of its two series, .label(\"mean ± std\")");
            }
        });
        return this;
    }

    /** The first problem: no series, a colour not asked for, a part's problem, a title missing; or null. */
    String problem() {
        if (figure == null) {
            return "the figure has no series yet: " + empty;
        }
        for (Series s : series) {
            if (parts.stream().noneMatch(p -> p.colour().equals(s.colour()))) {
                return "a series is drawn in " + s.colour() + ", which this exercise does not ask for: use "
                        + colours();
            }
        }
        for (Part part : parts) {
            List<Series> group = new ArrayList<>();
            for (Series s : series) {
                if (s.colour().equals(part.colour())) {
                    group.add(s);
                }
            }
            String p = part.problem(group);
            if (p != null) {
                return p;
            }
        }
        return titles();
    }

    private String titles() {
        String[] names = {"the title", "the x-axis title", "the y-axis title"};
        String[] texts = {
            text(figure.layout()),
            text(figure.layout().get("xaxis")),
            text(figure.layout().get("yaxis"))
        };
        for (int k = 0; k < names.length; k++) {
            if (texts[k].isBlank()) {
                return names[k] + " is empty: give the figure a title and label both axes, with units";
            }
            if (texts[k].contains("TODO")) {
                return names[k] + " still reads \"" + texts[k]
                        + "\": replace the TODO (a title, axis labels with units)";
            }
        }
        return null;
    }

    private String colours() {
        List<String> named = new ArrayList<>();
        for (Part p : parts) {
            String c = p.colour().equals(Style.BLACK)
                    ? "black"
                    : p.colour().equals(Style.C0) ? "C0 (Plots.C0)" : "C7 (Plots.C7)";
            if (!named.contains(c)) {
                named.add(c);
            }
        }
        return String.join(", ", named);
    }

    private static String mode(String name, Series s, Style.Kind kind) {
        if (s.kind() == kind) {
            return null;
        }
        return name
                + (kind == Style.Kind.MARKERS
                        ? ": drawn as a line; draw markers (Style.dots() or Style.circles())"
                        : ": drawn as markers; draw lines (Style.line())");
    }

    /** The first problem that is not null, or null. */
    static String first(String... problems) {
        for (String p : problems) {
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private static double[] filled(int n, double x) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, x);
        return a;
    }

    /** The text of a layout or axis title ({@code title.text} or a plain string), or "". */
    private static String text(Object owner) {
        if (!(owner instanceof PlotlyObject)) {
            return "";
        }
        Object t = ((PlotlyObject) owner).get("title");
        Object text = t instanceof PlotlyObject ? ((PlotlyObject) t).get("text") : t;
        return text instanceof String ? (String) text : "";
    }

    private static Series series(PlotlyObject trace) {
        String mode = String.valueOf(trace.get("mode"));
        boolean lines = mode.contains("lines") && !mode.contains("markers");
        Object style = trace.get(lines ? "line" : "marker");
        Object colour = style instanceof PlotlyObject ? ((PlotlyObject) style).get("color") : null;
        Object opacity = lines
                ? trace.get("opacity")
                : style instanceof PlotlyObject ? ((PlotlyObject) style).get("opacity") : null;
        Object legend = trace.get("showlegend");
        return new Series(
                lines ? Style.Kind.LINES : Style.Kind.MARKERS,
                colour(colour instanceof String ? (String) colour : ""),
                opacity instanceof Number ? ((Number) opacity).doubleValue() : 1,
                Boolean.TRUE.equals(legend) && trace.get("name") != null,
                values(trace.get("x")),
                values(trace.get("y")));
    }

    private static double[] values(Object o) {
        if (o instanceof double[]) {
            return (double[]) o;
        }
        if (o instanceof List) {
            return CheckAnswers.numbers("data", o);
        }
        return new double[0];
    }

    /** A CSS colour as one of Style's constants when it is that colour, else lower-cased as written. */
    static String colour(String css) {
        String c = css.trim().toLowerCase(Locale.ROOT);
        switch (c) {
            case Style.BLACK:
            case "#000":
            case "black":
            case "rgb(0,0,0)":
                return Style.BLACK;
            case Style.C0:
            case "rgb(31,119,180)":
                return Style.C0;
            case Style.C7:
            case "rgb(127,127,127)":
                return Style.C7;
            default:
                return c.isEmpty() ? "(no colour)" : c;
        }
    }
}
