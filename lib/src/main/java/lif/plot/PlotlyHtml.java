package lif.plot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.UUID;

/**
 * The {@code text/html} snippet that draws a figure with the pinned plotly.js ({@link #PLOTLY_VERSION}): the
 * official minified cartesian bundle ({@link #PLOTLY_FILE} of the npm package {@link #PLOTLY_PACKAGE}), one file for
 * the nbextension, the HTML export and the CDN. The three are set once, in the root {@code pom.xml}, and reach
 * this class through the resource {@code lif/plot/plotly.properties}.
 *
 * <p>Loading rules (the snippet declares no global but {@code window.__lifPlotly}, a Promise shared by
 * every figure of the page so plotly.js loads at most once; in classic Notebook the kernelspec's
 * {@code kernel.js}, resource {@code lif/plot/kernel.js}, starts that same load when the page opens):
 * <ol>
 *   <li>{@code window.Plotly} is already there: use it. This is the case of the offline HTML export
 *       ({@code tests/liftests/html_export.py} puts plotly.js in the page head, before require.js) and of any page
 *       that loaded plotly.js before.</li>
 *   <li>require.js is there (classic Notebook 6, or nbconvert's online HTML): AMD module
 *       {@code lif-plotly} from {@code <base_url>nbextensions/lif-plotly/plotly.js} (the copy that
 *       {@link PlotlyJs#installNbextension} puts in the Jupyter data dir; base_url read from
 *       {@code document.body.dataset.baseUrl}), with the pinned CDN copy {@link #CDN} as fallback.
 *       A plain script tag would not do here: plotly's UMD registers an anonymous AMD module and never
 *       sets window.Plotly.</li>
 *   <li>otherwise (JupyterLab 4 / Notebook 7 trusted output, HTML without require.js): one
 *       {@code <script src>} of the pinned CDN copy per page.</li>
 * </ol>
 * When plotly.js cannot be had (load error, or nothing after {@value #TIMEOUT_MS} ms), the plot's div
 * shows a readable message instead of staying blank. The drawn div carries
 * {@code data-lif-state="drawn"} (or {@code "failed"}), which the browser tests read.
 */
public final class PlotlyHtml {

    private static final Properties PINNED = pinned();
    /** The pinned plotly.js version, e.g. {@code 2.35.3}. */
    public static final String PLOTLY_VERSION = PINNED.getProperty("version");
    /** The npm package whose one file is plotly.js everywhere: nbextension, HTML export and CDN. */
    public static final String PLOTLY_PACKAGE = PINNED.getProperty("package");
    /** That file's name in the package, e.g. {@code plotly-cartesian.min.js}. */
    public static final String PLOTLY_FILE = PINNED.getProperty("file");
    /**
     * The same file from jsDelivr's mirror of the npm registry (online only: Binder, JupyterLab, exported HTML
     * with network); without {@code .js}, as require.js paths are written.
     */
    public static final String CDN = "https://cdn.jsdelivr.net/npm/" + PLOTLY_PACKAGE + "@" + PLOTLY_VERSION + "/"
            + PLOTLY_FILE.substring(0, PLOTLY_FILE.length() - 3);

    public static final int TIMEOUT_MS = 20000;
    /** The text shown in the plot's div when plotly.js cannot load. */
    public static final String FAILURE_MESSAGE = "Plotly.js could not be loaded (offline?) \u2014 the figure "
            + "data is in the application/vnd.plotly.v1+json output";

    private PlotlyHtml() {}

    private static Properties pinned() {
        Properties p = new Properties();
        try (InputStream in = PlotlyHtml.class.getResourceAsStream("plotly.properties")) {
            if (in == null) {
                throw new IllegalStateException(
                        "lif/plot/plotly.properties is not on the classpath: build the library with Maven");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /**
     * The snippet for a figure given as strict plotly JSON text (as {@link PlotlyJson#write(PlotlyFigure)}),
     * its div sized {@code width} x {@code height} pixels when they are numbers (the layout's).
     */
    public static String snippet(String figureJson, Object w, Object h) {
        String id = "lif-plot-" + UUID.randomUUID();
        StringBuilder style = new StringBuilder();
        if (w instanceof Number) {
            style.append("width:").append(((Number) w).longValue()).append("px;max-width:100%;");
        }
        if (h instanceof Number) {
            style.append("height:").append(((Number) h).longValue()).append("px;");
        }
        return "<div id=\"" + id + "\" class=\"lif-plot\" style=\"" + style + "\"></div>\n"
                + "<script type=\"text/javascript\">\n"
                + "(function () {\n"
                + "  var fig = " + scriptSafe(figureJson) + ";\n"
                + "  var div = document.getElementById(\"" + id + "\");\n"
                + LOADER
                + "})();\n"
                + "</script>\n";
    }

    /**
     * JSON made safe inside a script element: {@code <}, {@code >}, {@code &} and the JavaScript line
     * separators U+2028/U+2029 as unicode escapes. In JSON they can only occur inside strings, where the
     * escape means the same character.
     */
    static String scriptSafe(String json) {
        StringBuilder out = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<':
                    out.append("\\u003c");
                    break;
                case '>':
                    out.append("\\u003e");
                    break;
                case '&':
                    out.append("\\u0026");
                    break;
                case '\u2028':
                    out.append("\\u2028");
                    break;
                case '\u2029':
                    out.append("\\u2029");
                    break;
                default:
                    out.append(c);
            }
        }
        return out.toString();
    }

    private static final String LOADER = String.join(
            "\n",
            "  if (!div) { return; }",
            "  var CDN = \"" + CDN + "\";",
            "  function fail(why) {",
            "    if (div.getAttribute(\"data-lif-state\") === \"drawn\") { return; }",
            "    div.setAttribute(\"data-lif-state\", \"failed\");",
            "    div.style.height = \"auto\";",
            "    var p = document.createElement(\"p\");",
            "    p.className = \"lif-plot-error\";",
            "    p.style.cssText = \"color:#a00;font-family:sans-serif;border:1px solid #a00;padding:6px;\";",
            "    p.textContent = " + jsString(FAILURE_MESSAGE) + " + (why ? \" (\" + why + \")\" : \"\") + \".\";",
            "    div.innerHTML = \"\";",
            "    div.appendChild(p);",
            "  }",
            "  function load() {",
            "    if (window.Plotly && window.Plotly.newPlot) { return Promise.resolve(window.Plotly); }",
            "    if (window.__lifPlotly) { return window.__lifPlotly; }",
            "    var req = window.requirejs || window.require;",
            "    var p;",
            "    if (typeof req === \"function\" && typeof req.config === \"function\") {",
            "      var base = document.body && document.body.dataset ? document.body.dataset.baseUrl : null;",
            "      var paths = base ? [base.replace(/\\/?$/, \"/\") + \"nbextensions/lif-plotly/plotly\", CDN] : [CDN];",
            "      p = new Promise(function (resolve, reject) {",
            "        req.config({paths: {\"lif-plotly\": paths}});",
            "        req([\"lif-plotly\"], resolve, reject);",
            "      });",
            "    } else {",
            "      p = new Promise(function (resolve, reject) {",
            "        var s = document.createElement(\"script\");",
            "        s.src = CDN + \".js\";",
            "        s.onload = function () {",
            "          if (window.Plotly) { resolve(window.Plotly); } else { reject(new Error(\"no window.Plotly\")); }",
            "        };",
            "        s.onerror = function () { reject(new Error(\"cannot fetch \" + s.src)); };",
            "        document.head.appendChild(s);",
            "      });",
            "    }",
            "    window.__lifPlotly = p.catch(function (e) { window.__lifPlotly = undefined; throw e; });",
            "    return window.__lifPlotly;",
            "  }",
            "  var timer = setTimeout(function () { fail(\"timed out\"); }, " + TIMEOUT_MS + ");",
            "  load().then(function (Plotly) {",
            "    clearTimeout(timer);",
            "    var drawn = fig.frames ? Plotly.newPlot(div, fig) : Plotly.newPlot(div, fig.data, fig.layout, fig.config);",
            "    return drawn.then(function () {",
            "      div.setAttribute(\"data-lif-state\", \"drawn\");",
            "    });",
            "  }).catch(function (e) {",
            "    clearTimeout(timer);",
            "    fail(e && e.message ? e.message : String(e));",
            "  });",
            "");

    private static String jsString(String s) {
        return scriptSafe(PlotlyJson.quote(s));
    }
}
