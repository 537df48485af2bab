package lif.kernel;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stop check that {@link StopChecks} puts into the learner's compiled code, at the start of every method and
 * before every backward jump (each round of a loop), and what makes it throw: an interrupt (■) of a cell.
 *
 * <p>{@link #check()} costs one read of a volatile field while no stop is pending. When a cell is being stopped,
 * a thread that works for that cell ({@link CellThreads#of(Thread)}: its own threads, and the common
 * ForkJoinPool's workers, which run parallel streams) throws {@link Stopped} at its next check, and keeps
 * throwing at every later check, so no {@code catch} in the learner's code can keep it running. Other threads
 * (the kernel's, those of earlier cells) go on.
 *
 * <p>Public only because the learner's classes call {@link #check()}; nothing else is for them.
 */
public final class CellStop {

    /** True while a stopped cell may still have threads running learner code: checks take the slow path. */
    private static volatile boolean pending;

    private static final Set<CellThreads> STOPPED = ConcurrentHashMap.newKeySet();

    private CellStop() {}

    /** The check: returns at once unless the calling thread works for a cell that is being stopped. */
    public static void check() {
        if (pending) {
            checkThread();
        }
    }

    private static void checkThread() {
        CellThreads cell = CellThreads.of(Thread.currentThread());
        if (cell != null && cell.stopRequested()) {
            throw new Stopped();
        }
    }

    /** Makes the checks of {@code cell}'s threads throw from now on. */
    static synchronized void stop(CellThreads cell) {
        cell.requestStop();
        STOPPED.add(cell);
        pending = true;
    }

    /** Lets checks take the fast path again once no stopped cell has a live thread left. */
    static synchronized void settle() {
        STOPPED.removeIf(c -> c.threads().isEmpty());
        pending = !STOPPED.isEmpty();
    }

    /**
     * Thrown by a stop check in a thread of a cell that is being stopped. An {@link Error}, so that
     * {@code catch (Exception e)} in a cell does not catch it.
     */
    public static final class Stopped extends Error {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("the cell was stopped", null, false, false);
        }
    }
}
