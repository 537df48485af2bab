package lif.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.BarTrace;
import tech.tablesaw.plotly.traces.HistogramTrace;
import tech.tablesaw.plotly.traces.ScatterTrace;

class PlotlyJsonTest {

    /** Strict: no NaN, no single quotes, no trailing commas, no unquoted keys. */
    static final ObjectMapper STRICT = JsonMapper.builder()
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    static final String NASTY =
            "it's \"V\" <b>&amp;</b> & < > \\ \u00e9\u00b5 \u2014 \u2028 </script><!-- \uD83E\uDDE0";

    static JsonNode parse(String json) throws Exception {
        return STRICT.readTree(json);
    }

    /** The JSON of a {@link PlotlyFigure} or a Tablesaw figure, every number a decimal. */
    static String json(Object figure) {
        return PlotlyJson.write(figure instanceof PlotlyFigure ? (PlotlyFigure) figure : Plots.show((Figure) figure));
    }

    static final double[] T = {0, 0.001, 0.002, 0.003};
    static final double[] V = {-0.065, -0.0649, Double.NaN, Double.POSITIVE_INFINITY};

    @Test
    void bundleIsStrictJsonWithRealNumbers() throws Exception {
        PlotlyFigure f = Plots.membranePotential("V<sub>m</sub> with random I(t)", T, V);
        JsonNode root = parse(json(f));
        assertTrue(root.get("data").isArray());
        assertTrue(root.get("layout").isObject());
        assertTrue(root.get("config").isObject());
        JsonNode tr = root.get("data").get(0);
        assertEquals("scatter", tr.get("type").asText());
        assertEquals("markers", tr.get("mode").asText());
        for (int k = 0; k < T.length; k++) {
            assertTrue(tr.get("x").get(k).isNumber(), "x[" + k + "] is a number");
            assertEquals(T[k], tr.get("x").get(k).asDouble(), 0);
        }
        assertTrue(tr.get("y").get(0).isNumber());
        assertEquals(-0.065, tr.get("y").get(0).asDouble(), 0);
        assertEquals(-0.0649, tr.get("y").get(1).asDouble(), 0);
        assertTrue(tr.get("y").get(2).isNull(), "NaN is null");
        assertTrue(tr.get("y").get(3).isNull(), "Infinity is null");
        assertTrue(tr.get("marker").get("size").isNumber());
        assertEquals("#000000", tr.get("marker").get("color").asText());
        JsonNode layout = root.get("layout");
        assertEquals(
                "V<sub>m</sub> with random I(t)",
                layout.get("title").get("text").asText());
        assertEquals("time (s)", layout.get("xaxis").get("title").get("text").asText());
        assertEquals(
                "V<sub>m</sub> (V)",
                layout.get("yaxis").get("title").get("text").asText());
        assertEquals(700, layout.get("width").asInt());
        assertTrue(layout.get("width").isIntegralNumber());
        assertEquals(400, layout.get("height").asInt());
        assertFalse(layout.get("showlegend").asBoolean());
    }

    @Test
    void opacityIsANumberAndExactValuesRoundTrip() throws Exception {
        double[][] vN = {{1e-10, -0.06499999999999999}, {Math.PI, -Double.MIN_VALUE}};
        double[] t = {0, 1e-4};
        JsonNode root = parse(json(Plots.realizationLines(t, vN)));
        JsonNode tr = root.get("data").get(0);
        assertTrue(tr.get("opacity").isNumber());
        assertEquals(0.3, tr.get("opacity").asDouble(), 0);
        assertEquals("lines", tr.get("mode").asText());
        assertEquals(1e-10, tr.get("y").get(0).asDouble(), 0);
        assertEquals(-0.06499999999999999, tr.get("y").get(1).asDouble(), 0);
        assertEquals(Math.PI, root.get("data").get(1).get("y").get(0).asDouble(), 0);
        assertEquals(-Double.MIN_VALUE, root.get("data").get(1).get("y").get(1).asDouble(), 0);
        assertTrue(tr.get("line").get("width").isNumber());
    }

    @Test
    void markerAlphaIsANumber() throws Exception {
        double[][] vN = {{1, 2}, {3, 4}};
        JsonNode root = parse(json(Plots.figure()
                .addAll(new double[] {0, 1}, vN, Style.dots().alpha(0.1))
                .build()));
        JsonNode m = root.get("data").get(1).get("marker");
        assertTrue(m.get("opacity").isNumber());
        assertEquals(0.1, m.get("opacity").asDouble(), 0);
    }

    @Test
    void textSurvivesQuotesMarkupAmpersandsApostrophesAndNonAscii() throws Exception {
        PlotlyFigure f = Plots.figure()
                .title(NASTY)
                .xTitle(NASTY)
                .yTitle("V\u2098 (V)")
                .add(T, T, Style.line().label(NASTY))
                .build();
        JsonNode root = parse(json(f));
        assertEquals(NASTY, root.get("layout").get("title").get("text").asText());
        assertEquals(
                NASTY, root.get("layout").get("xaxis").get("title").get("text").asText());
        assertEquals(
                "V\u2098 (V)",
                root.get("layout").get("yaxis").get("title").get("text").asText());
        assertEquals(NASTY, root.get("data").get(0).get("name").asText());
        assertTrue(root.get("layout").get("showlegend").asBoolean());
    }

    @Test
    void numericLookingTitleStaysText() throws Exception {
        PlotlyFigure f =
                Plots.figure().title("1e3").add(T, T, Style.dots().label("42")).build();
        JsonNode root = parse(json(f));
        assertTrue(root.get("layout").get("title").get("text").isTextual());
        assertEquals("1e3", root.get("layout").get("title").get("text").asText());
        assertEquals("42", root.get("data").get(0).get("name").asText());
    }

    @Test
    void plainTablesawFiguresOfOtherKindsConvertToo() throws Exception {
        Figure bar = new Figure(
                Layout.builder("bars", "x", "y").build(),
                BarTrace.builder(new Object[] {"a", "b"}, new double[] {1.5, 2})
                        .opacity(0.5)
                        .build(),
                HistogramTrace.builder(new double[] {1, 2, 2, 3}).build());
        JsonNode root = parse(json(bar));
        JsonNode b = root.get("data").get(0);
        assertEquals("bar", b.get("type").asText());
        assertEquals("a", b.get("x").get(0).asText());
        assertTrue(b.get("y").get(0).isNumber());
        assertTrue(b.get("opacity").isNumber());
        assertEquals("histogram", root.get("data").get(1).get("type").asText());
        assertEquals("bars", root.get("layout").get("title").get("text").asText());
        assertEquals(800, root.get("layout").get("width").asInt());
    }

    @Test
    void axisRangeAndFigureWithoutLayout() throws Exception {
        Figure f = new Figure(
                Layout.builder()
                        .yAxis(Axis.builder().range(-0.08, -0.04).build())
                        .build(),
                ScatterTrace.builder(T, T).build());
        JsonNode y = parse(json(f)).get("layout").get("yaxis");
        assertEquals(-0.08, y.get("range").get(0).asDouble(), 0);
        assertTrue(y.get("range").get(0).isNumber());
        assertTrue(y.get("autorange").isBoolean());
        JsonNode bare = parse(json(new Figure(ScatterTrace.builder(T, T).build())));
        assertEquals(0, bare.get("layout").size());
        assertEquals(4, bare.get("data").get(0).get("x").size());
    }

    @Test
    void htmlSnippetEmbedsTheSameJsonSafelyAndDeclaresNoGlobals() throws Exception {
        PlotlyFigure f =
                Plots.figure().title(NASTY).add(T, V, Style.dots().label(NASTY)).build();
        FigureBundle b = FigureBundle.of(f);
        String html = b.html();
        // the only </script> is the closing tag; the nasty title cannot end the script or open a comment
        assertEquals(html.indexOf("</script>"), html.lastIndexOf("</script>"));
        assertFalse(html.contains("<!--"));
        Matcher m = Pattern.compile("var fig = (.*);\\n").matcher(html);
        assertTrue(m.find());
        JsonNode drawn = parse(m.group(1));
        assertEquals(parse(b.json()).get("layout"), drawn.get("layout"));
        assertEquals(-0.0649, drawn.get("data").get(0).get("y").get(1).asDouble(), 0);
        assertTrue(drawn.get("data").get(0).get("y").get(2).isNull());
        String script = html.substring(html.indexOf("<script"));
        assertTrue(script.contains("(function () {"), "everything inside one function scope");
        assertTrue(html.contains(PlotlyHtml.CDN));
        assertTrue(html.contains("nbextensions/lif-plotly/plotly"));
        assertTrue(html.contains("could not be loaded"));
        assertTrue(html.contains("width:700px"));
        String outside = script.replaceAll("(?s)\\(function \\(\\) \\{.*\\}\\)\\(\\);", "");
        assertFalse(outside.contains("var "), outside);
    }

    /** The doubles of a typed-array object ({@code dtype} f8 or f4, little-endian, base64). */
    static double[] decode(JsonNode typed) {
        byte[] bytes = java.util.Base64.getDecoder().decode(typed.get("bdata").asText());
        var buf = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        boolean f4 = typed.get("dtype").asText().equals("f4");
        double[] out = new double[bytes.length / (f4 ? 4 : 8)];
        for (int k = 0; k < out.length; k++) {
            out[k] = f4 ? buf.getFloat() : buf.getDouble();
        }
        return out;
    }

    @Test
    void bundleArraysAreExactFloat64AndTheHtmlCopyFloat32() throws Exception {
        double[] t = {0, 1, 2, 3, 4, 5, 6, 7};
        double[] v = {-0.0649923456789012, 1e-10, Double.NaN, 3, 4, 5, 6, 7e-300};
        FigureBundle b = FigureBundle.of(Plots.membranePotential("x", t, v));
        JsonNode y = parse(b.json()).get("data").get(0).get("y");
        assertEquals("f8", y.get("dtype").asText());
        double[] exact = decode(y);
        assertEquals(-0.0649923456789012, exact[0], 0);
        assertTrue(Double.isNaN(exact[2]), "NaN stays a gap");
        assertEquals(7e-300, exact[7], 0);
        Matcher m = Pattern.compile("var fig = (.*);\\n").matcher(b.html());
        assertTrue(m.find());
        JsonNode drawn = parse(m.group(1)).get("data").get(0);
        assertEquals("f8", drawn.get("y").get("dtype").asText(), "7e-300 does not fit a float: f8");
        assertEquals("f4", drawn.get("x").get("dtype").asText());
        assertEquals(5, decode(drawn.get("x"))[5], 0);
        double[] small = {0, 1, 2, 3, 4, 5, 6, 7};
        small[0] = -0.0649923456789012;
        JsonNode drawnY = parse(htmlJson(FigureBundle.of(Plots.membranePotential("x", t, small))))
                .get("data")
                .get(0)
                .get("y");
        assertEquals("f4", drawnY.get("dtype").asText());
        assertEquals(-0.0649923456789012, decode(drawnY)[0], 1e-9);
        // short arrays stay plain numbers
        assertTrue(parse(FigureBundle.of(Plots.membranePotential("x", T, T)).json())
                .get("data")
                .get(0)
                .get("y")
                .isArray());
    }

    static String htmlJson(FigureBundle b) {
        Matcher m = Pattern.compile("var fig = (.*);\\n").matcher(b.html());
        assertTrue(m.find());
        return m.group(1);
    }

    @Test
    void textSummaryIsOneLine() {
        double[][] vN = new double[3][T.length];
        PlotlyFigure six = Plots.figure()
                .title(Plots.REALIZATIONS_TITLE)
                .addAll(T, vN, Style.line())
                .add(T, T, Style.line())
                .add(T, T, Style.line())
                .add(T, T, Style.line())
                .build();
        FigureBundle b = FigureBundle.of(six);
        assertEquals("Figure \"Multiple realizations of Vm\": 6 traces, 24 points", b.text());
        assertEquals(b.text(), six.toString());
        assertFalse(FigureBundle.of(
                        Plots.figure().title("a\nb").add(T, T, Style.dots()).build())
                .text()
                .contains("\n"));
    }

    @Test
    void mismatchedLengthsNameBothArrays() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Plots.membranePotential("x", T, new double[3]));
        assertEquals("t has 4 values but v has 3: they must have the same length", e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> Plots.figure().addAll("t", T, "vN", new double[][] {new double[4], new double[5]}, Style.dots()));
        assertTrue(e.getMessage().startsWith("t has 4 values but vN[1] has 5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Plots.figure().add(T, new double[1], Style.dots()));
        assertTrue(e.getMessage().startsWith("x has 4 values but y has 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Style.dots().alpha(1.5));
        assertThrows(IllegalStateException.class, () -> Plots.figure().build());
    }

    @Test
    void labelsColoursAndOpacityReachTheTraces() throws Exception {
        double[][] vN = new double[5][T.length];
        JsonNode ex14 = parse(json(Plots.figure()
                .addAll(T, vN, Style.line().alpha(0.3).label("V(t)"))
                .add(T, T, Style.line().color(Plots.C0).alpha(0.8).label("mean"))
                .add(T, T, Style.dots().color(Plots.C7).alpha(0.8))
                .build()));
        assertEquals(7, ex14.get("data").size());
        assertEquals("V(t)", ex14.get("data").get(4).get("name").asText()); // the label on the last row only
        assertTrue(ex14.get("data").get(4).get("showlegend").asBoolean());
        assertFalse(ex14.get("data").get(3).get("showlegend").asBoolean());
        assertEquals("mean", ex14.get("data").get(5).get("name").asText());
        assertEquals(Plots.C0, ex14.get("data").get(5).get("line").get("color").asText());
        assertEquals(0.8, ex14.get("data").get(5).get("opacity").asDouble(), 0);
        assertEquals(
                Plots.C7, ex14.get("data").get(6).get("marker").get("color").asText());
        assertEquals(0.8, ex14.get("data").get(6).get("marker").get("opacity").asDouble(), 0);
        assertFalse(ex14.get("data").get(6).get("showlegend").asBoolean());
        assertTrue(ex14.get("layout").get("showlegend").asBoolean());
    }

    @Test
    void listsAsSeriesAsInTheOriginalsLoops() throws Exception {
        // Exercise 8: the potentials of all neurons at one step, against n copies of the step's time
        List<Double> vN = List.of(-0.06, -0.059, -0.058);
        JsonNode f = parse(json(Plots.figure()
                .add(java.util.Collections.nCopies(3, 0.004), vN, Style.dots().alpha(0.1))
                .build()));
        assertEquals(0.004, f.get("data").get(0).get("x").get(2).asDouble(), 0);
        assertEquals(-0.058, f.get("data").get(0).get("y").get(2).asDouble(), 0);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Plots.figure().add(List.of(1.0), vN, Style.dots()));
        assertEquals("x has 1 values but y has 3: they must have the same length", e.getMessage());
        List<Double> withNull = new java.util.ArrayList<>(vN);
        withNull.set(1, null);
        e = assertThrows(IllegalArgumentException.class, () -> Plots.figure().add(vN, withNull, Style.dots()));
        assertEquals("y[1] is null, not a number", e.getMessage());
    }
}
