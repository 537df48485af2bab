package lif.plot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The pinned plotly.js ({@link PlotlyHtml#PLOTLY_VERSION}): the official minified cartesian bundle
 * ({@code plotly-cartesian.min.js} of the npm package {@code plotly.js-cartesian-dist-min}, 1.36 MB: traces
 * scatter, bar, box, heatmap, histogram, histogram2d(contour), contour, image, pie, violin, scatterternary;
 * log axes, sliders and animation frames are in plotly's core), packed into this library's jar by the build.
 *
 * <p>Command line (the one way this project copies plotly.js out of the jar: {@code bin/install-kernel} and the
 * test tools run it too):
 * <pre>java -cp lif.jar lif.plot.PlotlyJs JUPYTER_DATA_DIR
 *java -cp lif.jar lif.plot.PlotlyJs --to FILE</pre>
 * writes {@code JUPYTER_DATA_DIR/nbextensions/lif-plotly/plotly.js} (or FILE), prints its path, exits 0
 * (2 on bad arguments, 1 when the file is missing or cannot be written).
 */
public final class PlotlyJs {

    /** Resource path of plotly.js inside the library jar (see lib/pom.xml). */
    public static final String RESOURCE = "lif/plot/plotly-" + PlotlyHtml.PLOTLY_VERSION + "/" + PlotlyHtml.PLOTLY_FILE;

    private PlotlyJs() {}

    /** Opens plotly.js from the classpath. @throws IllegalStateException when it is missing */
    public static InputStream open() {
        InputStream in = PlotlyJs.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("plotly.js " + PlotlyHtml.PLOTLY_VERSION + " is not on the classpath ("
                    + RESOURCE + "): build the library with Maven (lib/pom.xml packs it)");
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
        Path target =
                jupyterDataDir.resolve("nbextensions").resolve("lif-plotly").resolve("plotly.js");
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
        boolean toFile = args.length == 2 && args[0].equals("--to");
        if (!toFile && (args.length != 1 || args[0].startsWith("-"))) {
            System.err.println("usage: java -cp <lif jar> lif.plot.PlotlyJs JUPYTER_DATA_DIR | --to FILE");
            System.exit(2);
        }
        try {
            System.out.println(toFile ? copyTo(Path.of(args[1])) : installNbextension(Path.of(args[0])));
        } catch (RuntimeException e) {
            System.err.println("lif.plot.PlotlyJs: " + e.getMessage());
            System.exit(1);
        }
    }
}
