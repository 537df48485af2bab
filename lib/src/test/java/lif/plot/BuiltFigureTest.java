package lif.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/** The direct plotly JSON of builder-made traces is exactly what tablesaw's template path gives. */
class BuiltFigureTest {

  static final double[] T = {0, 0.001, 0.002, 0.003, 1e15, 123456789.123};
  static final double[] V = {-0.065, -0.0649, Double.NaN, Double.POSITIVE_INFINITY, -0.0, 4.9e-324};
  static final double[][] VN = {{1, 2, 3, 4, 5, 6}, {-1e-300, Math.PI, Double.NEGATIVE_INFINITY, 0.1 + 0.2, 2e15, 7}};

  /** The same figure as a plain Tablesaw figure: every trace goes through tablesaw's template. */
  static Map<String, Object> viaTablesaw(Figure f) {
    return PlotlyJson.toMap(new Figure(f.getLayout(), f.getConfig(), f.getTraces()));
  }

  static void assertSameAsTablesaw(Figure f) {
    assertTrue(f instanceof BuiltFigure, "the builder makes a BuiltFigure");
    for (Trace t : f.getTraces()) {
      assertNotNull(((BuiltFigure) f).plotly(t), "every builder trace is known");
    }
    Map<String, Object> direct = PlotlyJson.toMap(f);
    Map<String, Object> slow = viaTablesaw(f);
    assertEquals(slow, direct);
    assertEquals(PlotlyJson.write(slow), PlotlyJson.write(direct), "same JSON text, key order included");
  }

  @Test
  void everyStyleAndValueKindMatchesTablesawsOutput() {
    for (Style base : List.of(Style.dots(), Style.circles(), Style.line())) {
      for (Style s : List.of(base, base.alpha(0.1), base.alpha(0.8).size(6), base.size(2.5).color("rgb(1,2,3)"),
          base.label(PlotlyJsonTest.NASTY), base.label("42").alpha(0), base.label(""), base.color("#1f77b4").label("mean"))) {
        assertSameAsTablesaw(Plots.figure().title("t").add(T, V, s).build());
        assertSameAsTablesaw(Plots.figure().addAll("t", T, "vN", VN, s).add(T, T, s).xLog().build());
      }
    }
  }

  @Test
  void tutorialFiguresMatchTablesawsOutput() {
    double[] mean = {1, 2, 3, 4, 5, 6};
    double[] std = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6};
    assertSameAsTablesaw(Plots.current(T, V));
    assertSameAsTablesaw(Plots.current(T, V, T, T));
    assertSameAsTablesaw(Plots.membranePotential("V", T, V));
    assertSameAsTablesaw(Plots.membranePotentialLine("V", T, V));
    assertSameAsTablesaw(Plots.realizations(T, VN));
    assertSameAsTablesaw(Plots.realizations(T, VN, mean, null));
    assertSameAsTablesaw(Plots.realizations(T, VN, mean, std));
    assertSameAsTablesaw(Plots.realizationLines(T, VN));
    assertSameAsTablesaw(Plots.realizationLines(T, VN, mean, std));
  }

  @Test
  void tracesAddedAsIsOrSwappedInLaterTakeTablesawsPath() {
    ScatterTrace own = ScatterTrace.builder(T, T).name("own").build();
    Figure f = Plots.figure().add(T, V, Style.dots()).trace(own).build();
    assertNull(((BuiltFigure) f).plotly(own));
    assertEquals(viaTablesaw(f), PlotlyJson.toMap(f));

    Figure g = Plots.membranePotential("V", T, V);
    g.setTraces(ScatterTrace.builder(T, V).name("swapped").build());
    @SuppressWarnings("unchecked")
    Map<String, Object> trace = (Map<String, Object>) ((List<Object>) PlotlyJson.toMap(g).get("data")).get(0);
    assertEquals("swapped", trace.get("name"));
    assertEquals(viaTablesaw(g), PlotlyJson.toMap(g));
  }

  @Test
  void eachCallGivesAFreshMapAndTheCallersArraysAreCopied() {
    double[] v = V.clone();
    Figure f = Plots.membranePotential("V", T, v);
    v[0] = 42;
    @SuppressWarnings("unchecked")
    List<Object> data = (List<Object>) PlotlyJson.toMap(f).get("data");
    @SuppressWarnings("unchecked")
    List<Object> y = (List<Object>) ((Map<String, Object>) data.get(0)).get("y");
    assertEquals(-0.065, y.get(0));
    y.set(0, 7.0);
    assertEquals(viaTablesaw(f), PlotlyJson.toMap(f));
  }
}
