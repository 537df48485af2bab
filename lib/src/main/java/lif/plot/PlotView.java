package lif.plot;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import tech.tablesaw.plotly.components.Figure;

/**
 * A figure to show: what {@link Plots#show(Figure)} and {@link Plots#slider} return. Left as the last
 * expression of a cell, it renders as an interactive plot through the kernel adapters; {@link #toString()}
 * is the one-line summary. A slider figure also carries plotly animation frames and a slider (plotly JSON
 * that tablesaw does not model), added to the figure's plotly JSON by {@link FigureBundle}.
 */
public final class PlotView {
  private final Figure figure;
  private final List<Map<String, Object>> frames;
  private final Map<String, Object> layoutExtras;

  PlotView(Figure figure) {
    this(figure, List.of(), Map.of());
  }

  PlotView(Figure figure, List<Map<String, Object>> frames, Map<String, Object> layoutExtras) {
    this.figure = Objects.requireNonNull(figure, "figure");
    this.frames = List.copyOf(frames);
    this.layoutExtras = Map.copyOf(layoutExtras);
  }

  /** The Tablesaw figure shown (for a slider figure: the first frame's figure). */
  public Figure figure() {
    return figure;
  }

  /** Plotly animation frames, as plain JSON values (empty unless a slider figure). */
  public List<Map<String, Object>> frames() {
    return frames;
  }

  /** Layout entries added to the figure's layout (e.g. {@code sliders}), as plain JSON values. */
  public Map<String, Object> layoutExtras() {
    return layoutExtras;
  }

  /** The MIME bundle (plotly JSON, HTML, text). */
  public FigureBundle bundle() {
    return FigureBundle.of(this);
  }

  @Override
  public String toString() {
    return bundle().text();
  }
}
