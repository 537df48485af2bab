import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Runs notebook cells in the JDK's own JShell engine (jdk.jshell, the engine of IJava, JJava and the jshell
 * tool), one fresh JShell per notebook, with nothing but the given classpath and the jshell tool's DEFAULT
 * start-up imports. Used by jshell_portability.py:
 *
 *   java JShellRun.java CLASSPATH NOTEBOOK_DIR...
 *
 * Each NOTEBOOK_DIR holds cell-000.java, cell-001.java, ... (one code cell each, in order). A cell is cut
 * into snippets as the kernels cut it (SourceCodeAnalysis.analyzeCompletion), so a figure left as the last
 * expression just evaluates. For every cell one line goes to stdout:
 *   CELL dir index OK|ERROR message     then the cell's own output, each line prefixed with "OUT "
 * An error is a rejected snippet (compile error, "cannot find symbol"), an exception, an unresolved
 * reference, or source left incomplete at the end of the cell.
 */
public class JShellRun {
    /** The jshell tool's DEFAULT start-up (jdk.internal.jshell.tool.resources/DEFAULT.jsh). */
    static final String[] DEFAULT_IMPORTS = {
        "import java.io.*;",
        "import java.math.*;",
        "import java.net.*;",
        "import java.nio.file.*;",
        "import java.util.*;",
        "import java.util.concurrent.*;",
        "import java.util.function.*;",
        "import java.util.prefs.*;",
        "import java.util.regex.*;",
        "import java.util.stream.*;",
    };

    public static void main(String[] args) throws Exception {
        String classpath = args[0];
        PrintStream report =
                new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        for (int a = 1; a < args.length; a++) {
            runNotebook(Path.of(args[a]), classpath, report);
        }
    }

    static void runNotebook(Path dir, String classpath, PrintStream report) throws Exception {
        List<Path> cells = new ArrayList<>();
        try (var files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().matches("cell-\\d+\\.java"))
                    .sorted()
                    .forEach(cells::add);
        }
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        // local execution: the cells' System.out is this JVM's, captured per cell
        try (JShell shell = JShell.builder()
                .executionEngine("local")
                .out(capture)
                .err(capture)
                .build()) {
            for (String path : classpath.split(java.io.File.pathSeparator)) {
                if (!path.isEmpty()) {
                    shell.addToClasspath(path);
                }
            }
            for (String line : DEFAULT_IMPORTS) {
                String problem = run(shell, line);
                if (problem != null) {
                    throw new IllegalStateException("default import failed: " + line + ": " + problem);
                }
            }
            for (Path cell : cells) {
                String index = cell.getFileName().toString().replaceAll("\\D", "");
                captured.reset();
                System.setOut(capture);
                System.setErr(capture);
                String problem;
                try {
                    problem = run(shell, Files.readString(cell));
                } finally {
                    System.setOut(realOut);
                    System.setErr(realErr);
                }
                report.println("CELL " + dir.getFileName() + " " + Integer.parseInt(index) + " "
                        + (problem == null ? "OK" : "ERROR " + problem.replace("\n", " | ")));
                for (String line : captured.toString(StandardCharsets.UTF_8).split("\\R")) {
                    if (!line.isEmpty()) {
                        report.println("OUT " + line);
                    }
                }
            }
        }
    }

    /** Evaluates a cell snippet by snippet; the first problem, or null. */
    static String run(JShell shell, String source) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String rest = source;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            if (!info.completeness().isComplete()) {
                return "incomplete source at the end of the cell: "
                        + rest.strip().lines().findFirst().orElse("");
            }
            String problem = eval(shell, info.source());
            if (problem != null) {
                return problem;
            }
            rest = info.remaining();
        }
        return null;
    }

    static String eval(JShell shell, String snippet) {
        for (SnippetEvent event : shell.eval(snippet)) {
            if (event.causeSnippet() != null) {
                continue; // a dependent snippet updated: not this cell's doing
            }
            Snippet s = event.snippet();
            if (event.status() == Snippet.Status.REJECTED) {
                StringBuilder b = new StringBuilder("rejected: " + firstLine(snippet));
                shell.diagnostics(s).forEach((Diag d) -> b.append(": ").append(d.getMessage(null)));
                return b.toString();
            }
            if (event.status() == Snippet.Status.RECOVERABLE_DEFINED
                    || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                return "unresolved names in: " + firstLine(snippet) + ": "
                        + String.join(
                                ", ",
                                shell.unresolvedDependencies((jdk.jshell.DeclarationSnippet) s)
                                        .toList());
            }
            if (event.exception() instanceof UnresolvedReferenceException) {
                return "unresolved reference: " + firstLine(snippet);
            }
            if (event.exception() instanceof EvalException) {
                EvalException e = (EvalException) event.exception();
                return "exception " + e.getExceptionClassName() + ": " + e.getMessage();
            }
            if (event.exception() != null) {
                return "exception " + event.exception();
            }
        }
        return null;
    }

    static String firstLine(String s) {
        return s.strip().lines().findFirst().orElse("");
    }
}
