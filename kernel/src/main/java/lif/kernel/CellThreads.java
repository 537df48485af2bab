package lif.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The threads of one cell: the thread that runs its snippets and every thread those start (a new thread
 * joins its creator's group). The group knows the cell's output, so what these threads print goes to the
 * cell that started them, and it is what an interrupt stops.
 */
final class CellThreads extends ThreadGroup {

    final int executionCount;
    final CellOutput output;
    private volatile boolean stopRequested;

    CellThreads(int executionCount, CellOutput output) {
        super("cell-" + executionCount);
        this.executionCount = executionCount;
        this.output = output;
        setDaemon(false);
    }

    /** The output of the cell whose group (or a subgroup) holds this thread; null for the kernel's threads. */
    static CellOutput outputOf(Thread t) {
        for (ThreadGroup g = t.getThreadGroup(); g != null; g = g.getParent()) {
            if (g instanceof CellThreads) {
                return ((CellThreads) g).output;
            }
        }
        return null;
    }

    void requestStop() {
        stopRequested = true;
    }

    boolean stopRequested() {
        return stopRequested;
    }

    /** The live threads of this cell, subgroups included. */
    List<Thread> threads() {
        Thread[] all;
        int n;
        do {
            all = new Thread[activeCount() + 8];
            n = enumerate(all, true);
        } while (n == all.length);
        List<Thread> live = new ArrayList<>(Arrays.asList(all).subList(0, n));
        live.removeIf(t -> !t.isAlive());
        return live;
    }

    @Override
    public void uncaughtException(Thread t, Throwable e) {
        // a thread the learner started failed: show it in its cell while that runs, else in the log
        if (e instanceof ThreadDeath) {
            return;
        }
        StringBuilder sb = new StringBuilder("Exception in thread \"" + t.getName() + "\" ");
        sb.append(e).append('\n');
        for (StackTraceElement f : e.getStackTrace()) {
            if (f.getClassName().startsWith("lif.kernel.")) {
                break;
            }
            sb.append("\tat ").append(f).append('\n');
        }
        byte[] bytes = sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (!output.write(CellOutput.Stream.ERR, bytes, 0, bytes.length)) {
            super.uncaughtException(t, e);
        }
    }
}
