package lif.plot;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import lif.plot.tablesaw.TablesawFigures;
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
            throw new IllegalArgumentException(
                    "not a figure: " + (o == null ? "null" : o.getClass().getName()));
        }
        // The plotly JSON entry keeps every digit (data arrays as exact float64 typed arrays); the HTML copy only
        // draws: float32 typed arrays (about 7 significant digits, invisible at screen resolution) keep the saved
        // notebook smaller.
        String drawJson = PlotlyJson.write(figure, PlotlyJson.Arrays.FLOAT32);
        return new FigureBundle(
                Collections.unmodifiableMap(PlotlyJson.toValues(figure, PlotlyJson.Arrays.FLOAT64)),
                PlotlyJson.write(figure, PlotlyJson.Arrays.FLOAT64),
                PlotlyHtml.snippet(
                        drawJson, figure.layout().get("width"), figure.layout().get("height")),
                figure.toString());
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
