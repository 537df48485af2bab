package lif.plot.tablesaw;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JavaScript object literals that tablesaw-jsplot 0.44.4 writes ({@code var trace0 = {...};},
 * {@code var layout = {...};}) into plain Java values: {@code Map<String,Object>} (insertion order),
 * {@code List<Object>}, {@code String}, {@code Double}, {@code Boolean} and {@code null}.
 *
 * <p>Why parse instead of reflection: tablesaw's components have almost no getters, and their templates
 * already know which fields are set and how plotly names them. The grammar is small and fixed:
 * <ul>
 *   <li>single-quoted strings come from Pebble templates: their text is HTML-escaped (only
 *       {@code & < > " '}, as {@code &amp; &lt; &gt; &quot; &#39;}) and backslashes are NOT escaped, so a
 *       backslash is literal and a raw {@code '} never occurs inside: we read up to the next {@code '}
 *       and undo the five entities in one pass;</li>
 *   <li>double-quoted strings come from Jackson or {@code Utils.dataAsString}: JSON escapes;</li>
 *   <li>numbers, {@code NaN}, {@code Infinity}, {@code true/false/null}, unquoted keys, trailing commas.</li>
 * </ul>
 */
final class TablesawJs {
    private final String s;
    private int pos;

    private TablesawJs(String s, int pos) {
        this.s = s;
        this.pos = pos;
    }

    /** Parses the literal after the first {@code =} of {@code var name = {...};} (or a bare literal). */
    static Object parseAssignment(String js) {
        int start = 0;
        String trimmed = js.stripLeading();
        if (trimmed.startsWith("var ")) {
            start = js.indexOf('=');
            if (start < 0) {
                throw new IllegalArgumentException("no '=' in tablesaw output");
            }
            start++;
        }
        TablesawJs p = new TablesawJs(js, start);
        Object value = p.value();
        p.skipSpace();
        if (p.pos < js.length() && js.charAt(p.pos) == ';') {
            p.pos++;
        }
        p.skipSpace();
        if (p.pos != js.length()) {
            throw p.error("unexpected text after the value");
        }
        return value;
    }

    private IllegalStateException error(String what) {
        int from = Math.max(0, pos - 30);
        int to = Math.min(s.length(), pos + 30);
        return new IllegalStateException("Cannot read tablesaw's figure script at offset " + pos + " (" + what
                + "): ..." + s.substring(from, to) + "...");
    }

    private void skipSpace() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    private Object value() {
        skipSpace();
        if (pos >= s.length()) {
            throw error("unexpected end");
        }
        char c = s.charAt(pos);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '\'':
                return singleQuoted();
            case '"':
                return doubleQuoted();
            default:
                return word();
        }
    }

    private Map<String, Object> object() {
        Map<String, Object> map = new LinkedHashMap<>();
        pos++; // {
        while (true) {
            skipSpace();
            if (pos >= s.length()) {
                throw error("unterminated object");
            }
            char c = s.charAt(pos);
            if (c == '}') {
                pos++;
                return map;
            }
            String key;
            if (c == '\'') {
                key = singleQuoted();
            } else if (c == '"') {
                key = doubleQuoted();
            } else {
                int start = pos;
                while (pos < s.length()
                        && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_' || s.charAt(pos) == '$')) {
                    pos++;
                }
                if (start == pos) {
                    throw error("expected a key");
                }
                key = s.substring(start, pos);
            }
            skipSpace();
            if (pos >= s.length() || s.charAt(pos) != ':') {
                throw error("expected ':'");
            }
            pos++;
            map.put(key, value());
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == ',') {
                pos++;
            }
        }
    }

    private List<Object> array() {
        List<Object> list = new ArrayList<>();
        pos++; // [
        while (true) {
            skipSpace();
            if (pos >= s.length()) {
                throw error("unterminated array");
            }
            if (s.charAt(pos) == ']') {
                pos++;
                return list;
            }
            list.add(value());
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == ',') {
                pos++;
            }
        }
    }

    private String singleQuoted() {
        int end = s.indexOf('\'', pos + 1);
        if (end < 0) {
            throw error("unterminated string");
        }
        String raw = s.substring(pos + 1, end);
        pos = end + 1;
        return unescapeHtml(raw);
    }

    /** Undoes Pebble's HTML escaping (unbescape level 1: the five markup characters), in one pass. */
    static String unescapeHtml(String raw) {
        if (raw.indexOf('&') < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '&') {
                String[][] entities = {
                    {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&#x27;", "'"}
                };
                boolean matched = false;
                for (String[] e : entities) {
                    if (raw.startsWith(e[0], i)) {
                        out.append(e[1]);
                        i += e[0].length();
                        matched = true;
                        break;
                    }
                }
                if (matched) {
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private String doubleQuoted() {
        StringBuilder out = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= s.length()) {
                throw error("unterminated string");
            }
            char c = s.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= s.length()) {
                throw error("unterminated escape");
            }
            char e = s.charAt(pos++);
            switch (e) {
                case 'n':
                    out.append('\n');
                    break;
                case 't':
                    out.append('\t');
                    break;
                case 'r':
                    out.append('\r');
                    break;
                case 'b':
                    out.append('\b');
                    break;
                case 'f':
                    out.append('\f');
                    break;
                case 'u':
                    if (pos + 4 > s.length()) {
                        throw error("bad \\u escape");
                    }
                    out.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                    pos += 4;
                    break;
                default:
                    out.append(e);
            }
        }
    }

    private Object word() {
        int start = pos;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == ',' || c == '}' || c == ']' || c == ';' || Character.isWhitespace(c)) {
                break;
            }
            pos++;
        }
        String w = s.substring(start, pos);
        switch (w) {
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            case "null":
            case "undefined":
                return null;
            case "NaN":
                return Double.NaN;
            case "Infinity":
                return Double.POSITIVE_INFINITY;
            case "-Infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                try {
                    return Double.parseDouble(w);
                } catch (NumberFormatException e) {
                    throw error("unexpected token '" + w + "'");
                }
        }
    }
}
