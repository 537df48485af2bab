package lif.kernel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;

/** JShell's class index (completion of package names, "fix imports") waits until the kernel lets it be made. */
class ClassIndexTest {

    private static boolean upToDate(SourceCodeAnalysis analysis) {
        return analysis.listQualifiedNames("ArrayDeque", "ArrayDeque".length()).isUpToDate();
    }

    private static boolean becomesUpToDate(SourceCodeAnalysis analysis) throws InterruptedException {
        for (int i = 0; i < 600 && !upToDate(analysis); i++) {
            Thread.sleep(100);
        }
        return upToDate(analysis);
    }

    @Test
    void heldBackUntilResumedThenMade() throws Exception {
        // a plain JShell's index first: the JVM keeps what it read, so the next one is made in milliseconds
        try (JShell plain = JavacWarmup.newShell()) {
            assertTrue(becomesUpToDate(plain.sourceCodeAnalysis()), "a plain JShell's index is made");
        }
        try (Evaluator ev = Evaluator.create(List.of(), new PrintStream(PrintStream.nullOutputStream()))) {
            Thread.sleep(500);
            assertFalse(upToDate(ev.analysis()), "held back");
            ev.releaseClassIndex();
            assertTrue(becomesUpToDate(ev.analysis()), "made once released");
            ev.releaseClassIndex(); // a second call does nothing
        }
    }
}
