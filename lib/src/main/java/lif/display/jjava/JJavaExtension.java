package lif.display.jjava;

import lif.plot.FigureBundle;
import lif.plot.PlotlyFigure;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import tech.tablesaw.plotly.components.Figure;

/**
 * JJava extension (found through {@code META-INF/services/org.dflib.jjava.jupyter.Extension} when the jar
 * is on {@code JJAVA_CLASSPATH} or added with {@code %jars}): {@link PlotlyFigure} and a Tablesaw {@link Figure} render as
 * plotly JSON, HTML and a text summary.
 */
public final class JJavaExtension implements Extension {

    @Override
    public void install(BaseKernel kernel) {
        register(kernel.getRenderer());
    }

    /** Registers the renderer on a JJava {@link Renderer}. */
    public static void register(Renderer renderer) {
        // one registration per type: createRegistration(Object.class) would claim every object
        for (Class<?> type : new Class<?>[] {PlotlyFigure.class, Figure.class}) {
            renderer.createRegistration(type)
                    .preferring(FigureBundle.MIME_PLOTLY, FigureBundle.MIME_HTML)
                    .supporting(FigureBundle.MIME_PLOTLY, FigureBundle.MIME_HTML, FigureBundle.MIME_TEXT)
                    .register((o, ctx) -> {
                        FigureBundle b = FigureBundle.of(o);
                        ctx.renderIfRequested(MIMEType.parse(FigureBundle.MIME_PLOTLY), () -> b.plotlyJson());
                        ctx.renderIfRequested(MIMEType.parse(FigureBundle.MIME_HTML), () -> b.html());
                        ctx.renderIfRequested(MIMEType.parse(FigureBundle.MIME_TEXT), () -> b.text());
                    });
        }
    }
}
