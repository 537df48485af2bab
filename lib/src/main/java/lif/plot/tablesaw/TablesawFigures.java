package lif.plot.tablesaw;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import lif.plot.PlotlyFigure;
import lif.plot.PlotlyJson;
import lif.plot.PlotlyObject;
import tech.tablesaw.plotly.components.Config;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.Trace;

/**
 * Tablesaw's figures, converted into {@link PlotlyFigure}s: any {@link Figure} made with Tablesaw's API
 * ({@code ScatterPlot.create(...)}, {@code Histogram.create(...)}, {@code Heatmap.create(...)}, or built
 * from its traces) and any single {@link Trace}.
 *
 * <p>Tablesaw's components keep their settings in private fields with almost no getters; what they do
 * expose is their plotly script ({@code asJavascript}), which knows which fields are set and how plotly
 * names them. We read that script (see {@link TablesawJs}) and normalise it into plotly values: numeric
 * strings become numbers, NaN and infinities {@code null}, {@code 'true'/'False'} booleans, titles
 * {@code {"text": ...}} with their font inside, text un-escaped, {@code name: ''} dropped. Event handlers
 * (JavaScript code) are not data and are left out. Columns of a Tablesaw {@code Table} need none of this:
 * pass them to {@link lif.plot.PlotBuilder#add(tech.tablesaw.api.NumericColumn, tech.tablesaw.api.NumericColumn,
 * lif.plot.Style)}. In a package of its own: the plotly model ({@code lif.plot}) knows nothing of Tablesaw; only
 * its entry points ({@code Plots.show}, {@code PlotBuilder.trace}, {@code FigureBundle.of}) call this class.
 */
public final class TablesawFigures {

    /** Keys whose values are text for people: never turned into numbers or booleans. */
    private static final Set<String> TEXT_KEYS = Set.of(
            "name",
            "text",
            "hovertext",
            "legendgroup",
            "ticktext",
            "hovertemplate",
            "texttemplate",
            "tickprefix",
            "ticksuffix",
            "tickformat",
            "labels",
            "title",
            "family");

    private static final Pattern NUMBER =
            Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?|[-+]?Infinity|NaN");

    private TablesawFigures() {}

    /** The figure's traces, layout and config as plotly values (no frames). */
    public static PlotlyFigure convert(Figure figure) {
        Objects.requireNonNull(figure, "figure");
        List<PlotlyObject> data = new ArrayList<>();
        Trace[] traces = figure.getTraces();
        if (traces != null) {
            for (int i = 0; i < traces.length; i++) {
                data.add(trace(traces[i], i));
            }
        }
        Layout layout = figure.getLayout();
        PlotlyObject plotlyLayout = layout == null ? PlotlyObject.create() : layout(layout);
        PlotlyObject config = PlotlyFigure.defaultConfig();
        Config c = figure.getConfig();
        if (c != null) {
            asObject(TablesawJs.parseAssignment(c.asJSON()), "config")
                    .attributes()
                    .forEach(config::put);
        }
        return new PlotlyFigure(data, plotlyLayout, List.of(), config);
    }

    /** One trace, as the {@code index}-th trace of a figure (Tablesaw numbers its axes and colours by it). */
    public static PlotlyObject trace(Trace trace, int index) {
        PlotlyObject t = asObject(TablesawJs.parseAssignment(trace.asJavascript(index)), "trace " + index);
        if ("".equals(t.get("name"))) {
            t.remove("name"); // tablesaw writes name: '' for unnamed traces; plotly's default is "trace N"
        }
        if ("".equals(t.get("legendgroup"))) {
            t.remove("legendgroup");
        }
        return t;
    }

    /** A layout, its titles as {@code {"text": ..., "font": ...}}. */
    public static PlotlyObject layout(Layout layout) {
        PlotlyObject l = asObject(TablesawJs.parseAssignment(layout.asJavascript()), "layout");
        fixTitle(l);
        for (String key : new ArrayList<>(l.attributes().keySet())) {
            if (key.matches("[xyz]axis\\d*") && l.get(key) instanceof PlotlyObject) {
                fixTitle((PlotlyObject) l.get(key));
            }
        }
        return l;
    }

    /** {@code title: 'x', titlefont: {...}} becomes {@code title: {text: 'x', font: {...}}}. */
    private static void fixTitle(PlotlyObject m) {
        Object title = m.get("title");
        Object font = m.get("titlefont");
        m.remove("titlefont");
        if (title instanceof String) {
            if (((String) title).isEmpty() && font == null) {
                m.remove("title");
                return;
            }
            PlotlyObject t = PlotlyObject.create().put("text", title);
            if (font instanceof PlotlyObject) {
                t.put("font", font);
            }
            m.put("title", t);
        }
    }

    private static PlotlyObject asObject(Object parsed, String what) {
        if (!(parsed instanceof Map)) {
            throw new IllegalStateException("tablesaw's " + what + " is not an object: " + parsed);
        }
        return (PlotlyObject) value(parsed, null);
    }

    @SuppressWarnings("unchecked")
    private static Object value(Object v, String key) {
        if (v instanceof Map) {
            PlotlyObject o = PlotlyObject.create();
            ((Map<String, Object>) v).forEach((k, x) -> o.put(k, value(x, k)));
            return o;
        }
        if (v instanceof List) {
            List<Object> out = new ArrayList<>(((List<?>) v).size());
            for (Object x : (List<?>) v) {
                out.add(value(x, key));
            }
            return out;
        }
        if (v instanceof Double) {
            return PlotlyJson.number((Double) v);
        }
        boolean text = key != null && TEXT_KEYS.contains(key.toLowerCase());
        if (v instanceof String && !text) {
            String s = (String) v;
            if (NUMBER.matcher(s).matches()) {
                return PlotlyJson.number(Double.parseDouble(s));
            }
            if (s.equalsIgnoreCase("true")) {
                return Boolean.TRUE;
            }
            if (s.equalsIgnoreCase("false")) {
                return Boolean.FALSE;
            }
        }
        return v;
    }
}
