package lif.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotlyJsTest {
    @Test
    void installsThePinnedPlotlyJsAsAnNbextension(@TempDir Path dir) throws Exception {
        Path js = PlotlyJs.installNbextension(dir);
        assertEquals(dir.resolve("nbextensions/lif-plotly/plotly.js"), js);
        // the small bundle (the full plotly.js-dist is 10.8 MB), of the version the pom pins
        assertTrue(Files.size(js) < 1_500_000, "size of " + PlotlyHtml.PLOTLY_FILE + ": " + Files.size(js));
        String text = Files.readString(js, StandardCharsets.UTF_8);
        assertTrue(
                text.substring(0, 200).contains("plotly.js (cartesian - minified) v" + PlotlyHtml.PLOTLY_VERSION),
                text.substring(0, 200));
        assertTrue(PlotlyHtml.PLOTLY_VERSION.matches("\\d+\\.\\d+\\.\\d+"), PlotlyHtml.PLOTLY_VERSION);
        // every trace type and component the notebooks use is registered in this bundle
        for (String module : new String[] {
            "moduleType:\"trace\",name:\"scatter\"",
            "moduleType:\"trace\",name:\"heatmap\"",
            "moduleType:\"trace\",name:\"histogram\"",
            "moduleType:\"trace\",name:\"bar\"",
            "moduleType:\"trace\",name:\"box\"",
            "name:\"sliders\"",
            "\"log\""
        }) {
            assertTrue(text.contains(module), module);
        }
        PlotlyJs.installNbextension(dir); // again: overwrites
        assertTrue(Files.exists(js));
    }

    @Test
    void kernelJsPreloadsTheSameFileUnderTheSameModuleNameAsTheFigures() throws Exception {
        String js;
        try (var in = PlotlyJsTest.class.getClassLoader().getResourceAsStream("lif/plot/kernel.js")) {
            js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String html = FigureBundle.of(Plots.membranePotential("x", new double[] {0}, new double[] {0}))
                .html();
        for (String shared : new String[] {
            "\"" + PlotlyHtml.CDN + "\"",
            "nbextensions/lif-plotly/plotly\"",
            "\"lif-plotly\"",
            "window.__lifPlotly",
            "document.body.dataset.baseUrl"
        }) {
            assertTrue(js.contains(shared), "kernel.js: " + shared);
            assertTrue(html.contains(shared), "figure HTML: " + shared);
        }
        assertTrue(js.contains("onload: function"), "a kernel.js module with onload");
    }
}
