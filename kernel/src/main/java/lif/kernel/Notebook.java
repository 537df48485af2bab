package lif.kernel;

import java.util.UUID;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * For code in a cell of this kernel: show something now, render it as given MIME types, clear the cell's
 * output. The kernel imports these at start, hidden ({@link Evaluator#HIDDEN_SETUP}), so {@code display(x)}
 * and {@code render(x, "text/html")} work as in IJava and JJava. Kernel-specific: the tutorial's notebooks do
 * not use them (a figure left as a cell's last expression shows in any kernel).
 */
public final class Notebook {

    private Notebook() {}

    /** Shows {@code o} (a figure, text, ...) in the running cell, as its last expression would; returns its display id. */
    public static String display(Object o) {
        return shown(render(o));
    }

    /** Shows {@code o} rendered as the given MIME types (e.g. "text/html"); returns its display id. */
    public static String display(Object o, String... mimeTypes) {
        return shown(render(o, mimeTypes));
    }

    /** {@code o} as the kernel would show it; left as a cell's last expression, it shows as that. */
    public static DisplayData render(Object o) {
        return BaseKernel.notebookKernel().getRenderer().render(o);
    }

    /** {@code o} rendered as the given MIME types (text/plain always included). */
    public static DisplayData render(Object o, String... mimeTypes) {
        return BaseKernel.notebookKernel().getRenderer().renderAs(o, mimeTypes);
    }

    /** Clears the running cell's output; with {@code wait}, only when the next output arrives (no flicker). */
    public static void clearOutput(boolean wait) {
        ((LifKernel) BaseKernel.notebookKernel()).clearOutput(wait);
    }

    /** Clears the running cell's output now. */
    public static void clearOutput() {
        clearOutput(false);
    }

    private static String shown(DisplayData data) {
        if (!data.hasDisplayId()) {
            data.setDisplayId(UUID.randomUUID().toString());
        }
        BaseKernel.notebookKernel().display(data);
        return data.getDisplayId();
    }
}
