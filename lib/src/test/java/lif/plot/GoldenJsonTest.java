package lif.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The figures' JSON, byte for byte: with decimal arrays the same as {@code golden-figures.jsonl} (written by
 * the previous figure code through Tablesaw and Jackson, and equal to it except for the slider step's
 * {@code frame} keys, which {@code Map.of} used to order at random); bundle JSON and HTML (but the div's
 * random id) the same on every call; the kernel's values write to the bundle's JSON.
 */
class GoldenJsonTest {

    static List<Object> figures() {
        double[] t = {0, 0.001, 0.002, 0.003};
        double[] v = {-0.065, -0.0649, Double.NaN, 1e-13};
        double[][] vN = {{1, 2, 3, 4}, {0.5, 0.25, 0.125, 0.1}};
        double[] mean = {0.75, 1.125, 1.5625, 2.05};
        double[] std = {0.1, 0.2, 0.3, 0.4};
        double[] upper = new double[4]; // mean + std
        double[] lower = new double[4]; // mean - std
        for (int k = 0; k < 4; k++) {
            upper[k] = mean[k] + std[k];
            lower[k] = mean[k] - std[k];
        }
        Style grey = Style.dots().color(Plots.C7).alpha(0.8);
        Style greyLine = Style.line().color(Plots.C7).alpha(0.8);
        return List.of(
                Plots.membranePotential("V<sub>m</sub> & \"q\" it's", t, v),
                // the figures the exercises build from the building blocks (Exercises 5, 10 and 14)
                Plots.figure()
                        .title("Synaptic input I(t)")
                        .xTitle(Plots.TIME_AXIS)
                        .yTitle("I (A)")
                        .add(t, v, Style.circles())
                        .add(t, mean, Style.line().color(Plots.C0).label("continuous I(t)"))
                        .build(),
                Plots.figure()
                        .title(Plots.REALIZATIONS_TITLE)
                        .xTitle(Plots.TIME_AXIS)
                        .yTitle(Plots.VM_AXIS)
                        .addAll("t", t, "vN", vN, Style.dots().alpha(0.1))
                        .add(
                                t,
                                mean,
                                Style.dots().color(Plots.C0).alpha(0.8).size(6).label("mean"))
                        .add(t, upper, grey)
                        .add(t, lower, grey.label("mean \u00b1 std"))
                        .build(),
                Plots.figure()
                        .title(Plots.REALIZATIONS_TITLE)
                        .xTitle(Plots.TIME_AXIS)
                        .yTitle(Plots.VM_AXIS)
                        .addAll("t", t, "vN", vN, Style.line().alpha(0.3).label("V(t)"))
                        .add(t, mean, Style.line().color(Plots.C0).alpha(0.8).label("mean"))
                        .add(t, upper, greyLine)
                        .add(t, lower, greyLine.label("mean \u00b1 std"))
                        .build(),
                Plots.figure()
                        .xTitle("dt")
                        .yTitle("err")
                        .xLog()
                        .yLog()
                        .add(t, mean, Style.line().color("#d62728").label("x"))
                        .size(500, 300)
                        .build(),
                Plots.heatmap(
                        "C(t, s)",
                        new double[] {1, 2},
                        new double[] {3, 4, 5},
                        new double[][] {{1, 2}, {3, 4}, {5, 6.5}},
                        "t (s)",
                        "s (s)"),
                Plots.slider(
                        "I (pA)",
                        new double[] {100, 250.5},
                        pA -> Plots.figure()
                                .title("I = " + pA)
                                .xTitle(Plots.TIME_AXIS)
                                .yTitle(Plots.VM_AXIS)
                                .add(t, new double[] {pA, 2, 3, 4}, Style.line())
                                .build()));
    }

    @Test
    void sameBytesAsTheGoldenFileAndOnEveryRun() throws IOException {
        String golden;
        try (InputStream in = GoldenJsonTest.class.getResourceAsStream("golden-figures.jsonl")) {
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String[] lines = golden.split("\n");
        List<Object> figures = figures();
        assertEquals(lines.length, figures.size());
        List<Object> again = figures();
        for (int k = 0; k < lines.length; k++) {
            assertEquals(lines[k], PlotlyJson.write((PlotlyFigure) figures.get(k)), "figure " + k);
            assertEquals(lines[k], PlotlyJson.write((PlotlyFigure) again.get(k)), "figure " + k + ", built again");
            assertEquals(
                    FigureBundle.of(figures.get(k)).json(),
                    FigureBundle.of(again.get(k)).json(),
                    "bundle " + k);
            assertEquals(
                    FigureBundle.of(figures.get(k)).html().replaceAll("lif-plot-[0-9a-f-]+", "ID"),
                    FigureBundle.of(again.get(k)).html().replaceAll("lif-plot-[0-9a-f-]+", "ID"),
                    "html " + k);
        }
    }

    @Test
    void kernelValuesWriteToTheSameBytes() {
        // what a kernel's JSON writer gets: Jackson (as Gson) prints doubles with Double.toString
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        for (Object f : figures()) {
            FigureBundle b = FigureBundle.of(f);
            try {
                assertEquals(b.json(), mapper.writeValueAsString(b.plotlyJson()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new AssertionError(e);
            }
        }
    }
}
