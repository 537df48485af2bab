package lif.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellOutputTest {

    final List<String> sent = new ArrayList<>();
    final List<CellOutput.Stream> streams = new ArrayList<>();

    CellOutput output(int maxLines, int maxBytes) {
        return new CellOutput(
                (s, t) -> {
                    streams.add(s);
                    sent.add(t);
                },
                maxLines,
                maxBytes);
    }

    static void print(CellOutput out, CellOutput.Stream s, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        out.write(s, b, 0, b.length);
    }

    @Test
    void collectsWritesUntilFlushed() {
        CellOutput out = output(100, 10_000);
        for (int i = 0; i < 5; i++) {
            print(out, CellOutput.Stream.OUT, "line " + i + "\n");
        }
        assertTrue(sent.isEmpty(), "nothing is sent before a flush");
        out.flush();
        assertEquals(List.of("line 0\nline 1\nline 2\nline 3\nline 4\n"), sent);
    }

    @Test
    void keepsTheOrderOfStdoutAndStderr() {
        CellOutput out = output(100, 10_000);
        print(out, CellOutput.Stream.OUT, "a\n");
        print(out, CellOutput.Stream.ERR, "b\n");
        print(out, CellOutput.Stream.OUT, "c\n");
        out.close();
        assertEquals(List.of("a\n", "b\n", "c\n"), sent);
        assertEquals(List.of(CellOutput.Stream.OUT, CellOutput.Stream.ERR, CellOutput.Stream.OUT), streams);
    }

    @Test
    void capsLinesAndSaysHowMuchWasDropped() {
        CellOutput out = output(3, 10_000);
        for (int i = 0; i < 10; i++) {
            print(out, CellOutput.Stream.OUT, "x" + i + "\n");
        }
        out.close();
        assertEquals("x0\nx1\nx2\n", sent.get(0));
        assertEquals(7, out.droppedLines());
        assertEquals(21, out.droppedBytes());
        assertTrue(sent.get(1).contains("7 more lines (21 bytes) not shown"), sent.get(1));
        assertEquals(CellOutput.Stream.ERR, streams.get(1));
    }

    @Test
    void capsBytesWithinALine() {
        CellOutput out = output(100, 5);
        print(out, CellOutput.Stream.OUT, "abcdefgh");
        out.close();
        assertEquals("abcde", sent.get(0));
        assertEquals(3, out.droppedBytes());
    }

    @Test
    void sendsABigBatchAtOnce() {
        CellOutput out = output(1_000_000, 10_000_000);
        String line = "y".repeat(999) + "\n";
        for (int i = 0; i < 70; i++) {
            print(out, CellOutput.Stream.OUT, line);
        }
        assertEquals(1, sent.size(), "64 KB waiting are sent without a flush");
    }

    @Test
    void neverCutsACharacterInTwo() {
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8); // 3 bytes
        CellOutput out = output(100, 10_000);
        out.write(CellOutput.Stream.OUT, euro, 0, 2);
        out.flush();
        assertTrue(sent.isEmpty(), "a partial character waits for its rest");
        out.write(CellOutput.Stream.OUT, euro, 2, 1);
        out.flush();
        assertEquals(List.of("€"), sent);
    }

    @Test
    void refusesWritesOnceClosed() {
        CellOutput out = output(100, 10_000);
        out.close();
        byte[] b = "late\n".getBytes(StandardCharsets.UTF_8);
        assertFalse(out.write(CellOutput.Stream.OUT, b, 0, b.length));
        assertTrue(sent.isEmpty());
    }
}
