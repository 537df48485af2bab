package lif.kernel;

import java.nio.charset.StandardCharsets;

/**
 * What one cell's threads read from {@code System.in}: a read that finds nothing waiting asks the notebook for
 * a line (Jupyter's {@code input_request}, which shows an input box) when the frontend allows input for this
 * cell; otherwise, and once the cell has ended, a read gives end of input. Thread-safe.
 */
final class CellInput {

    /** Asks the learner for one line (without its line end); blocks until it comes. */
    interface Frontend {
        /**
         * @throws CellStop.Stopped when the cell is stopped while it waits
         */
        String line(String prompt);
    }

    private Frontend frontend;
    private byte[] pending = new byte[0];
    private int position;
    private boolean ended;

    /** @param frontend where lines come from; null: the frontend does not allow input ({@code allow_stdin} false) */
    CellInput(Frontend frontend) {
        this.frontend = frontend;
        this.ended = frontend == null;
    }

    /** Up to {@code len} bytes of the waiting line (asking for one if none waits); -1 at end of input. */
    synchronized int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (position >= pending.length) {
            if (ended) {
                return -1;
            }
            pending = (frontend.line("") + "\n").getBytes(StandardCharsets.UTF_8);
            position = 0;
        }
        int n = Math.min(len, pending.length - position);
        System.arraycopy(pending, position, b, off, n);
        position += n;
        return n;
    }

    /** Bytes that can be read without asking the learner. */
    synchronized int available() {
        return pending.length - position;
    }

    /** The cell has ended: later reads give end of input. */
    synchronized void end() {
        ended = true;
        frontend = null; // the cell's thread group can outlive the cell (Java 17 keeps every group)
    }
}
