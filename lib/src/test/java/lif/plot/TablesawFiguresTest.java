package lif.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.api.BoxPlot;
import tech.tablesaw.plotly.api.Heatmap;
import tech.tablesaw.plotly.api.Histogram;
import tech.tablesaw.plotly.api.LinePlot;
import tech.tablesaw.plotly.api.ScatterPlot;
import tech.tablesaw.plotly.api.VerticalBarPlot;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.traces.HistogramTrace;

/** Tablesaw's own figure types (as in its plotting docs) and Table columns, converted into our model. */
class TablesawFiguresTest {

    static Table neurons() {
        return Table.create(
                "neurons",
                DoubleColumn.create("t", 0, 0.001, 0.002, 0.003, 0.004, 0.005),
                DoubleColumn.create("v", -0.065, -0.064, -0.0635, Double.NaN, -0.062, -0.061),
                StringColumn.create("group", "a", "a", "b", "b", "c", "c"));
    }

    static JsonNode json(Figure f) throws Exception {
        return PlotlyJsonTest.parse(PlotlyJson.write(Plots.show(f)));
    }

    @Test
    void scatterAndLinePlotsKeepTheirNumbersAsNumbers() throws Exception {
        JsonNode scatter = json(ScatterPlot.create("V(t)", neurons(), "t", "v"));
        JsonNode trace = scatter.get("data").get(0);
        assertEquals("scatter", trace.get("type").asText());
        assertEquals("markers", trace.get("mode").asText());
        assertEquals(0.001, trace.get("x").get(1).asDouble(), 0);
        assertEquals(-0.0635, trace.get("y").get(2).asDouble(), 0);
        assertEquals("V(t)", scatter.get("layout").get("title").get("text").asText());
        JsonNode line =
                json(LinePlot.create("V(t)", neurons(), "t", "v")).get("data").get(0);
        assertEquals("lines", line.get("mode").asText());
    }

    @Test
    void histogramBarBoxAndHeatmapConvert() throws Exception {
        JsonNode hist = json(Histogram.create("V", neurons(), "v")).get("data").get(0);
        assertEquals("histogram", hist.get("type").asText());
        assertEquals(6, hist.get("x").size());
        JsonNode bars = json(VerticalBarPlot.create(
                        "bars",
                        Table.create("b", StringColumn.create("name", "x", "y"), DoubleColumn.create("n", 3, 4)),
                        "name",
                        "n"))
                .get("data")
                .get(0);
        assertEquals("bar", bars.get("type").asText());
        assertEquals("x", bars.get("x").get(0).asText(), "categories stay text");
        assertEquals(4, bars.get("y").get(1).asDouble(), 0);
        JsonNode box =
                json(BoxPlot.create("box", neurons(), "group", "v")).get("data").get(0);
        assertEquals("box", box.get("type").asText());
        JsonNode heat = json(Heatmap.create("heat", neurons(), "group", "group"))
                .get("data")
                .get(0);
        assertEquals("heatmap", heat.get("type").asText());
        assertTrue(heat.get("z").get(0).get(0).isNumber());
    }

    @Test
    void aConvertedFigureTakesLayoutChangesAndShowsLikeOurs() throws Exception {
        PlotlyFigure f = Plots.show(ScatterPlot.create("V(t)", neurons(), "t", "v"));
        assertSame(f, Plots.show(f), "showing our own figure changes nothing");
        f.layout().put("showlegend", true);
        FigureBundle b = FigureBundle.of(f);
        assertTrue(
                PlotlyJsonTest.parse(b.json()).get("layout").get("showlegend").asBoolean());
        assertFalse(
                FigureBundle.of(Plots.show(ScatterPlot.create("V(t)", neurons(), "t", "v")))
                        .json()
                        .contains("\"showlegend\":true"),
                "each conversion is a new figure");
        assertTrue(b.text().startsWith("Figure \"V(t)\": 1 trace, 6 points"), b.text());
    }

    @Test
    void columnsOfATableAndTablesawTracesGoIntoTheBuilder() throws Exception {
        Table table = neurons();
        PlotlyFigure f = Plots.figure()
                .title("from a table")
                .add(
                        table.numberColumn("t"),
                        table.numberColumn("v"),
                        Style.line().label("v"))
                .trace(HistogramTrace.builder(table.numberColumn("v")).build())
                .build();
        JsonNode root = PlotlyJsonTest.parse(PlotlyJson.write(f));
        JsonNode line = root.get("data").get(0);
        assertEquals(-0.061, line.get("y").get(5).asDouble(), 0);
        assertTrue(line.get("y").get(3).isNull());
        assertEquals("histogram", root.get("data").get(1).get("type").asText());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Plots.figure().add(table.numberColumn("t"), DoubleColumn.create("w", 1, 2), Style.dots()));
        assertTrue(e.getMessage().startsWith("t has 6 values but w has 2"), e.getMessage());
    }

    @Test
    void plotlyObjectsKeepOrderAndRefuseNonPlotlyValues() {
        PlotlyObject o =
                PlotlyObject.create().put("b", 1).put("a", new double[] {0.5}).put("b", 2);
        assertEquals("{\"b\":2,\"a\":[0.5]}", PlotlyJson.write(o));
        assertThrows(IllegalArgumentException.class, () -> o.put("c", new Object()));
        PlotlyObject copy = o.copy();
        ((double[]) copy.get("a"))[0] = 9;
        assertEquals(0.5, ((double[]) o.get("a"))[0], 0, "copies are deep");
        assertThrows(IllegalStateException.class, () -> o.object("b"));
        assertFalse(o.has("c"));
    }
}
