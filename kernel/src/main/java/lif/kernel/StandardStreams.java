package lif.kernel;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code System.out}, {@code System.err} and {@code System.in} of the kernel's JVM, routed by the thread that
 * uses them ({@link CellThreads#of(Thread)}: a cell's own thread, every thread it started, the common pool's
 * workers). Text printed for a cell goes to that cell's {@link CellOutput}; text of a cell that has ended, and
 * of the kernel's own threads, goes to the kernel's log (the JVM's original stderr, which Jupyter shows in its
 * console), never into a later cell. Reads come from the cell's {@link CellInput}; the kernel's threads read
 * end of input.
 */
final class StandardStreams {

    /** What {@code System.out}, {@code System.err} and {@code System.in} become. */
    final PrintStream out;

    final PrintStream err;
    final InputStream in = new RoutedInput();

    private final PrintStream log;
    private final Set<CellOutput> open = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService flusher;

    /** The routed streams (not installed), with {@code log} for text no cell takes. */
    StandardStreams(PrintStream log) {
        this.log = log;
        this.out = new PrintStream(new Routed(CellOutput.Stream.OUT), false, StandardCharsets.UTF_8);
        this.err = new PrintStream(new Routed(CellOutput.Stream.ERR), false, StandardCharsets.UTF_8);
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lif-output-flush");
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleWithFixedDelay(
                this::flushAll, CellOutput.FLUSH_MILLIS, CellOutput.FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Replaces System.out, System.err and System.in; returns the streams. */
    static StandardStreams install() {
        StandardStreams streams = new StandardStreams(System.err);
        System.setOut(streams.out);
        System.setErr(streams.err);
        System.setIn(streams.in);
        Runtime.getRuntime().addShutdownHook(new Thread(streams::exiting, "lif-output-exit"));
        return streams;
    }

    /** The kernel's log: Jupyter's console, not the notebook. */
    PrintStream log() {
        return log;
    }

    void opened(CellOutput out) {
        open.add(out);
    }

    void closed(CellOutput out) {
        open.remove(out);
    }

    /** The JVM is ending while a cell runs (it called System.exit): its output, then a last line, go out. */
    private void exiting() {
        if (open.isEmpty()) {
            return;
        }
        byte[] notice = ("\n[System.exit was called: the kernel stops here and Jupyter starts a new one;"
                        + " variables and imports of this session are gone]\n")
                .getBytes(StandardCharsets.UTF_8);
        for (CellOutput out : open) {
            out.write(CellOutput.Stream.ERR, notice, 0, notice.length);
        }
        flushAll();
        try {
            Thread.sleep(200); // lets the messaging thread send them before the JVM halts
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void flushAll() {
        for (CellOutput out : open) {
            try {
                out.flush();
            } catch (RuntimeException e) {
                log.println("lif-kernel: sending output failed: " + e);
            }
        }
    }

    /** Routes the bytes of one stream by the writing thread. */
    private final class Routed extends OutputStream {
        private final CellOutput.Stream stream;

        Routed(CellOutput.Stream stream) {
            this.stream = stream;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            CellThreads cell = CellThreads.of(Thread.currentThread());
            if (cell == null || !cell.output.write(stream, b, off, len)) {
                log.write(b, off, len);
            }
        }

        /** A cell's text is sent in batches (JShell flushes after every statement); the log at once. */
        @Override
        public void flush() {
            if (CellThreads.of(Thread.currentThread()) == null) {
                log.flush();
            }
        }
    }

    /** Reads of the using thread's cell; end of input for the kernel's threads. */
    private static final class RoutedInput extends InputStream {
        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) == 1 ? one[0] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            CellThreads cell = CellThreads.of(Thread.currentThread());
            return cell == null ? -1 : cell.input.read(b, off, len);
        }

        @Override
        public int available() {
            CellThreads cell = CellThreads.of(Thread.currentThread());
            return cell == null ? 0 : cell.input.available();
        }
    }
}
