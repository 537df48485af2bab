package lif.kernel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jdk.jshell.Snippet;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.Documentation;

/**
 * What JShell knows about code being typed: completion (Tab), signatures and Javadoc (Shift-Tab), and whether
 * a cell is complete (Jupyter consoles). Each question is asked about the snippet of the cell that holds the
 * cursor ({@link Snippets}).
 */
final class CodeAssist {

    private final SourceCodeAnalysis analysis;

    CodeAssist(SourceCodeAnalysis analysis) {
        this.analysis = analysis;
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
        for (Snippets.Piece piece : Snippets.split(analysis, code)) {
            if (!piece.isComplete()) {
                Completeness c = piece.completeness();
                return c == Completeness.DEFINITELY_INCOMPLETE || c == Completeness.CONSIDERED_INCOMPLETE
                        ? "    "
                        : "invalid";
            }
            for (Snippet s : analysis.sourceToSnippets(piece.source())) {
                if (s.kind() == Snippet.Kind.ERRONEOUS) {
                    return "invalid";
                }
            }
        }
        return "complete";
    }

    /** Start of the text of the snippet of {@code code} that holds {@code cursor}. */
    private int snippetStart(String code, int cursor) {
        int start = 0;
        for (Snippets.Piece piece : Snippets.split(analysis, code)) {
            if (!piece.isComplete() || piece.end() >= cursor) {
                return start;
            }
            start = piece.end();
        }
        return start;
    }
}
