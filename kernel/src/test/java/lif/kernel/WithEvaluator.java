package lif.kernel;

import java.io.PrintStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Tests that run cells in one kernel JShell per test class, with the library on its classpath. */
abstract class WithEvaluator {

    static Evaluator evaluator;
    static int count = 1;

    @BeforeAll
    static void start() {
        evaluator =
                Evaluator.create(JavacWarmupTest.libraryClasspath(), new PrintStream(PrintStream.nullOutputStream()));
    }

    @AfterAll
    static void stop() {
        evaluator.close();
    }

    /** Runs a cell as the kernel's cell [4] (its error messages name that cell). */
    static CellResult run(String code) {
        return evaluator.run(code, 4, CellThreads.quiet(count++));
    }
}
