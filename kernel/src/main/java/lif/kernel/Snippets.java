package lif.kernel;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/**
 * A cell cut into the snippets JShell evaluates one at a time (a declaration, a statement, an expression), the
 * way JShell itself reads its input ({@link SourceCodeAnalysis#analyzeCompletion}). The one place the kernel
 * does this: running a cell, completion, "is this code complete?", and the javac warm-up all use it.
 */
final class Snippets {

    /**
     * One snippet of a cell.
     *
     * @param source       what JShell evaluates (a complete snippet; a semicolon JShell adds is included), or for
     *                     the last piece of a cell that does not end in a complete snippet, the rest of the cell
     * @param start        where {@code source} starts in the cell (JShell keeps the white space and comments before
     *                     a snippet in its source, and counts a compile error's position from there)
     * @param code         where the snippet's code starts in the cell, after white space and comments (JShell
     *                     counts the lines of a stack trace from there)
     * @param end          where the text it was read from ends in the cell (the next snippet's text starts there)
     * @param completeness {@link Completeness#COMPLETE} or {@code COMPLETE_WITH_SEMI} for a snippet; for a last
     *                     piece that is not one, why ({@code DEFINITELY_INCOMPLETE}, {@code UNKNOWN}, ...)
     */
    record Piece(String source, int start, int code, int end, Completeness completeness) {
        boolean isComplete() {
            return completeness == Completeness.COMPLETE || completeness == Completeness.COMPLETE_WITH_SEMI;
        }
    }

    private Snippets() {}

    /** The snippets of {@code code}, in order; only the last piece may be incomplete. Empty for blank code. */
    static List<Piece> split(SourceCodeAnalysis analysis, String code) {
        List<Piece> pieces = new ArrayList<>();
        int at = 0;
        while (at < code.length()) {
            String rest = code.substring(at);
            if (rest.isBlank()) {
                break;
            }
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            Completeness c = info.completeness();
            if (c == Completeness.EMPTY) {
                break;
            }
            boolean complete = c == Completeness.COMPLETE || c == Completeness.COMPLETE_WITH_SEMI;
            if (!complete) {
                pieces.add(new Piece(rest, at, codeStart(code, at), code.length(), c));
                break;
            }
            int end = code.length() - info.remaining().length();
            pieces.add(new Piece(info.source(), at, codeStart(code, at), end, c));
            at = end;
        }
        return pieces;
    }

    /** The first character at or after {@code from} that is neither white space nor in a comment. */
    static int codeStart(String code, int from) {
        int i = from;
        while (i < code.length()) {
            if (Character.isWhitespace(code.charAt(i))) {
                i++;
            } else if (code.startsWith("//", i)) {
                int eol = code.indexOf('\n', i);
                i = eol < 0 ? code.length() : eol + 1;
            } else if (code.startsWith("/*", i)) {
                int close = code.indexOf("*/", i + 2);
                i = close < 0 ? code.length() : close + 2;
            } else {
                break;
            }
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
}
