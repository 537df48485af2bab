package lif.display.rapaio;

import java.util.List;
import java.util.Map;
import lif.plot.FigureBundle;
import lif.plot.PlotlyFigure;
import org.rapaio.jupyter.kernel.display.DisplayData;
import org.rapaio.jupyter.kernel.display.DisplayRenderer;
import org.rapaio.jupyter.kernel.display.DisplayTransformer;
import org.rapaio.jupyter.kernel.display.spi.DisplayProvider;
import tech.tablesaw.plotly.components.Figure;

/**
 * rapaio-jupyter-kernel plug-in (found through {@code META-INF/services}): a {@link PlotlyFigure} or a
 * Tablesaw {@link Figure} left as a cell's last expression, or passed to {@code display(...)}, shows as an
 * interactive plot, with {@code application/vnd.plotly.v1+json}, {@code text/html} and {@code text/plain}.
 */
public final class RapaioDisplayProvider implements DisplayProvider {

  @Override
  public List<DisplayRenderer> getDisplayRenderers() {
    return List.of(new FigureRenderer(PlotlyFigure.class), new FigureRenderer(Figure.class));
  }

  @Override
  public List<DisplayTransformer> getDisplayTransformers() {
    return List.of();
  }

  /** Renders one class; {@code mime == null} (last expression, {@code display(o)}) gives all three types. */
  static final class FigureRenderer implements DisplayRenderer {
    private final Class<?> type;

    FigureRenderer(Class<?> type) {
      this.type = type;
    }

    @Override
    public Class<?> rendererClass() {
      return type;
    }

    @Override
    public boolean canRender(String mime) {
      return mime == null
          || FigureBundle.MIME_PLOTLY.equals(mime)
          || FigureBundle.MIME_HTML.equals(mime)
          || FigureBundle.MIME_TEXT.equals(mime);
    }

    @Override
    public DisplayData render(String mime, Object o) {
      FigureBundle bundle = FigureBundle.of(o);
      Data d = new Data();
      for (Map.Entry<String, Object> e : bundle.asMimeMap().entrySet()) {
        if (mime == null || mime.equals(e.getKey())) {
          d.putData(e.getKey(), e.getValue());
        }
      }
      return d;
    }
  }

  /** DisplayData's constructor is protected. */
  private static final class Data extends DisplayData {
    Data() {
      super();
    }
  }
}
