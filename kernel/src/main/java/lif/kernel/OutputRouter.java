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
 * {@code System.out} and {@code System.err} of the kernel's JVM: text printed by a thread of a cell (the
 * cell's own thread and every thread it started, found through {@link CellThreads}) goes to that cell's
 * {@link CellOutput}; text of a cell that has ended, and of the kernel's own threads, goes to the kernel's
 * log (the JVM's original stderr, which Jupyter shows in its console), never into a later cell.
 */
final class OutputRouter {

    private final PrintStream log;
    private final Set<CellOutput> open = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService flusher;

    private OutputRouter(PrintStream log) {
        this.log = log;
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lif-output-flush");
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleWithFixedDelay(
                this::flushAll, CellOutput.FLUSH_MILLIS, CellOutput.FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Replaces System.out, System.err (and System.in, by an empty stream); returns the router. */
    static OutputRouter install() {
        OutputRouter router = new OutputRouter(System.err);
        System.setOut(new PrintStream(router.new Routed(CellOutput.Stream.OUT), false, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(router.new Routed(CellOutput.Stream.ERR), false, StandardCharsets.UTF_8));
        System.setIn(InputStream.nullInputStream());
        Runtime.getRuntime().addShutdownHook(new Thread(router::exiting, "lif-output-exit"));
        return router;
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
            CellOutput out = CellThreads.outputOf(Thread.currentThread());
            if (out == null || !out.write(stream, b, off, len)) {
                log.write(b, off, len);
            }
        }

        /** A cell's text is sent in batches (JShell flushes after every statement); the log at once. */
        @Override
        public void flush() {
            if (CellThreads.outputOf(Thread.currentThread()) == null) {
                log.flush();
            }
        }
    }
}
