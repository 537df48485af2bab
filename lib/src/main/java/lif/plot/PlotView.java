package lif.plot;

import java.util.Objects;
import tech.tablesaw.plotly.components.Figure;

/**
 * A figure to show: what {@link Plots#show(Figure)} returns. Left as the last expression of a cell, it
 * renders as an interactive plot through the kernel adapters; {@link #toString()} is the one-line summary.
 */
public final class PlotView {
  private final Figure figure;

  PlotView(Figure figure) {
    this.figure = Objects.requireNonNull(figure, "figure");
  }

  /** The Tablesaw figure shown. */
  public Figure figure() {
    return figure;
  }

  /** The MIME bundle (plotly JSON, HTML, text). */
  public FigureBundle bundle() {
    return FigureBundle.of(figure);
  }

  @Override
  public String toString() {
    return bundle().text();
  }
}
