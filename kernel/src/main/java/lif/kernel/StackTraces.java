package lif.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * An exception as a learner should see it: the exception, the frames of the learner's code and of what it
 * called (not the kernel's frames that ran it, nor its stop checks), runs of the same frame (a recursion) as one
 * line, at most
 * {@value #MAX_LINES} lines, and a hint for errors whose cause is not in the code's text.
 */
final class StackTraces {

    /** Longest trace shown, lines. */
    static final int MAX_LINES = 25;

    private static final int MAX_CAUSE_FRAMES = 4;

    private StackTraces() {}

    /**
     * @param place names the cell and line of a frame of a learner's snippet, or returns null for other frames
     */
    static List<String> format(Throwable t, Function<StackTraceElement, String> place) {
        return format(t, t.getStackTrace(), place);
    }

    /** As {@link #format(Throwable, Function)}, with {@code frames} in place of {@code t}'s own. */
    static List<String> format(Throwable t, StackTraceElement[] frames, Function<StackTraceElement, String> place) {
        List<String> lines = new ArrayList<>();
        lines.add(t.toString());
        frames(frames, place, lines, MAX_LINES - 6);
        Throwable cause = t.getCause();
        for (int depth = 0; cause != null && cause != t && depth < 3 && lines.size() < MAX_LINES - 2; depth++) {
            lines.add("Caused by: " + cause);
            frames(cause.getStackTrace(), place, lines, Math.min(MAX_CAUSE_FRAMES, MAX_LINES - 2 - lines.size()));
            cause = cause.getCause();
        }
        lines.addAll(hint(t));
        return lines;
    }

    private static void frames(
            StackTraceElement[] all, Function<StackTraceElement, String> place, List<String> out, int max) {
        // the stop checks the kernel puts into the learner's code (CellStop.check) are not the learner's: a
        // StackOverflowError often ends in one, on top of the learner's frames
        StackTraceElement[] st = java.util.Arrays.stream(all)
                .filter(f -> !f.getClassName().equals(CellStop.class.getName()))
                .toArray(StackTraceElement[]::new);
        // the kernel's frames below the learner's (the snippet thread, reflection, JShell) go; kernel frames the
        // learner's code called (display, for one) stay
        int end = st.length;
        while (end > 0 && isKernelFrame(st[end - 1])) {
            end--;
        }
        int shown = 0;
        int i = 0;
        while (i < end) {
            int run = 1;
            while (i + run < end && st[i + run].equals(st[i])) {
                run++;
            }
            if (shown >= max) {
                out.add(String.format("    ... %,d more frames", end - i));
                return;
            }
            out.add("    at " + describe(st[i], place));
            shown++;
            if (run > 1) {
                out.add(String.format("    ... the line above repeats %,d more times", run - 1));
                shown++;
            }
            i += run;
        }
    }

    private static String describe(StackTraceElement f, Function<StackTraceElement, String> place) {
        String where = place.apply(f);
        if (where == null) {
            return f.toString();
        }
        String m = f.getMethodName();
        return m.isEmpty() || m.startsWith("do_it$") ? "(" + where + ")" : m + " (" + where + ")";
    }

    private static boolean isKernelFrame(StackTraceElement f) {
        String c = f.getClassName();
        return c.startsWith("lif.kernel.")
                || c.startsWith("jdk.internal.reflect.")
                || c.startsWith("jdk.jshell.execution")
                || c.equals("java.lang.reflect.Method")
                || c.startsWith("jdk.jshell.");
    }

    private static List<String> hint(Throwable t) {
        if (t instanceof OutOfMemoryError) {
            long maxMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
            return List.of(
                    "The kernel ran out of memory: its heap is capped at " + maxMb + " MB (kernel/README.md says why).",
                    "Big ensembles: keep statistics, not every trace: Lif.ensembleStats streams the per-step mean and std",
                    "without storing N x T values. Free memory held by a variable with  name = null;  the kernel still works.");
        }
        if (t instanceof StackOverflowError) {
            return List.of("A method called itself without end (or too deeply): check its stopping condition.");
        }
        return List.of();
    }
}
