package lif.stats;

import java.util.concurrent.CancellationException;

/**
 * How the library's long loops (the ensemble engine's blocks, {@code Lif}'s runs, the autocovariance) answer
 * {@link Thread#interrupt()}: between blocks of work they look at their thread's interrupt flag and, when it is
 * set, stop and throw {@link #stopped}'s exception, leaving the flag set for the caller (a notebook kernel's
 * interrupt button, {@code Future.cancel(true)}). Here, in the package that depends on nothing, so that every
 * package of the library can use it.
 */
public final class Interrupts {
    private Interrupts() {}

    /** Whether the current thread has been interrupted (its flag is left as it is). */
    public static boolean requested() {
        return Thread.currentThread().isInterrupted();
    }

    /**
     * The exception a loop throws when it stops for an interrupt; sets the current thread's interrupt flag again
     * (in case a wait consumed it).
     *
     * @param what what stopped and how far it got, e.g. {@code "the ensemble run (1,000 neurons x 150 steps)"}
     */
    public static CancellationException stopped(String what) {
        Thread.currentThread().interrupt();
        return new CancellationException(
                what + " stopped: its thread was interrupted (Thread.interrupt()); the interrupt flag stays set");
    }
}
