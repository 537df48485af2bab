package lif.plot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The pinned plotly.js {@value PlotlyHtml#PLOTLY_VERSION}, from the webjar
 * {@code org.webjars.npm:plotly.js-dist} on the classpath.
 *
 * <p>Command line (used by the kernel installer):
 * <pre>java -cp lif.jar:plotly.js-dist-2.35.3.jar lif.plot.PlotlyJs JUPYTER_DATA_DIR</pre>
 * writes {@code JUPYTER_DATA_DIR/nbextensions/lif-plotly/plotly.js}, prints its path, exits 0
 * (2 on bad arguments, 1 when the webjar is missing or the file cannot be written).
 */
public final class PlotlyJs {

  /** Resource path of plotly.js inside the webjar. */
  public static final String RESOURCE =
      "META-INF/resources/webjars/plotly.js-dist/" + PlotlyHtml.PLOTLY_VERSION + "/plotly.js";

  private PlotlyJs() {}

  /** Opens plotly.js from the classpath. @throws IllegalStateException when the webjar is missing */
  public static InputStream open() {
    InputStream in = PlotlyJs.class.getClassLoader().getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException("plotly.js " + PlotlyHtml.PLOTLY_VERSION + " is not on the classpath ("
          + RESOURCE + "): add org.webjars.npm:plotly.js-dist:" + PlotlyHtml.PLOTLY_VERSION);
    }
    return in;
  }

  /**
   * Copies plotly.js to {@code <jupyterDataDir>/nbextensions/lif-plotly/plotly.js}, where classic
   * Notebook 6 serves it as {@code <base_url>nbextensions/lif-plotly/plotly.js} when {@code jupyterDataDir}
   * is on {@code JUPYTER_PATH} (or is the user's Jupyter data dir). Overwrites an older copy.
   *
   * @return the file written
   */
  public static Path installNbextension(Path jupyterDataDir) {
    Path target = jupyterDataDir.resolve("nbextensions").resolve("lif-plotly").resolve("plotly.js");
    return copyTo(target);
  }

  /** Copies plotly.js to {@code target} (parent folders created). @return target */
  public static Path copyTo(Path target) {
    try (InputStream in = open()) {
      Files.createDirectories(target.toAbsolutePath().getParent());
      Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), "plotly", ".tmp");
      Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  public static void main(String[] args) {
    if (args.length != 1 || args[0].startsWith("-")) {
      System.err.println("usage: java -cp <lif jar>:<plotly.js-dist jar> lif.plot.PlotlyJs JUPYTER_DATA_DIR");
      System.exit(2);
    }
    try {
      System.out.println(installNbextension(Path.of(args[0])));
    } catch (RuntimeException e) {
      System.err.println("lif.plot.PlotlyJs: " + e.getMessage());
      System.exit(1);
    }
  }
}
