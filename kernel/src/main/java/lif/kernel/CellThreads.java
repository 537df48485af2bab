package lif.kernel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.function.Function;

/**
 * The threads of one cell: the thread that runs its snippets and every thread those start (a new thread joins
 * its creator's group). The group knows the cell's output and input, so what these threads print goes to the
 * cell that started them and what they read comes from it, and it is what an interrupt stops.
 *
 * <p>The common ForkJoinPool's workers (parallel streams) belong to no cell: whichever group they were created
 * in (Java 17 puts them in the group of the thread that first needed them, later versions in one of their
 * own), they work for the cell that began last ({@link #of(Thread)}).
 */
final class CellThreads extends ThreadGroup {

    /** The cell that began last: the common pool's workers work for it. */
    private static volatile CellThreads latest;

    final int executionCount;
    final CellOutput output;
    final CellInput input;
    private final Function<StackTraceElement, String> place;
    private volatile boolean stopRequested;

    /**
     * @param place names the cell and line of a frame of a learner's snippet, or null for other frames (for the
     *              traces of exceptions that end a thread of the cell)
     */
    CellThreads(int executionCount, CellOutput output, CellInput input, Function<StackTraceElement, String> place) {
        super("cell-" + executionCount);
        this.executionCount = executionCount;
        this.output = output;
        this.input = input;
        this.place = place;
    }

    /** A cell without input and with a silent output (start-up code, class-data training). */
    static CellThreads quiet(int executionCount) {
        return new CellThreads(executionCount, new CellOutput((s, t) -> {}), new CellInput(null), f -> null);
    }

    /** Marks this cell as the one the common pool's workers now work for. */
    void begin() {
        latest = this;
    }

    /** The cell a thread works for; null for the kernel's own threads. */
    static CellThreads of(Thread t) {
        if (isCommonPoolWorker(t)) {
            return latest;
        }
        for (ThreadGroup g = t.getThreadGroup(); g != null; g = g.getParent()) {
            if (g instanceof CellThreads) {
                return (CellThreads) g;
            }
        }
        return null;
    }

    static boolean isCommonPoolWorker(Thread t) {
        return t instanceof ForkJoinWorkerThread && ((ForkJoinWorkerThread) t).getPool() == ForkJoinPool.commonPool();
    }

    void requestStop() {
        stopRequested = true;
    }

    boolean stopRequested() {
        return stopRequested;
    }

    /** The common pool's workers that are alive now. */
    static List<Thread> commonPoolWorkers() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        List<Thread> workers = live(root);
        workers.removeIf(t -> !isCommonPoolWorker(t));
        return workers;
    }

    /** The live threads of this cell, subgroups included (not the common pool's workers). */
    List<Thread> threads() {
        List<Thread> threads = live(this);
        threads.removeIf(CellThreads::isCommonPoolWorker);
        return threads;
    }

    private static List<Thread> live(ThreadGroup group) {
        Thread[] all;
        int n;
        do {
            all = new Thread[group.activeCount() + 8];
            n = group.enumerate(all, true);
        } while (n == all.length);
        List<Thread> live = new ArrayList<>(Arrays.asList(all).subList(0, n));
        live.removeIf(t -> !t.isAlive());
        return live;
    }

    @Override
    public void uncaughtException(Thread t, Throwable e) {
        // a thread the learner started failed: show it in its cell while that runs, else in the log
        if (e instanceof CellStop.Stopped) {
            return;
        }
        String text =
                "Exception in thread \"" + t.getName() + "\" " + String.join("\n", StackTraces.format(e, place)) + "\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (!output.write(CellOutput.Stream.ERR, bytes, 0, bytes.length)) {
            super.uncaughtException(t, e);
        }
    }
}
