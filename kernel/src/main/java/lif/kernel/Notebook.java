package lif.kernel;

import java.util.UUID;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * For code in a cell of this kernel: show something now, or clear the cell's output. Kernel-specific:
 * the tutorial's notebooks do not use it (a figure left as a cell's last expression shows in any kernel).
 */
public final class Notebook {

    private Notebook() {}

    /** Shows {@code o} (a figure, text, ...) in the running cell, as its last expression would; returns its display id. */
    public static String display(Object o) {
        BaseKernel kernel = BaseKernel.notebookKernel();
        DisplayData data = kernel.getRenderer().render(o);
        if (!data.hasDisplayId()) {
            data.setDisplayId(UUID.randomUUID().toString());
        }
        kernel.display(data);
        return data.getDisplayId();
    }

    /** Clears the running cell's output; with {@code wait}, only when the next output arrives (no flicker). */
    public static void clearOutput(boolean wait) {
        ((LifKernel) BaseKernel.notebookKernel()).clearOutput(wait);
    }

    /** Clears the running cell's output now. */
    public static void clearOutput() {
        clearOutput(false);
    }
}
