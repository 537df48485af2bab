package lif.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import jdk.jshell.EvalException;
import jdk.jshell.JShellException;
import jdk.jshell.UnresolvedReferenceException;

/**
 * How a cell's failures read in the notebook: compile errors that point at the cell's own line and column,
 * a use of something not declared yet, an exception with the learner's frames ({@link StackTraces}), an
 * interrupt.
 */
final class CellErrors {

    /** One compile error of a snippet: javac's message and where in the snippet's source it points. */
    record Problem(String message, int position) {}

    private CellErrors() {}

    /**
     * The compile errors of one snippet: for each, "Compile error, line N: message", javac's further lines, the
     * source line and a caret under the column.
     *
     * @param source    the snippet's source, as JShell compiled it
     * @param startLine the cell line the snippet starts on
     */
    static CellResult compileError(String source, int startLine, List<Problem> problems) {
        List<String> lines = new ArrayList<>();
        String first = null;
        for (Problem p : problems) {
            List<String> message = new ArrayList<>(List.of(p.message().split("\n")));
            message.removeIf(l -> l.trim().startsWith("location:"));
            if (first == null) {
                first = message.get(0);
            }
            int pos = Math.max(0, Math.min(source.length(), p.position()));
            int lineStart = source.lastIndexOf('\n', pos - 1) + 1;
            int lineEnd = source.indexOf('\n', pos);
            if (lineEnd < 0) {
                lineEnd = source.length();
            }
            int line = startLine + Snippets.lineOf(source, pos) - 1;
            lines.add("Compile error, line " + line + ": " + message.get(0));
            for (int i = 1; i < message.size(); i++) {
                lines.add("  " + message.get(i).trim());
            }
            lines.add("    " + source.substring(lineStart, lineEnd));
            lines.add("    " + " ".repeat(pos - lineStart) + "^");
        }
        if (first == null) {
            first = "the code is not valid Java";
            lines.add("Compile error: " + first);
        }
        return CellResult.error("CompileError", first, lines);
    }

    /** A declaration that uses names not declared (yet): JShell keeps it, but it cannot run. */
    static CellResult unresolved(List<String> missing, int startLine) {
        String msg = "line " + startLine + " uses " + String.join(", ", missing) + ", which is not declared (yet)";
        return CellResult.error("CompileError", msg, List.of("Compile error, " + msg));
    }

    /**
     * An exception a snippet threw.
     *
     * @param e      JShell's copy of it (its trace names each snippet frame "#id" with the line in the snippet)
     * @param thrown the exception as thrown, or null when JShell's copy is all there is
     * @param place  names the cell and line of a snippet frame, null for other frames
     */
    static CellResult exception(JShellException e, Throwable thrown, Function<StackTraceElement, String> place) {
        if (e instanceof UnresolvedReferenceException) {
            String name = ((UnresolvedReferenceException) e).getSnippet().toString();
            String msg = "this code calls something that is not declared yet: " + name;
            return CellResult.error("UnresolvedReference", msg, List.of(msg));
        }
        if (thrown == null) {
            String cls = e instanceof EvalException
                    ? ((EvalException) e).getExceptionClassName()
                    : e.getClass().getName();
            return CellResult.error(cls, String.valueOf(e.getMessage()), List.of(cls + ": " + e.getMessage()));
        }
        List<String> lines = StackTraces.format(thrown, e.getStackTrace(), place);
        return CellResult.error(
                thrown.getClass().getName(), thrown.getMessage() == null ? "" : thrown.getMessage(), lines);
    }

    /** An error the kernel met outside the learner's code (JShell failed, a value could not be shown). */
    static CellResult kernelError(String what, Throwable e) {
        String msg = what == null ? String.valueOf(e.getMessage()) : what + ": " + e.getMessage();
        return CellResult.error(e.getClass().getName(), msg, StackTraces.format(e, f -> null));
    }

    /**
     * The cell was interrupted.
     *
     * @param stuckIn where its thread was still running when the kernel gave up waiting, or null when it ended
     */
    static CellResult interrupted(String stuckIn) {
        String why = stuckIn == null
                ? "the cell was stopped"
                : "the cell was stopped, but one of its threads is still inside " + stuckIn
                        + ", which does not check for interrupts; it goes on in the background (restart the kernel"
                        + " if it keeps a core busy)";
        return CellResult.error("Interrupted", why, List.of("Interrupted: " + why));
    }
}
