package lif.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * javac sees only part of the notebook classpath at first (the library and its own dependencies); a snippet that
 * needs the rest gets it, once, and compiles as if javac had seen it all along. The rest here: a folder with one
 * class, {@code extra.Extra}, that is not on the test JVM's own classpath (JShell's javac sees that one too).
 */
class CompileClasspathTest {

    @TempDir
    static Path rest;

    @BeforeAll
    static void compileTheRest() throws Exception {
        Path source = rest.resolve("extra/Extra.java");
        Files.createDirectories(source.getParent());
        Files.writeString(
                source,
                "package extra; public class Extra { public static int three() { return 3; }"
                        + " public int size() { return 2; } }",
                StandardCharsets.UTF_8);
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, source.toString()));
    }

    static void withEvaluator(Consumer<Evaluator> test) {
        List<String> first = JavacWarmupTest.libraryClasspath();
        List<String> all = new ArrayList<>(first);
        all.add(rest.toString());
        try (Evaluator ev = Evaluator.create(all, first, new PrintStream(PrintStream.nullOutputStream()))) {
            test.accept(ev);
        }
    }

    static CellResult run(Evaluator ev, String code) {
        return ev.run(code, 1, CellThreads.quiet(1));
    }

    /** Runs {@code code}, which must end without an error and show {@code value}. */
    static void assertShows(Object value, Evaluator ev, String code) {
        CellResult r = run(ev, code);
        assertNull(r.errorName, String.valueOf(r.traceback));
        assertEquals(value, r.value, code);
    }

    @Test
    void aCellUsingTheRestCompilesAfterJavacIsGivenIt() {
        withEvaluator(ev -> {
            assertEquals(2, run(ev, "1 + 1").value);
            assertEquals(
                    "Extra",
                    run(ev, "Class.forName(\"extra.Extra\").getSimpleName()").value,
                    "running sees the whole classpath from the start");
            assertEquals(List.of(rest.toString()), ev.compileLater(), "javac does not see the rest yet");
            assertShows(3, ev, "int n = extra.Extra.three();\nn");
            assertTrue(ev.compileLater().isEmpty(), "javac sees all of it from now on");
            assertEquals(2, run(ev, "new extra.Extra().size()").value);
        });
    }

    @Test
    void aMethodWaitingForATypeOfTheRestIsDefined() {
        withEvaluator(ev -> {
            CellResult r = run(ev, "int sizeOf(extra.Extra e) { return e.size(); }");
            assertNull(r.errorName, String.valueOf(r.traceback));
            assertShows(2, ev, "sizeOf(new extra.Extra())");
        });
    }

    @Test
    void nothingRunsTwice() {
        withEvaluator(ev -> {
            run(ev, "int ticks = 0;\nint tick() { return ++ticks; }");
            run(ev, "int a = tick(), b = extra.Extra.three();"); // a runs; b first fails or waits, or both wait
            assertEquals(1, run(ev, "ticks").value, "the part that ran is not run again");
            assertTrue(ev.compileLater().isEmpty());
            assertShows(3, ev, "int a = tick(), b = extra.Extra.three();\nb"); // the learner runs it again
            assertEquals(2, run(ev, "ticks").value);
        });
    }

    @Test
    void anExpressionUsingTheRestFirst() {
        withEvaluator(ev -> {
            assertShows(3, ev, "extra.Extra.three()");
        });
    }

    @Test
    void aRealCompileErrorIsStillOneAndSaysWhy() {
        withEvaluator(ev -> {
            CellResult r = run(ev, "int x = \"a\";");
            assertEquals("CompileError", r.errorName);
            assertTrue(String.join("\n", r.traceback).contains("incompatible types"), String.valueOf(r.traceback));
            assertTrue(ev.compileLater().isEmpty(), "looked for the rest first");
            r = run(ev, "int y = \"b\";");
            assertEquals("CompileError", r.errorName, "once given all, a later error is just reported");
        });
    }

    @Test
    void everythingStaysAtFirstWhenJavacSeesAll() {
        List<String> all = JavacWarmupTest.libraryClasspath();
        try (Evaluator ev = Evaluator.create(all, new PrintStream(PrintStream.nullOutputStream()))) {
            assertTrue(ev.compileLater().isEmpty());
            assertEquals("CompileError", run(ev, "int x = \"a\";").errorName);
        }
    }
}
