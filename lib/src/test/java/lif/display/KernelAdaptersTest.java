package lif.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import lif.display.ijava.IJavaDisplay;
import lif.display.jjava.JJavaExtension;
import lif.plot.FigureBundle;
import lif.plot.PlotlyFigure;
import lif.plot.Plots;
import org.junit.jupiter.api.Test;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.traces.ScatterTrace;

class KernelAdaptersTest {
    static final double[] T = {0, 0.001, 0.002};
    static final PlotlyFigure FIG =
            Plots.membranePotential("V<sub>m</sub> \"test\"", T, new double[] {-0.07, -0.069, Double.NaN});

    static void assertBundle(Object plotly, Object html, Object text) {
        assertInstanceOf(Map.class, plotly, "plotly JSON is an object, not a string");
        assertTrue(((Map<?, ?>) plotly).containsKey("data"));
        assertInstanceOf(String.class, html);
        assertTrue(((String) html).contains("<script"));
        assertEquals("Figure \"Vm \"test\"\": 1 trace, 3 points", text);
    }

    @Test
    void ijavaRendererRegistration() throws Exception {
        var renderer = new io.github.spencerpark.jupyter.kernel.display.Renderer();
        IJavaDisplay.register(renderer);
        var d = renderer.render(FIG);
        var mt = (java.util.function.Function<String, io.github.spencerpark.jupyter.kernel.display.mime.MIMEType>)
                s -> io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.parse(s);
        assertBundle(
                d.getData(mt.apply(FigureBundle.MIME_PLOTLY)),
                d.getData(mt.apply("text/html")),
                d.getData(mt.apply("text/plain")));
        var v = renderer.render(new Figure(ScatterTrace.builder(T, T).build()));
        assertTrue(v.hasDataForType(mt.apply(FigureBundle.MIME_PLOTLY)));
        // other objects are not taken over
        var s = renderer.render("hello");
        assertFalse(s.hasDataForType(mt.apply(FigureBundle.MIME_PLOTLY)));
        assertNotEquals(null, s.getData(mt.apply("text/plain")));
    }

    @Test
    void jjavaExtensionIsAServiceAndRegisters() throws Exception {
        List<org.dflib.jjava.jupyter.Extension> found = new ArrayList<>();
        ServiceLoader.load(org.dflib.jjava.jupyter.Extension.class).forEach(found::add);
        assertTrue(found.stream().anyMatch(e -> e instanceof JJavaExtension));
        var renderer = new org.dflib.jjava.jupyter.kernel.display.Renderer();
        JJavaExtension.register(renderer);
        var d = renderer.render(FIG);
        var mt = (java.util.function.Function<String, org.dflib.jjava.jupyter.kernel.display.mime.MIMEType>)
                s -> org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.parse(s);
        assertBundle(
                d.getData(mt.apply(FigureBundle.MIME_PLOTLY)),
                d.getData(mt.apply("text/html")),
                d.getData(mt.apply("text/plain")));
        assertFalse(renderer.render(42).hasDataForType(mt.apply(FigureBundle.MIME_PLOTLY)));
    }

    @Test
    void userFacingTypesNeedNoKernel() throws Exception {
        // lif.plot must load without any kernel class: check its classes' references by name
        for (Class<?> c : new Class<?>[] {
            Plots.class,
            lif.plot.PlotlyFigure.class,
            FigureBundle.class,
            lif.plot.PlotBuilder.class,
            lif.plot.Style.class,
            lif.plot.PlotlyJson.class,
            lif.plot.PlotlyHtml.class,
            lif.plot.PlotlyJs.class,
            lif.plot.PlotlyObject.class,
            lif.plot.tablesaw.TablesawFigures.class
        }) {
            String path = c.getName().replace('.', '/') + ".class";
            byte[] bytes;
            try (var in = c.getClassLoader().getResourceAsStream(path)) {
                bytes = in.readAllBytes();
            }
            String constants = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
            assertFalse(constants.contains("org/rapaio"), c.getName());
            assertFalse(constants.contains("io/github/spencerpark"), c.getName());
            assertFalse(constants.contains("org/dflib"), c.getName());
        }
    }
}
