package lif.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import jdk.jshell.JShell;
import org.junit.jupiter.api.Test;

class JavacWarmupTest {

    /** Rounds for the tests that run the warm-up (fewer than the kernel's: a round takes a second or so). */
    static final int ROUNDS = 8;

    /** The library and its dependencies, as the kernel's LIF_KERNEL_CLASSPATH would list them. */
    static List<String> libraryClasspath() {
        List<String> cp = new ArrayList<>(
                Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator)));
        cp.removeIf(e -> e.contains("junit") || e.contains("opentest4j") || e.contains("apiguardian"));
        return cp;
    }

    static String initScript() throws Exception {
        return Files.readString(Path.of("init.jsh"), StandardCharsets.UTF_8);
    }

    @Test
    void everyWarmupCellCompilesAndRunsInTheKernelsSetupAndPrintsNothing() throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        Thread.UncaughtExceptionHandler handler = Thread.getDefaultUncaughtExceptionHandler();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<String> problems = new ArrayList<>();
        int snippets = 0;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try (JShell shell = JavacWarmup.newShell()) {
            libraryClasspath().forEach(shell::addToClasspath);
            problems.addAll(JavacWarmup.evalCell(shell, initScript()));
            List<String> cells = JavacWarmup.cells();
            assertTrue(cells.size() >= 4, "warm-up cells: " + cells.size());
            for (int round = 0; round < 2; round++) { // the second round re-declares everything, as re-runs do
                for (String cell : cells) {
                    problems.addAll(JavacWarmup.evalCell(shell, cell));
                }
            }
            snippets = (int) shell.snippets().count();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertEquals(List.of(), problems);
        assertTrue(snippets > 60, "snippets evaluated: " + snippets);
        assertEquals("", printed.toString(StandardCharsets.UTF_8), "nothing on System.out or System.err");
        assertTrue(Thread.getDefaultUncaughtExceptionHandler() == handler, "the JVM-wide handler is untouched");
    }

    @Test
    void evalCellReportsWhatWentWrong() {
        try (JShell shell = JavacWarmup.newShell()) {
            List<String> p = JavacWarmup.evalCell(shell, "int a = 1;\nint b = a / 0;\nundefinedName + 1;\n");
            assertEquals(2, p.size(), p.toString());
            assertTrue(p.get(0).startsWith("threw"), p.get(0));
            assertTrue(p.get(1).startsWith("rejected"), p.get(1));
        }
    }

    @Test
    void runsInTheBackgroundWithinItsBudgetAndCanBeTurnedOff() throws Exception {
        JavacWarmup w = JavacWarmup.fromEnvironment(
                        Map.of(JavacWarmup.SECONDS_VARIABLE, "60"),
                        libraryClasspath(),
                        Files.readString(Path.of("init.jsh")))
                .withRounds(ROUNDS);
        Thread t = w.start();
        assertTrue(t.isDaemon());
        t.join(120_000);
        assertNull(w.failure());
        assertEquals(ROUNDS, w.roundsDone(), "all rounds within 60 s");

        JavacWarmup brief = JavacWarmup.fromEnvironment(Map.of(JavacWarmup.SECONDS_VARIABLE, "0.001"), List.of(), "");
        Thread b = brief.start();
        b.join(60_000);
        assertTrue(brief.roundsDone() < JavacWarmup.MAX_ROUNDS, "stops at its deadline");

        int[] idleWork = {0};
        assertNull(JavacWarmup.fromEnvironment(Map.of(JavacWarmup.SECONDS_VARIABLE, "0"), List.of(), "")
                .whenQuiet(() -> idleWork[0]++)
                .start());
        assertEquals(1, idleWork[0], "idle-time work runs at once when the warm-up is off");
    }

    @Test
    void waitsWhileAnythingElseRuns() throws Exception {
        long busyUntil = System.nanoTime() + 2_000_000_000L;
        Thread busy = new Thread(() -> {
            double x = 0;
            while (System.nanoTime() < busyUntil) {
                x += Math.sqrt(x + 1); // a cell computing
            }
            if (x < 0) {
                throw new AssertionError();
            }
        });
        busy.start();
        Thread.sleep(100);
        JavacWarmup w = JavacWarmup.fromEnvironment(Map.of(), libraryClasspath(), Files.readString(Path.of("init.jsh")))
                .withRounds(ROUNDS);
        List<Integer> snippetsWhenQuiet = new java.util.concurrent.CopyOnWriteArrayList<>();
        w.whenQuiet(() -> snippetsWhenQuiet.add(w.snippetsDone()));
        Thread t = w.start();
        Thread.sleep(1_500);
        assertEquals(0, w.snippetsDone(), "no snippet while another thread computes");
        assertEquals(List.of(), snippetsWhenQuiet, "no idle-time work either");
        busy.join();
        t.join(120_000);
        assertNull(w.failure());
        assertEquals(ROUNDS, w.roundsDone());
        assertEquals(List.of(0), snippetsWhenQuiet, "idle-time work once, before the first warm-up snippet");
        assertTrue(w.snippetsDone() > ROUNDS * 25, "snippets: " + w.snippetsDone());
    }

    @Test
    void seesAnotherProcessBusy() throws Exception {
        JavacWarmup w = JavacWarmup.fromEnvironment(Map.of(), List.of(), "");
        Process spinner = new ProcessBuilder("sh", "-c", "while :; do :; done").start(); // another program computing
        try {
            Thread.sleep(200);
            w.othersBusyCores();
            Thread.sleep(400);
            double busy = w.othersBusyCores();
            assertTrue(busy > JavacWarmup.OTHERS_MAX_CORES, "other processes' cores: " + busy);
        } finally {
            spinner.destroyForcibly().waitFor();
        }
    }
}
