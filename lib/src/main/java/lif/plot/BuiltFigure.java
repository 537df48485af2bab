package lif.plot;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.Trace;

/**
 * A figure made by {@link PlotBuilder}: an ordinary Tablesaw {@link Figure} that also remembers, for each
 * scatter trace it was built with, the arrays and {@link Style} behind it. {@link PlotlyJson} then writes
 * those traces' plotly JSON straight from the arrays instead of rendering tablesaw's template for each trace
 * and reading the script back (about 2 ms per trace, 0.1 s for a 50-neuron figure). The result is the same
 * JSON, which the tests assert. A trace swapped in later with {@link Figure#setTraces} is not known here and
 * takes tablesaw's path.
 */
final class BuiltFigure extends Figure {

  /** What {@link PlotBuilder} made one trace from. */
  record Series(double[] x, double[] y, Style style, String name, boolean inLegend) {}

  private final Map<Trace, Series> series = new IdentityHashMap<>();

  BuiltFigure(Layout layout, List<Trace> traces, Map<Trace, Series> series) {
    super(layout, traces.toArray(new Trace[0]));
    this.series.putAll(series);
  }

  /** The plotly form of {@code trace} (a new map each call), or null for a trace this figure did not build. */
  Map<String, Object> plotly(Trace trace) {
    Series s = series.get(trace);
    return s == null ? null : toMap(s);
  }

  /**
   * Exactly what {@link PlotlyJson} reads back from tablesaw-jsplot 0.44.4's scatter template for the
   * settings {@link PlotBuilder} uses, key order included.
   */
  static Map<String, Object> toMap(Series s) {
    Style st = s.style();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("x", numbers(s.x()));
    m.put("y", numbers(s.y()));
    m.put("showlegend", s.inLegend());
    if (st.kind() == Style.Kind.MARKERS) {
      Map<String, Object> marker = new LinkedHashMap<>();
      marker.put("size", PlotlyJson.number(st.size()));
      marker.put("color", st.color());
      marker.put("symbol", "circle");
      if (st.alpha() < 1) {
        marker.put("opacity", PlotlyJson.number(st.alpha()));
      }
      m.put("marker", marker);
      m.put("mode", "markers");
    } else {
      m.put("mode", "lines");
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("color", st.color());
      line.put("dash", "solid");
      line.put("shape", "linear");
      line.put("simplify", false);
      line.put("smoothing", 1L);
      line.put("width", PlotlyJson.number(st.size()));
      m.put("line", line);
      if (st.alpha() < 1) {
        m.put("opacity", PlotlyJson.number(st.alpha()));
      }
    }
    m.put("xaxis", "x");
    m.put("yaxis", "y");
    m.put("type", "scatter");
    if (s.name() != null && !s.name().isEmpty()) {
      m.put("name", s.name());
    }
    return m;
  }

  private static List<Object> numbers(double[] values) {
    List<Object> out = new ArrayList<>(values.length);
    for (double d : values) {
      out.add(PlotlyJson.number(d));
    }
    return out;
  }
}
