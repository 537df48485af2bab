package lif.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lif.plot.tablesaw.TablesawFigures;
import org.junit.jupiter.api.Test;

/**
 * The classes of lif.plot and lif.plot.tablesaw use each other one way: no class reaches itself through the others,
 * and the plotly model never reaches the Tablesaw adapters.
 */
class DependencyDirectionTest {

    static final List<Class<?>> CLASSES = List.of(
            Plots.class,
            PlotBuilder.class,
            Style.class,
            PlotlyFigure.class,
            PlotlyObject.class,
            PlotlyJson.class,
            PlotlyHtml.class,
            PlotlyJs.class,
            FigureBundle.class,
            TablesawFigures.class,
            classNamed("lif.plot.tablesaw.TablesawJs"));

    /** A class of lif.plot or lif.plot.tablesaw named in a class file, by its simple name. */
    private static final Pattern REFERENCE = Pattern.compile("lif/plot/(?:tablesaw/)?([A-Za-z]+)(?![A-Za-z/])");

    private static Class<?> classNamed(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The lif.plot classes {@code c} (and its nested classes) names in its class file. */
    static Set<String> uses(Class<?> c) throws IOException {
        Set<String> out = new TreeSet<>();
        List<String> files = new ArrayList<>(List.of(c.getSimpleName()));
        for (Class<?> nested : c.getDeclaredClasses()) {
            files.add(c.getSimpleName() + "$" + nested.getSimpleName());
        }
        for (String file : files) {
            try (InputStream in = c.getResourceAsStream(file + ".class")) {
                Matcher m = REFERENCE.matcher(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
                while (m.find()) {
                    if (!m.group(1).equals(c.getSimpleName())) {
                        out.add(m.group(1));
                    }
                }
            }
        }
        return out;
    }

    @Test
    void noCycles() throws IOException {
        Map<String, Set<String>> graph = new LinkedHashMap<>();
        for (Class<?> c : CLASSES) {
            graph.put(c.getSimpleName(), uses(c));
        }
        assertEquals(Set.of(), graph.get("PlotlyObject"), "the model's values use nothing");
        assertEquals(Set.of("PlotlyObject"), graph.get("PlotlyFigure"));
        assertTrue(graph.get("Plots").contains("PlotBuilder"));
        assertEquals(Set.of("TablesawJs", "PlotlyFigure", "PlotlyObject", "PlotlyJson"), graph.get("TablesawFigures"));
        for (String model : List.of("PlotlyFigure", "PlotlyObject", "PlotlyJson", "PlotlyHtml")) {
            assertFalse(
                    reaches(model, "TablesawFigures", graph, new TreeSet<>()),
                    model + " must not reach the Tablesaw adapters: " + graph);
        }
        for (String start : graph.keySet()) {
            List<String> path = cycleFrom(start, start, graph, new ArrayList<>());
            assertTrue(path == null, "a cycle: " + path + " (uses: " + graph + ")");
        }
    }

    private static boolean reaches(String from, String to, Map<String, Set<String>> graph, Set<String> seen) {
        for (String next : graph.getOrDefault(from, Set.of())) {
            if (next.equals(to) || (seen.add(next) && reaches(next, to, graph, seen))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> cycleFrom(String start, String at, Map<String, Set<String>> graph, List<String> path) {
        path.add(at);
        for (String next : graph.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                path.add(next);
                return path;
            }
            if (!path.contains(next)) {
                List<String> found = cycleFrom(start, next, graph, path);
                if (found != null) {
                    return found;
                }
            }
        }
        path.remove(path.size() - 1);
        return null;
    }
}
