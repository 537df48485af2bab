package lif.kernel;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.SourceCodeAnalysis.Documentation;
import jdk.jshell.UnresolvedReferenceException;

/**
 * JShell for the kernel: splits a cell into snippets, evaluates them in order until one fails, and turns
 * compile errors and exceptions into short messages that point at the cell's own lines. Also answers
 * completion, inspection and "is this code complete?".
 *
 * <p>Not thread-safe: the kernel calls it from its shell thread only (an interrupt goes to
 * {@link CellExecutionControl#stopCell()} instead).
 */
final class Evaluator implements AutoCloseable {

    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    private final CellExecutionControl control;
    private final SnippetLoader loader;
    /** Where each snippet came from: its cell and the cell line it starts on. */
    private final Map<String, int[]> places = new ConcurrentHashMap<>();

    private Evaluator(JShell shell, CellExecutionControl control, SnippetLoader loader) {
        this.shell = shell;
        this.analysis = shell.sourceCodeAnalysis();
        this.control = control;
        this.loader = loader;
    }

    /** A JShell whose snippets run in this JVM, with {@code classpath} for compiling and loading. */
    static Evaluator create(List<String> classpath, PrintStream log) {
        SnippetLoader loader = new SnippetLoader(Evaluator.class.getClassLoader());
        CellExecutionControl control = new CellExecutionControl(loader);
        JShell shell = JShell.builder()
                .executionEngine(CellExecutionControl.provider(control), Map.of())
                .in(InputStream.nullInputStream())
                .out(log)
                .err(log)
                .build();
        for (String entry : classpath) {
            shell.addToClasspath(entry);
        }
        return new Evaluator(shell, control, loader);
    }

    /** The class loader of the learner's code and of the notebook classpath. */
    ClassLoader classLoader() {
        return loader.classLoader();
    }

    CellExecutionControl control() {
        return control;
    }

    /** Evaluates start-up code (imports); returns the error lines, empty when all went well. */
    List<String> init(String code) {
        CellResult r = run(code, 0, new CellThreads(0, new CellOutput((s, t) -> {})));
        return r.isError() ? r.traceback : List.of();
    }

    /** Runs a cell: its snippets in order, stopping at the first error or at an interrupt. */
    CellResult run(String code, int executionCount, CellThreads threads) {
        control.beginCell(threads);
        try {
            CellResult last = CellResult.none();
            String remaining = code;
            while (true) {
                if (threads.stopRequested()) {
                    return interrupted();
                }
                CompletionInfo info = analysis.analyzeCompletion(remaining);
                String source;
                String rest;
                switch (info.completeness()) {
                    case EMPTY:
                        return last;
                    case COMPLETE:
                    case COMPLETE_WITH_SEMI:
                        source = info.source();
                        rest = info.remaining();
                        break;
                    default: // incomplete or not Java: JShell says why
                        source = remaining;
                        rest = "";
                }
                int consumed = code.length() - remaining.length();
                int startLine = lineOf(code, consumed + leadingBlank(remaining));
                CellResult r = evalSnippet(source, executionCount, startLine, threads);
                if (r.isError()) {
                    return r;
                }
                last = r;
                if (rest.isBlank()) {
                    return last;
                }
                remaining = rest;
            }
        } finally {
            control.endCell();
        }
    }

    private CellResult evalSnippet(String source, int executionCount, int startLine, CellThreads threads) {
        List<SnippetEvent> events = shell.eval(source);
        CellResult result = CellResult.none();
        for (SnippetEvent e : events) {
            if (e.causeSnippet() != null) {
                continue; // updates of other snippets this one affected
            }
            Snippet s = e.snippet();
            places.put(s.id(), new int[] {executionCount, startLine});
            if (threads.stopRequested()) {
                return interrupted();
            }
            if (e.status() == Snippet.Status.REJECTED) {
                return compileError(s, startLine);
            }
            if (e.exception() != null) {
                return runtimeError(e.exception());
            }
            if (e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                return unresolved(s, startLine);
            }
            Object value = control.take(e.value());
            result = showsValue(s) ? CellResult.value(value) : CellResult.none();
        }
        return result;
    }

    /** Expressions show their value, as in Python; declarations and statements do not. */
    private static boolean showsValue(Snippet s) {
        switch (s.subKind()) {
            case TEMP_VAR_EXPRESSION_SUBKIND:
            case VAR_VALUE_SUBKIND:
            case OTHER_EXPRESSION_SUBKIND:
                return true;
            default:
                return false;
        }
    }

    CellResult interrupted() {
        String why = control.abandoned()
                ? "this cell's loop cannot be stopped on Java "
                        + Runtime.version().feature()
                        + " (Thread.stop is gone since Java 20) and goes on in the background: restart the kernel to end it"
                : "the cell was stopped";
        return CellResult.error("Interrupted", why, List.of("Interrupted: " + why));
    }

    private CellResult compileError(Snippet s, int startLine) {
        List<String> lines = new ArrayList<>();
        String first = null;
        String src = s.source();
        List<Diag> diags = shell.diagnostics(s).filter(Diag::isError).collect(Collectors.toList());
        for (Diag d : diags) {
            String message = d.getMessage(Locale.ENGLISH);
            List<String> msgLines = new ArrayList<>(List.of(message.split("\n")));
            msgLines.removeIf(l -> l.trim().startsWith("location:"));
            if (first == null) {
                first = msgLines.get(0);
            }
            int pos = (int)
                    Math.max(0, Math.min(src.length(), d.getPosition() >= 0 ? d.getPosition() : d.getStartPosition()));
            int lineStart = src.lastIndexOf('\n', pos - 1) + 1;
            int lineEnd = src.indexOf('\n', pos);
            if (lineEnd < 0) {
                lineEnd = src.length();
            }
            int line = startLine + lineOf(src, pos) - 1;
            lines.add("Compile error, line " + line + ": " + msgLines.get(0));
            for (int i = 1; i < msgLines.size(); i++) {
                lines.add("  " + msgLines.get(i).trim());
            }
            String text = src.substring(lineStart, lineEnd);
            lines.add("    " + text);
            lines.add("    " + " ".repeat(Math.max(0, pos - lineStart)) + "^");
        }
        if (first == null) {
            first = "the code is not valid Java";
            lines.add("Compile error: " + first);
        }
        return CellResult.error("CompileError", first, lines);
    }

    private CellResult unresolved(Snippet s, int startLine) {
        String missing =
                shell.unresolvedDependencies((jdk.jshell.DeclarationSnippet) s).collect(Collectors.joining(", "));
        String msg = "line " + startLine + " uses " + missing + ", which is not declared (yet)";
        return CellResult.error("CompileError", msg, List.of("Compile error, " + msg));
    }

    private CellResult runtimeError(JShellException e) {
        Throwable t = control.lastThrown();
        if (e instanceof UnresolvedReferenceException) {
            String name = ((UnresolvedReferenceException) e).getSnippet().toString();
            String msg = "this code calls something that is not declared yet: " + name;
            return CellResult.error("UnresolvedReference", msg, List.of(msg));
        }
        if (t == null) {
            String cls = e instanceof EvalException
                    ? ((EvalException) e).getExceptionClassName()
                    : e.getClass().getName();
            return CellResult.error(cls, String.valueOf(e.getMessage()), List.of(cls + ": " + e.getMessage()));
        }
        // JShell's copy of the trace names each snippet frame "#id" with the line inside the snippet
        List<String> lines = StackTraces.format(t, e.getStackTrace(), this::place);
        String msg = t.getMessage() == null ? "" : t.getMessage();
        return CellResult.error(t.getClass().getName(), msg, lines);
    }

    /** "cell [7], line 3" for a frame of a learner's snippet (file "#id"), or null for other frames. */
    String place(StackTraceElement f) {
        String file = f.getFileName();
        if (file == null || !file.startsWith("#")) {
            return f.getClassName().startsWith("REPL.") ? "your code" : null;
        }
        int[] where = places.get(file.substring(1));
        if (where == null || f.getLineNumber() < 1) {
            return "your code";
        }
        return (where[0] > 0 ? "cell [" + where[0] + "], " : "") + "line " + (where[1] + f.getLineNumber() - 1);
    }

    /** Completion candidates at {@code cursor}: the replacement texts and the start of the text they replace. */
    List<String> complete(String code, int cursor, int[] replaceStart) {
        int from = snippetStart(code, cursor);
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> s =
                analysis.completionSuggestions(code.substring(from), cursor - from, anchor);
        replaceStart[0] = from + anchor[0];
        Set<String> names = new LinkedHashSet<>();
        s.stream().filter(SourceCodeAnalysis.Suggestion::matchesType).forEach(x -> names.add(x.continuation()));
        s.forEach(x -> names.add(x.continuation()));
        return new ArrayList<>(names);
    }

    /** Signature and Javadoc of what is at {@code cursor}; empty when nothing is known. */
    String inspect(String code, int cursor, boolean detail) {
        int from = snippetStart(code, cursor);
        String snippet = code.substring(from);
        int at = cursor - from;
        List<Documentation> docs = analysis.documentation(snippet, at, true);
        if (docs.isEmpty()) {
            // JShell documents a method at an argument list: "Math.abs" -> "Math.abs("
            int end = at;
            while (end < snippet.length() && Character.isJavaIdentifierPart(snippet.charAt(end))) {
                end++;
            }
            docs = analysis.documentation(snippet.substring(0, end) + "(", end + 1, true);
        }
        StringBuilder sb = new StringBuilder();
        for (Documentation d : docs) {
            if (sb.length() > 0) {
                sb.append("\n\n");
            }
            sb.append(d.signature());
            String javadoc = d.javadoc();
            if (javadoc != null && !javadoc.isBlank()) {
                sb.append("\n").append(detail ? javadoc.trim() : summary(javadoc));
            }
        }
        return sb.toString();
    }

    private static String summary(String javadoc) {
        String text = javadoc.trim();
        int end = text.indexOf("\n\n");
        return end > 0 ? text.substring(0, end) : text;
    }

    /** "complete", "invalid", or the indent for the next line when the code needs more lines. */
    String isComplete(String code) {
        String remaining = code;
        while (true) {
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            switch (info.completeness()) {
                case EMPTY:
                    return "complete";
                case COMPLETE:
                case COMPLETE_WITH_SEMI:
                    for (Snippet s : analysis.sourceToSnippets(info.source())) {
                        if (s.kind() == Snippet.Kind.ERRONEOUS) {
                            return "invalid";
                        }
                    }
                    if (info.remaining().isBlank()) {
                        return "complete";
                    }
                    remaining = info.remaining();
                    break;
                case DEFINITELY_INCOMPLETE:
                case CONSIDERED_INCOMPLETE:
                    return "    ";
                default:
                    return "invalid";
            }
        }
    }

    /** Start of the snippet of {@code code} that holds {@code cursor}. */
    private int snippetStart(String code, int cursor) {
        String remaining = code;
        int start = 0;
        while (true) {
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (info.completeness() != SourceCodeAnalysis.Completeness.COMPLETE
                    && info.completeness() != SourceCodeAnalysis.Completeness.COMPLETE_WITH_SEMI) {
                return start;
            }
            int next = code.length() - info.remaining().length();
            if (next >= cursor || info.remaining().isBlank()) {
                return start;
            }
            start = next;
            remaining = info.remaining();
        }
    }

    private static int leadingBlank(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** 1-based line of character {@code pos} in {@code s}. */
    static int lineOf(String s, int pos) {
        int line = 1;
        for (int i = 0; i < Math.min(pos, s.length()); i++) {
            if (s.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    @Override
    public void close() {
        shell.close();
    }
}
