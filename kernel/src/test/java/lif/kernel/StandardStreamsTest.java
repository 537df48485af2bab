package lif.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Scanner;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.Test;

/** System.out, System.err and System.in as the kernel routes them by thread (not installed here). */
class StandardStreamsTest {

    final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    final StandardStreams streams = new StandardStreams(new PrintStream(logged, true, StandardCharsets.UTF_8));

    /** A cell whose output is collected in {@code printed} and whose input lines come from {@code lines}. */
    static CellThreads cell(int n, StringBuilder printed, List<String> lines, List<String> asked) {
        CellOutput out = new CellOutput((stream, text) ->
                printed.append(stream == CellOutput.Stream.ERR ? "!" : "").append(text));
        CellInput in = new CellInput(
                lines == null
                        ? null
                        : prompt -> {
                            asked.add(prompt);
                            if (lines.isEmpty()) {
                                throw new CellStop.Stopped();
                            }
                            return lines.remove(0);
                        });
        return new CellThreads(n, out, in, f -> null);
    }

    /** Runs {@code body} on a new thread of {@code group} and returns what it returned. */
    static <T> T on(ThreadGroup group, Callable<T> body) throws Exception {
        FutureTask<T> task = new FutureTask<>(body);
        Thread t = new Thread(group, task, "cell-test");
        t.start();
        t.join();
        return task.get();
    }

    @Test
    void eachCellGetsWhatItsThreadsPrintAndTheKernelsThreadsGoToTheLog() throws Exception {
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        CellThreads cellA = cell(1, a, null, null);
        CellThreads cellB = cell(2, b, null, null);
        on(cellA, () -> {
            streams.out.println("to a");
            Thread child = new Thread(() -> streams.err.println("child of a")); // joins a's group
            child.start();
            child.join();
            streams.out.flush();
            return null;
        });
        on(cellB, () -> {
            streams.out.print("to b");
            streams.out.flush();
            return null;
        });
        streams.out.println("kernel");
        streams.out.flush();
        cellA.output.close();
        cellB.output.close();
        on(cellA, () -> {
            streams.out.println("after a ended");
            streams.out.flush();
            return null;
        });
        assertEquals("to a\n!child of a\n", a.toString());
        assertEquals("to b", b.toString());
        assertEquals("kernel\nafter a ended\n", logged.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theCommonPoolsWorkersPrintIntoTheCellThatBeganLast() throws Exception {
        StringBuilder older = new StringBuilder();
        StringBuilder latest = new StringBuilder();
        cell(3, older, null, null).begin();
        CellThreads now = cell(4, latest, null, null);
        now.begin();
        boolean[] onWorker = new boolean[1];
        CountDownLatch done = new CountDownLatch(1);
        ForkJoinPool.commonPool()
                .execute(
                        () -> { // (waiting with get() could run the task on this thread)
                            onWorker[0] = CellThreads.isCommonPoolWorker(Thread.currentThread());
                            streams.out.println("from a worker");
                            streams.out.flush();
                            done.countDown();
                        });
        done.await();
        now.output.close();
        assertTrue(onWorker[0]);
        assertEquals("from a worker\n", latest.toString());
        assertEquals("", older.toString());
    }

    @Test
    void readsAskTheirCellsFrontendLineByLineAndOthersReadEndOfInput() throws Exception {
        List<String> asked = new ArrayList<>();
        CellThreads reading = cell(5, new StringBuilder(), new ArrayList<>(List.of("21 lif", "second")), asked);
        String got = on(reading, () -> {
            Scanner in = new Scanner(streams.in, StandardCharsets.UTF_8);
            return in.nextInt() + "|" + in.next() + "|" + in.nextLine() + "|" + in.nextLine();
        });
        assertEquals("21|lif||second", got);
        assertEquals(List.of("", ""), asked, "one question per line, none before a line is needed");

        CellThreads noStdin = cell(6, new StringBuilder(), null, null);
        assertEquals(-1, on(noStdin, () -> streams.in.read()), "the request does not allow input");
        assertEquals(-1, streams.in.read(), "a kernel thread");

        CellThreads ended = cell(7, new StringBuilder(), new ArrayList<>(List.of("never read")), new ArrayList<>());
        ended.input.end();
        assertEquals(-1, on(ended, () -> streams.in.read()), "the cell has ended");
    }

    @Test
    void aStopWhileWaitingForInputEndsTheRead() {
        CellInput in = new CellInput(prompt -> {
            throw new CellStop.Stopped(); // what the frontend does when the cell is stopped while it waits
        });
        assertThrows(CellStop.Stopped.class, () -> in.read(new byte[8], 0, 8));
    }

    @Test
    void aLineIsReadInPiecesWithoutAskingAgain() {
        List<String> asked = new ArrayList<>();
        CellInput in = new CellInput(prompt -> {
            asked.add(prompt);
            return "héllo";
        });
        byte[] b = new byte[4];
        assertEquals(4, in.read(b, 0, 4));
        assertEquals(3, in.available());
        assertEquals(3, in.read(b, 0, 4));
        assertEquals("lo\n", new String(b, 0, 3, StandardCharsets.UTF_8), "after h, é (2 bytes) and l");
        assertEquals(1, asked.size());
        assertEquals(0, in.read(b, 0, 0));
    }
}
