package lif.kernel;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * The text one cell prints, on its way to the notebook: batched into few stream messages and capped.
 *
 * <p>Writes are collected and sent when {@link #flush()} is called (every {@value #FLUSH_MILLIS} ms by
 * {@link StandardStreams}, before a display or a result, at the end of the cell) or as soon as
 * {@value #FLUSH_BYTES} bytes wait. A change between stdout and stderr sends what waits first, so the order
 * of the two is kept. After {@value #MAX_LINES} lines or {@value #MAX_BYTES} bytes the rest of the cell's
 * output is dropped and counted; {@link #close()} then sends one line that says how much was dropped.
 *
 * <p>Thread-safe: any thread of the cell may write.
 */
final class CellOutput {

    /** Longest wait before printed text is sent, ms. */
    static final long FLUSH_MILLIS = 50;
    /** Bytes that are sent at once, without waiting for the next flush. */
    static final int FLUSH_BYTES = 64 * 1024;
    /** Lines a cell may show. */
    static final int MAX_LINES = 10_000;
    /** Bytes a cell may show (1 MB). */
    static final int MAX_BYTES = 1_000_000;

    /** Which stream a piece of text belongs to. */
    enum Stream {
        OUT,
        ERR
    }

    private BiConsumer<Stream, String> send;
    private final int maxLines;
    private final int maxBytes;

    private byte[] pending = new byte[8192];
    private int pendingLength;
    private Stream pendingStream = Stream.OUT;

    private long shownLines;
    private long shownBytes;
    private long droppedLines;
    private long droppedBytes;
    private boolean closed;

    /** @param send receives each batch: the stream and its text (whole UTF-8 characters) */
    CellOutput(BiConsumer<Stream, String> send) {
        this(send, MAX_LINES, MAX_BYTES);
    }

    CellOutput(BiConsumer<Stream, String> send, int maxLines, int maxBytes) {
        this.send = send;
        this.maxLines = maxLines;
        this.maxBytes = maxBytes;
    }

    /** Takes {@code len} bytes of UTF-8 text printed on {@code stream}; false once the cell has ended. */
    synchronized boolean write(Stream stream, byte[] b, int off, int len) {
        if (closed) {
            return false;
        }
        if (stream != pendingStream && pendingLength > 0) {
            flushLocked(false);
        }
        pendingStream = stream;
        int taken = 0;
        while (taken < len) {
            if (shownLines >= maxLines || shownBytes >= maxBytes) {
                droppedBytes += len - taken;
                droppedLines += countLines(b, off + taken, len - taken);
                break;
            }
            // take up to the end of the next line, within the byte budget
            int end = off + taken;
            int limit = off + (int) Math.min(len, taken + (maxBytes - shownBytes));
            while (end < limit && b[end] != '\n') {
                end++;
            }
            if (end < limit) {
                end++; // the newline
                shownLines++;
            }
            int n = end - (off + taken);
            append(b, off + taken, n);
            shownBytes += n;
            taken += n;
        }
        if (pendingLength >= FLUSH_BYTES) {
            flushLocked(false);
        }
        return true;
    }

    /** Sends what waits (whole characters only; a character cut in two waits for its rest). */
    synchronized void flush() {
        flushLocked(false);
    }

    /** Ends the cell's output: sends what waits, then the one line about dropped output, if any. */
    synchronized void close() {
        if (closed) {
            return;
        }
        flushLocked(true);
        if (droppedBytes > 0) {
            send.accept(Stream.ERR, droppedNotice());
        }
        closed = true;
        // the cell's thread group can outlive the cell (Java 17 keeps every group): keep neither the buffer nor
        // the frontend, with its request
        pending = new byte[0];
        send = (stream, text) -> {};
    }

    synchronized boolean isClosed() {
        return closed;
    }

    synchronized long droppedLines() {
        return droppedLines;
    }

    synchronized long droppedBytes() {
        return droppedBytes;
    }

    String droppedNotice() {
        return String.format(
                "%n[output capped: %,d more line%s (%s) not shown. A cell shows at most %,d lines or %s; to keep"
                        + " everything, write it to a file, e.g. try (var f = new java.io.PrintStream(\"out.txt\")) {"
                        + " f.println(...); }]%n",
                droppedLines, droppedLines == 1 ? "" : "s", size(droppedBytes), maxLines, size(maxBytes));
    }

    private static String size(long bytes) {
        if (bytes >= 1_000_000) {
            return String.format("%.1f MB", bytes / 1e6);
        }
        if (bytes >= 1_000) {
            return String.format("%.1f kB", bytes / 1e3);
        }
        return bytes + " bytes";
    }

    private void append(byte[] b, int off, int n) {
        if (pendingLength + n > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + n));
        }
        System.arraycopy(b, off, pending, pendingLength, n);
        pendingLength += n;
    }

    private void flushLocked(boolean all) {
        if (pendingLength == 0) {
            return;
        }
        int cut = all ? pendingLength : wholeCharacters(pending, pendingLength);
        if (cut == 0) {
            return;
        }
        String text = new String(pending, 0, cut, StandardCharsets.UTF_8);
        System.arraycopy(pending, cut, pending, 0, pendingLength - cut);
        pendingLength -= cut;
        send.accept(pendingStream, text);
    }

    /** Length of the longest prefix that does not end inside a UTF-8 sequence. */
    static int wholeCharacters(byte[] b, int len) {
        int i = len - 1;
        int back = 0;
        while (i >= 0 && back < 3 && (b[i] & 0xC0) == 0x80) {
            i--;
            back++;
        }
        if (i < 0) {
            return len;
        }
        int lead = b[i] & 0xFF;
        int need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        return (len - i) < need ? i : len;
    }

    private static long countLines(byte[] b, int off, int len) {
        long n = 0;
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                n++;
            }
        }
        return len > 0 && b[off + len - 1] != '\n' ? n + 1 : n;
    }
}
