package lif.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Cells run by the kernel's JShell: values, and interrupts (the snippet's loops, library loops, stuck code). */
class EvaluatorTest extends WithEvaluator {

    /**
     * Runs {@code code}, interrupts it {@code afterMillis} after it set {@link InterruptibleWork#running} (at
     * once if it sets none); returns (result, ms from interrupt to end).
     */
    static Object[] interrupted(String code, long afterMillis) throws Exception {
        CellResult[] result = new CellResult[1];
        int n = count++;
        Thread shell = new Thread(() -> result[0] = evaluator.run(code, n, CellThreads.quiet(n)), "shell");
        shell.start(); // (a thread of its own, as the kernel's shell thread: not one of the common pool)
        for (int i = 0; i < 500 && !InterruptibleWork.running && code.contains("InterruptibleWork"); i++) {
            Thread.sleep(20);
        }
        Thread.sleep(afterMillis);
        long t0 = System.nanoTime();
        evaluator.control().stopCell();
        shell.join();
        CellResult r = result[0];
        InterruptibleWork.running = false;
        return new Object[] {r, (System.nanoTime() - t0) / 1_000_000};
    }

    @Test
    void anExpressionShowsItsValueAndLeavesNoVariableBehind() {
        assertEquals(4, run("2 + 2").value);
        assertEquals("ab", run("\"a\" + 'b'").value);
        CellResult r = run("$1");
        assertEquals("CompileError", r.errorName, "JShell's $1 is dropped once its value is taken");
    }

    @Test
    void aBusyLoopInASnippetStops() throws Exception {
        Object[] r = interrupted("long n = 0;\nwhile (true) { n++; }", 1000);
        CellResult result = (CellResult) r[0];
        assertEquals("Interrupted", result.errorName);
        assertEquals("the cell was stopped", result.errorValue);
        assertTrue((long) r[1] < 1000, "stopped within 1 s: " + r[1] + " ms");
        assertEquals(2, run("1 + 1").value);
    }

    @Test
    void aLibraryLoopThatChecksInterruptsStops() throws Exception {
        Object[] r = interrupted("lif.kernel.InterruptibleWork.blocks()", 300);
        assertEquals("the cell was stopped", ((CellResult) r[0]).errorValue);
        assertTrue((long) r[1] < 1000, "stopped within 1 s: " + r[1] + " ms");
    }

    @Test
    void codeThatNeverChecksEndsTheCellAnywayAndSaysWhereItIsStuck() throws Exception {
        InterruptibleWork.release = false;
        try {
            Object[] r = interrupted("lif.kernel.InterruptibleWork.ignoringInterrupts()", 200);
            CellResult result = (CellResult) r[0];
            assertEquals("Interrupted", result.errorName);
            assertTrue(
                    result.errorValue.contains("still inside lif.kernel.InterruptibleWork.ignoringInterrupts("),
                    result.errorValue);
            long waited = (long) r[1];
            assertTrue(waited >= CellExecutionControl.STOP_WAIT_MILLIS && waited < 1000, waited + " ms");
        } finally {
            InterruptibleWork.release = true;
        }
        CellResult next = run("\"next\"");
        assertNull(next.errorName);
        assertEquals("next", next.value);
    }
}
