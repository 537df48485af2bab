package lif.plot;

import java.util.List;
import java.util.Objects;

/**
 * A figure as plotly describes it: traces ({@code data}), a {@code layout}, animation {@code frames} (a
 * slider's steps; usually none) and a {@code config}, each made of {@link PlotlyObject}s. This is what
 * {@link PlotBuilder} fills, what {@link Plots} returns and what {@link PlotlyJson} writes; left as the last
 * expression of a cell, it shows as an interactive plot.
 *
 * <p>The trace and frame lists are fixed; their objects and the layout can still be changed:
 * {@code fig.layout().put("showlegend", false)}.
 */
public final class PlotlyFigure {
    private final List<PlotlyObject> data;
    private final PlotlyObject layout;
    private final List<PlotlyObject> frames;
    private final PlotlyObject config;

    /**
     * @param data   the traces, in drawing order
     * @param layout the layout
     * @param frames animation frames ({@code name}, {@code data}, optional {@code layout}); empty for none
     * @param config plotly's config ({@code displaylogo}, ...)
     */
    public PlotlyFigure(List<PlotlyObject> data, PlotlyObject layout, List<PlotlyObject> frames, PlotlyObject config) {
        this.data = List.copyOf(data);
        this.layout = Objects.requireNonNull(layout, "layout");
        this.frames = List.copyOf(frames);
        this.config = Objects.requireNonNull(config, "config");
    }

    /** A figure of {@code traces} with {@code layout}, no frames, and the default config (no plotly logo). */
    public static PlotlyFigure of(PlotlyObject layout, PlotlyObject... traces) {
        return new PlotlyFigure(List.of(traces), layout, List.of(), defaultConfig());
    }

    /** {@code {"displaylogo": false}}. */
    public static PlotlyObject defaultConfig() {
        return PlotlyObject.create().put("displaylogo", false);
    }

    public List<PlotlyObject> data() {
        return data;
    }

    public PlotlyObject layout() {
        return layout;
    }

    public List<PlotlyObject> frames() {
        return frames;
    }

    public PlotlyObject config() {
        return config;
    }

    /** The layout's title text, or "" (HTML tags removed, white space collapsed). */
    public String title() {
        Object t = layout.get("title");
        Object text = t instanceof PlotlyObject ? ((PlotlyObject) t).get("text") : t;
        return text instanceof String
                ? ((String) text)
                        .replaceAll("<[^>]*>", "")
                        .replaceAll("\\s+", " ")
                        .trim()
                : "";
    }

    /** Data points: over all traces, the longest of each trace's x, y, z (rows) or values. */
    public long points() {
        long n = 0;
        for (PlotlyObject trace : data) {
            n += points(trace);
        }
        return n;
    }

    static long points(PlotlyObject trace) {
        long n = 0;
        for (String k : new String[] {"x", "y", "z", "values"}) {
            Object v = trace.get(k);
            if (v instanceof double[]) {
                n = Math.max(n, ((double[]) v).length);
            } else if (v instanceof double[][]) {
                n = Math.max(n, ((double[][]) v).length);
            } else if (v instanceof List) {
                n = Math.max(n, ((List<?>) v).size());
            }
        }
        return n;
    }

    /** {@code Figure "V(t)": 3 traces, 450 points} (and {@code , 10 slider steps} for frames). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Figure");
        String title = title();
        if (!title.isEmpty()) {
            sb.append(" \"").append(title).append('"');
        }
        long points = points();
        sb.append(": ")
                .append(data.size())
                .append(data.size() == 1 ? " trace, " : " traces, ")
                .append(points)
                .append(points == 1 ? " point" : " points");
        if (!frames.isEmpty()) {
            sb.append(", ").append(frames.size()).append(frames.size() == 1 ? " slider step" : " slider steps");
        }
        return sb.toString();
    }
}
