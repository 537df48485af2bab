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
    assertTrue(Files.size(js) > 3_000_000, "full plotly.js bundle");
    byte[] head = new byte[400];
    try (var in = Files.newInputStream(js)) {
      in.readNBytes(head, 0, head.length);
    }
    assertTrue(new String(head, StandardCharsets.UTF_8).contains("v2.35.3"));
    PlotlyJs.installNbextension(dir); // again: overwrites
    assertTrue(Files.exists(js));
  }
}
