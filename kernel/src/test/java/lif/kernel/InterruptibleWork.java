package lif.kernel;

/** Library-like loops (not a snippet: no stop checks) for EvaluatorTest. */
public final class InterruptibleWork {

    /** Set to let {@link #ignoringInterrupts()} end. */
    public static volatile boolean release;

    /** Set when a loop has started. */
    public static volatile boolean running;

    private InterruptibleWork() {}

    /** Works in blocks and, like lif's engine, gives up between blocks when its thread is interrupted. */
    public static long blocks() {
        long done = 0;
        running = true;
        while (true) {
            for (int i = 0; i < 1_000_000; i++) {
                done += i % 7;
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("interrupted after " + done);
            }
        }
    }

    /** Ignores interrupts (a JDK method that never returns, say) until {@link #release}. */
    public static long ignoringInterrupts() {
        long n = 0;
        running = true;
        while (!release) {
            n++;
        }
        return n;
    }
}
