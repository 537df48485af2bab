package lif.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StackTracesTest {

    @Test
    void foldsARecursionIntoAFewLines() {
        StackOverflowError e = new StackOverflowError();
        StackTraceElement[] frames = new StackTraceElement[1024];
        java.util.Arrays.fill(frames, new StackTraceElement("REPL.$JShell$5", "down", "#5", 1));
        e.setStackTrace(frames);
        List<String> lines = StackTraces.format(e, f -> "cell [2], line 1");
        assertTrue(lines.size() < 30, String.join("\n", lines));
        assertEquals("java.lang.StackOverflowError", lines.get(0));
        assertEquals(
                List.of(
                        "java.lang.StackOverflowError",
                        "    at down (cell [2], line 1)",
                        "    ... the line above repeats 1,023 more times"),
                lines.subList(0, 3));
        assertTrue(lines.get(lines.size() - 1).contains("stopping condition"));
    }

    @Test
    void aStackOverflowInAStopCheckStillShowsTheLearnersRecursion() {
        // the stack runs out in the stop check at the entry of the learner's method (about one time in six)
        StackOverflowError e = new StackOverflowError();
        StackTraceElement[] frames = new StackTraceElement[1024];
        java.util.Arrays.fill(frames, new StackTraceElement("REPL.$JShell$5", "down", "#5", 1));
        frames[0] = new StackTraceElement(CellStop.class.getName(), "check", "CellStop.java", 27);
        e.setStackTrace(frames);
        List<String> lines =
                StackTraces.format(e, f -> f.getClassName().startsWith("REPL.") ? "cell [2], line 1" : null);
        assertEquals(
                List.of(
                        "java.lang.StackOverflowError",
                        "    at down (cell [2], line 1)",
                        "    ... the line above repeats 1,022 more times"),
                lines.subList(0, 3));
    }

    @Test
    void keepsTheKernelFramesTheLearnersCodeCalledAndDropsThoseBelowIt() {
        Exception e = new IllegalArgumentException("no renderer");
        e.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("lif.kernel.Notebook", "display", "Notebook.java", 30),
            new StackTraceElement("REPL.$JShell$13", "do_it$", "#13", 1),
            new StackTraceElement("jdk.internal.reflect.NativeMethodAccessorImpl", "invoke0", null, -2),
            new StackTraceElement("java.lang.reflect.Method", "invoke", "Method.java", 568),
            new StackTraceElement("lif.kernel.CellExecutionControl$SnippetRun", "run", "X.java", 1),
        });
        List<String> lines =
                StackTraces.format(e, f -> f.getClassName().startsWith("REPL.") ? "cell [3], line 1" : null);
        assertEquals(
                List.of(
                        "java.lang.IllegalArgumentException: no renderer",
                        "    at lif.kernel.Notebook.display(Notebook.java:30)",
                        "    at (cell [3], line 1)"),
                lines);
    }

    @Test
    void namesTheCellAndLineOfASnippetFrame() {
        Exception e = new IllegalStateException("bad");
        e.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("REPL.$JShell$12", "compute", "#12", 2),
            new StackTraceElement("REPL.$JShell$13", "do_it$", "#13", 1),
            new StackTraceElement("jdk.internal.reflect.NativeMethodAccessorImpl", "invoke0", null, -1),
            new StackTraceElement("lif.kernel.CellExecutionControl", "invoke", null, 10)
        });
        List<String> lines = StackTraces.format(
                e,
                f -> f.getFileName() == null
                        ? null
                        : "cell [3], line " + (f.getFileName().equals("#12") ? 4 : 7));
        assertEquals(
                List.of(
                        "java.lang.IllegalStateException: bad",
                        "    at compute (cell [3], line 4)",
                        "    at (cell [3], line 7)"),
                lines);
    }

    @Test
    void outOfMemoryPointsAtStreamingStatistics() {
        List<String> lines = StackTraces.format(new OutOfMemoryError("Java heap space"), f -> null);
        String all = String.join("\n", lines);
        assertTrue(all.contains("Lif.ensembleStats"), all);
        assertTrue(all.contains("capped at"), all);
    }
}
