package lif.display.ijava;

import io.github.spencerpark.jupyter.kernel.display.Renderer;
import lif.plot.FigureBundle;
import lif.plot.PlotlyFigure;
import tech.tablesaw.plotly.components.Figure;

/**
 * IJava 1.3.0 (and any kernel built on {@code io.github.spencerpark:jupyter-jvm-basekernel} 2.x):
 * registers the figure renderer. In IJava's startup script ({@code IJAVA_STARTUP_SCRIPT}):
 * <pre>lif.display.ijava.IJavaDisplay.register(getKernelInstance().getRenderer());</pre>
 */
public final class IJavaDisplay {

    private IJavaDisplay() {}

    /** Makes {@link PlotlyFigure} and a Tablesaw {@link Figure} render as plotly JSON, HTML and a text summary. */
    public static void register(Renderer renderer) {
        // one registration per type: createRegistration(Object.class) would claim every object
        for (Class<?> type : new Class<?>[] {PlotlyFigure.class, Figure.class}) {
            renderer.createRegistration(type)
                    .preferring(FigureBundle.MIME_PLOTLY, FigureBundle.MIME_HTML)
                    .supporting(FigureBundle.MIME_PLOTLY, FigureBundle.MIME_HTML, FigureBundle.MIME_TEXT)
                    .register((o, ctx) -> {
                        FigureBundle b = FigureBundle.of(o);
                        ctx.renderIfRequested(mime(FigureBundle.MIME_PLOTLY), () -> b.plotlyJson());
                        ctx.renderIfRequested(mime(FigureBundle.MIME_HTML), () -> b.html());
                        ctx.renderIfRequested(mime(FigureBundle.MIME_TEXT), () -> b.text());
                    });
        }
    }

    private static io.github.spencerpark.jupyter.kernel.display.mime.MIMEType mime(String s) {
        return io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.parse(s);
    }
}
