package lif.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import lif.Current;
import lif.Lif;
import lif.LifParameters;
import org.junit.jupiter.api.Test;

class SliderAndHeatmapTest {
    static final LifParameters P = LifParameters.defaults();

    static PlotlyFigure at(double pA) {
        var tr = Lif.euler(P.withIMean(pA * 1e-12)).run(Current.sinusoid(P.withIMean(pA * 1e-12)));
        return Plots.figure()
                .title("I<sub>mean</sub> = " + pA + " pA")
                .xTitle(Plots.TIME_AXIS)
                .yTitle(Plots.VM_AXIS)
                .add("t", tr.t(), "v", tr.v(), Style.line())
                .build();
    }

    @Test
    void sliderCarriesFramesAndStepsIntoTheJsonAndTheHtml() throws Exception {
        double[] values = {100, 150, 200, 250, 300};
        PlotlyFigure view = Plots.slider("I<sub>mean</sub> (pA)", values, SliderAndHeatmapTest::at);
        FigureBundle b = FigureBundle.of(view);
        JsonNode root = PlotlyJsonTest.parse(PlotlyJson.write(view));
        assertEquals(1, root.get("data").size(), "initial traces: the first value's");
        assertEquals(5, root.get("frames").size());
        JsonNode slider = root.get("layout").get("sliders").get(0);
        assertEquals(5, slider.get("steps").size());
        assertEquals("150", slider.get("steps").get(1).get("label").asText());
        assertEquals("animate", slider.get("steps").get(1).get("method").asText());
        assertEquals(
                "step 1", slider.get("steps").get(1).get("args").get(0).get(0).asText());
        assertEquals("step 1", root.get("frames").get(1).get("name").asText());
        assertEquals(
                "I<sub>mean</sub> = 150.0 pA",
                root.get("frames").get(1).get("layout").get("title").get("text").asText());
        assertEquals(150, root.get("frames").get(1).get("data").get(0).get("y").size());
        assertEquals(
                "I<sub>mean</sub> (pA) = ",
                slider.get("currentvalue").get("prefix").asText());
        // the y axis is fixed to the range of all frames (the 300 pA trace rises highest)
        JsonNode range = root.get("layout").get("yaxis").get("range");
        assertTrue(range.get(1).asDouble() > -0.06 + 0.03 * 0.95, range.toString());
        assertFalse(root.get("layout").get("yaxis").get("autorange").asBoolean());
        assertEquals(
                Plots.VM_AXIS,
                root.get("layout").get("yaxis").get("title").get("text").asText());
        // frame 0 and the initial data are the same figure
        assertEquals(root.get("data"), root.get("frames").get(0).get("data"));
        assertTrue(b.html().contains("\"frames\":["), "the HTML copy carries the frames");
        assertTrue(b.html().contains("Plotly.newPlot(div, fig)"));
        assertTrue(b.text().endsWith("5 slider steps"), b.text());
        assertTrue(view.toString().contains("1 trace, 150 points"), view.toString());
    }

    @Test
    void sliderRefusesBadInput() {
        assertThrows(IllegalArgumentException.class, () -> Plots.slider("x", new double[0], SliderAndHeatmapTest::at));
        assertThrows(
                IllegalArgumentException.class,
                () -> Plots.slider("x", new double[] {1, Double.NaN}, SliderAndHeatmapTest::at));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Plots.slider(
                        "x",
                        new double[] {1, 2},
                        v -> v == 1
                                ? at(v)
                                : Plots.figure()
                                        .line(new double[] {0, 1}, new double[] {0, 1})
                                        .line(new double[] {0, 1}, new double[] {1, 0})
                                        .build()));
        assertTrue(e.getMessage().contains("same traces"), e.getMessage());
    }

    @Test
    void plainFiguresHaveNoFrames() throws Exception {
        JsonNode root = PlotlyJsonTest.parse(FigureBundle.of(at(250)).json());
        assertTrue(root.get("frames") == null);
        assertTrue(FigureBundle.of(at(250)).html().contains("Plotly.newPlot(div, fig.data, fig.layout, fig.config)"));
    }

    @Test
    void heatmapIsStrictJsonWithANumericZMatrix() throws Exception {
        double[] t = {0, 0.001, 0.002};
        double[] s = {0, 0.001};
        double[][] z = {{1e-6, 2e-6, 3e-6}, {4e-6, Double.NaN, 6e-6}};
        PlotlyFigure f = Plots.heatmap("C(t, s)", t, s, z, "t (s)", "s (s)");
        JsonNode root = PlotlyJsonTest.parse(PlotlyJsonTest.json(f));
        JsonNode tr = root.get("data").get(0);
        assertEquals("heatmap", tr.get("type").asText());
        assertEquals(2, tr.get("z").size());
        assertEquals(3, tr.get("z").get(0).size());
        assertTrue(tr.get("z").get(0).get(1).isNumber());
        assertEquals(2e-6, tr.get("z").get(0).get(1).asDouble(), 0);
        assertTrue(tr.get("z").get(1).get(1).isNull(), "NaN becomes null");
        assertEquals(0.002, tr.get("x").get(2).asDouble(), 0);
        assertTrue(tr.get("x").get(2).isNumber());
        assertEquals(0.001, tr.get("y").get(1).asDouble(), 0);
        assertEquals(
                "t (s)",
                root.get("layout").get("xaxis").get("title").get("text").asText());
        assertThrows(IllegalArgumentException.class, () -> Plots.heatmap("", t, s, new double[][] {{1, 2, 3}}, "", ""));
    }

    @Test
    void logAxes() throws Exception {
        PlotlyFigure f = Plots.figure()
                .xLog()
                .yLog()
                .line(new double[] {1e-4, 1e-3}, new double[] {1e-6, 1e-5})
                .build();
        JsonNode layout = PlotlyJsonTest.parse(PlotlyJsonTest.json(f)).get("layout");
        assertEquals("log", layout.get("xaxis").get("type").asText());
        assertEquals("log", layout.get("yaxis").get("type").asText());
    }
}
