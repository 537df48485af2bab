package lif.plot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import tech.tablesaw.plotly.components.Config;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.Trace;

/**
 * Strict plotly JSON ({@code {"data": [...], "layout": {...}, "config": {...}}}) for a Tablesaw
 * {@link Figure}, as used by the {@code application/vnd.plotly.v1+json} MIME type.
 *
 * <p>Tablesaw's own script is not fit for that (numbers as quoted strings, HTML-escaped text,
 * titles as plain strings that plotly.js 3 drops, {@code opacity: '0.3'}). We read tablesaw's output for
 * each component (see {@link TablesawJs}) and normalise it: numeric strings become numbers, NaN and
 * infinities become {@code null} (a gap in plotly), {@code 'True'/'false'} become booleans, titles
 * become {@code {"text": ...}} with their font moved inside, text is un-escaped. Any trace type
 * tablesaw-jsplot offers goes through the same path. Event handlers (JavaScript code) are not data and
 * are left out.
 */
public final class PlotlyJson {

  /** The MIME type of the bundle entry. */
  public static final String MIME = "application/vnd.plotly.v1+json";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Keys whose values are text for people: never turned into numbers or booleans. */
  private static final Set<String> TEXT_KEYS = Set.of(
      "name", "text", "hovertext", "legendgroup", "ticktext", "hovertemplate", "texttemplate",
      "tickprefix", "ticksuffix", "tickformat", "labels", "title", "family");

  private static final Pattern NUMBER =
      Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?|[-+]?Infinity|NaN");

  private PlotlyJson() {}

  /**
   * The figure as plain Java values: {@code Map}s with insertion order, {@code List}s, {@code String}s,
   * {@code Long}/{@code Double}s (always finite), {@code Boolean}s and {@code null}s in arrays.
   */
  public static Map<String, Object> toMap(Figure figure) {
    Objects.requireNonNull(figure, "figure");
    Map<String, Object> root = new LinkedHashMap<>();
    List<Object> data = new ArrayList<>();
    Trace[] traces = figure.getTraces();
    if (traces != null) {
      for (int i = 0; i < traces.length; i++) {
        Map<String, Object> known = figure instanceof BuiltFigure ? ((BuiltFigure) figure).plotly(traces[i]) : null;
        data.add(known != null ? known
            : normaliseTrace(asMap(TablesawJs.parseAssignment(traces[i].asJavascript(i)), "trace " + i)));
      }
    }
    root.put("data", data);
    Layout layout = figure.getLayout();
    root.put("layout", layout == null ? new LinkedHashMap<>()
        : normaliseLayout(asMap(TablesawJs.parseAssignment(layout.asJavascript()), "layout")));
    Config config = figure.getConfig();
    Map<String, Object> cfg = new LinkedHashMap<>();
    cfg.put("displaylogo", false);
    if (config != null) {
      cfg.putAll(normalise(asMap(TablesawJs.parseAssignment(config.asJSON()), "config"), null));
    }
    root.put("config", cfg);
    return root;
  }

  /**
   * A {@link PlotView} as plain Java values: its figure's {@link #toMap(Figure)}, plus its frames (key
   * {@code frames}) and its layout extras (e.g. {@code layout.sliders}).
   */
  public static Map<String, Object> toMap(PlotView view) {
    Objects.requireNonNull(view, "view");
    Map<String, Object> root = toMap(view.figure());
    if (!view.layoutExtras().isEmpty()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> layout = (Map<String, Object>) root.get("layout");
      layout.putAll(view.layoutExtras());
    }
    if (!view.frames().isEmpty()) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("data", root.get("data"));
      out.put("layout", root.get("layout"));
      out.put("frames", new ArrayList<>(view.frames()));
      out.put("config", root.get("config"));
      return out;
    }
    return root;
  }

  /** Compact strict JSON for the figure (UTF-8 text, non-ASCII kept as is). */
  public static String toJson(Figure figure) {
    return write(toMap(figure));
  }

  /** Writes values of the kind {@link #toMap} returns as compact JSON. */
  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object o, String what) {
    if (!(o instanceof Map)) {
      throw new IllegalStateException("tablesaw's " + what + " is not an object: " + o);
    }
    return (Map<String, Object>) o;
  }

  private static Map<String, Object> normaliseTrace(Map<String, Object> trace) {
    Map<String, Object> t = normalise(trace, null);
    if ("".equals(t.get("name"))) {
      t.remove("name"); // tablesaw writes name: '' for unnamed traces; plotly's default is "trace N"
    }
    if ("".equals(t.get("legendgroup"))) {
      t.remove("legendgroup");
    }
    return t;
  }

  private static Map<String, Object> normaliseLayout(Map<String, Object> layout) {
    Map<String, Object> l = normalise(layout, null);
    fixTitle(l);
    for (Map.Entry<String, Object> e : l.entrySet()) {
      if (e.getKey().matches("[xyz]axis\\d*") && e.getValue() instanceof Map) {
        @SuppressWarnings("unchecked")
        Map<String, Object> axis = (Map<String, Object>) e.getValue();
        fixTitle(axis);
      }
    }
    return l;
  }

  /** {@code title: 'x', titlefont: {...}} becomes {@code title: {text: 'x', font: {...}}}. */
  private static void fixTitle(Map<String, Object> m) {
    Object title = m.get("title");
    Object font = m.remove("titlefont");
    if (title instanceof String) {
      if (((String) title).isEmpty() && font == null) {
        m.remove("title");
        return;
      }
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("text", title);
      if (font instanceof Map) {
        t.put("font", font);
      }
      m.put("title", t);
    }
  }

  private static Map<String, Object> normalise(Map<String, Object> in, String parentKey) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : in.entrySet()) {
      String key = e.getKey();
      out.put(key, normaliseValue(e.getValue(), key));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Object normaliseValue(Object v, String key) {
    boolean text = key != null && TEXT_KEYS.contains(key.toLowerCase());
    if (v instanceof Map) {
      return normalise((Map<String, Object>) v, key);
    }
    if (v instanceof List) {
      List<Object> list = (List<Object>) v;
      List<Object> out = new ArrayList<>(list.size());
      for (Object o : list) {
        out.add(normaliseValue(o, key));
      }
      return out;
    }
    if (v instanceof Double) {
      return number((Double) v);
    }
    if (v instanceof String && !text) {
      String s = (String) v;
      if (NUMBER.matcher(s).matches()) {
        return number(Double.parseDouble(s));
      }
      if (s.equalsIgnoreCase("true")) {
        return Boolean.TRUE;
      }
      if (s.equalsIgnoreCase("false")) {
        return Boolean.FALSE;
      }
    }
    return v;
  }

  /** Finite doubles stay numbers (whole ones as longs: {@code 700}, not {@code 700.0}); the rest: null. */
  static Object number(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return null;
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e15 && !(d == 0 && 1 / d < 0)) {
      return (long) d;
    }
    return d;
  }
}
