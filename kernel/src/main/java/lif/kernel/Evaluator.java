package lif.kernel;

import java.io.File;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.VarSnippet;

/**
 * JShell for the kernel: runs a cell's snippets ({@link Snippets}) in order until one fails, and turns what
 * failed into a {@link CellResult} that points at the cell's own lines ({@link CellErrors}). Completion and
 * inspection: {@link #assist()}.
 *
 * <p>Not thread-safe: the kernel calls it from its shell thread only (an interrupt goes to
 * {@link CellExecutionControl#stopCell()} instead).
 */
final class Evaluator implements AutoCloseable {

    /**
     * IJava's and JJava's top-level {@code display(x)} and {@code render(x, mime)},
     * run hidden at start. An on-demand import, so a learner's own method of the same name wins.
     */
    static final String HIDDEN_SETUP = "import static lif.kernel.Notebook.*;";

    private final JShell shell;
    private final CellExecutionControl control;
    private final SnippetLoader loader;
    private final CodeAssist assist;
    /** Null where JShell's internals cannot be reached (then nothing is forgotten). */
    private final JShellClassHistory history;
    /** Where each snippet came from: its cell and the cell line its code starts on. */
    private final Map<String, int[]> places = new ConcurrentHashMap<>();

    private Times times = new Times(0, 0, 0, 0);
    /** The part of the notebook classpath javac does not see yet (empty once it sees all). */
    private List<String> compileLater;

    private final PrintStream log;
    /** Lets JShell's class index be made (see {@link #releaseClassIndex()}); null where it was not held back. */
    private final Runnable indexGate;

    private final AtomicBoolean indexReleased = new AtomicBoolean();

    /**
     * Where the kernel's time for the last cell went, ns: cutting it into snippets, compiling them (JShell's
     * eval minus loading and running), loading their classes (with stop checks), running them.
     */
    record Times(long split, long compile, long load, long run) {}

    private Evaluator(
            JShell shell, CellExecutionControl control, SnippetLoader loader, PrintStream log, List<String> later) {
        this.shell = shell;
        this.compileLater = List.copyOf(later);
        this.log = log;
        this.control = control;
        this.loader = loader;
        this.indexGate = holdClassIndex(log); // before the source analysis exists (it starts the index)
        try {
            this.assist = new CodeAssist(shell.sourceCodeAnalysis());
            this.history = JShellClassHistory.of(shell, log);
        } catch (RuntimeException | Error e) {
            releaseClassIndex(); // the indexing thread is the JVM's: never leave it held
            throw e;
        }
    }

    /**
     * Holds back JShell's class index: JShell starts making it on a thread of its own as soon as a source analysis
     * exists; it walks the whole JDK image and every jar (0.4 s of CPU on Java 17), on the second core while the
     * start-up imports compile on the first, 0.1 s of each start. Only the package names that completion offers
     * ({@code java.} and Tab, subpackages) and "fix imports" read it. A task that waits goes first onto that thread
     * (JShell's one indexing thread for the JVM, {@code SourceCodeAnalysisImpl.INDEXER}, opened to the kernel by the
     * kernelspec), before any index task can run: JShell's own {@code suspendIndexing} would come too late for the
     * first one. Returns what lets it go (it holds
     * up every JShell of the JVM until then), or null where that thread is not there.
     */
    static Runnable holdClassIndex(PrintStream log) {
        try {
            Field field = Class.forName("jdk.jshell.SourceCodeAnalysisImpl").getDeclaredField("INDEXER");
            field.setAccessible(true);
            CountDownLatch gate = new CountDownLatch(1);
            ((ExecutorService) field.get(null)).submit(() -> {
                gate.await();
                return null;
            });
            return gate::countDown;
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.println("lif-kernel: JShell's class index is made at start (cannot hold it back: " + e + ")");
            return null;
        }
    }

    /**
     * Lets JShell make its class index, held back since the start (the kernel calls it once it is idle after its
     * start-up); later calls do nothing.
     */
    void releaseClassIndex() {
        if (indexGate != null && indexReleased.compareAndSet(false, true)) {
            indexGate.run();
        }
    }

    /** A JShell whose snippets run in this JVM, with {@code classpath} for compiling and loading. */
    static Evaluator create(List<String> classpath, PrintStream log) {
        return create(classpath, classpath, log);
    }

    /**
     * A JShell whose snippets run in this JVM with {@code classpath}, javac seeing only {@code compileFirst} of it
     * until a snippet fails to compile or waits for a type: then the rest too, and that snippet again. javac
     * indexes every jar it is given at its first task, and the library's own dependencies are a tenth of the
     * notebook classpath (0.25 s of each start for the rest).
     */
    static Evaluator create(List<String> classpath, List<String> compileFirst, PrintStream log) {
        SnippetLoader loader = new SnippetLoader(Evaluator.class.getClassLoader());
        CellExecutionControl control = new CellExecutionControl(loader, log);
        JShell shell = JShell.builder()
                .executionEngine(CellExecutionControl.provider(control), Map.of())
                .in(InputStream.nullInputStream())
                .out(log)
                .err(log)
                .build();
        if (!compileFirst.isEmpty()) {
            shell.addToClasspath(String.join(File.pathSeparator, compileFirst)); // once: javac re-reads it per call
        }
        List<String> later = new ArrayList<>(classpath);
        later.removeAll(compileFirst);
        if (!later.isEmpty()) {
            try {
                loader.addToClasspath(String.join(File.pathSeparator, later)); // for running: all of it at once
            } catch (jdk.jshell.spi.ExecutionControl.InternalException e) {
                log.println("lif-kernel: " + e.getMessage());
            }
        }
        return new Evaluator(shell, control, loader, log, later);
    }

    /** The class loader of the learner's code and of the notebook classpath. */
    ClassLoader classLoader() {
        return loader.classLoader();
    }

    CellExecutionControl control() {
        return control;
    }

    CodeAssist assist() {
        return assist;
    }

    Times times() {
        return times;
    }

    /** The part of the notebook classpath javac does not see yet (empty once it sees all of it). */
    List<String> compileLater() {
        return compileLater;
    }

    /** Compiled classes JShell keeps for compiling later snippets, or -1 where the kernel cannot see them. */
    int compiledClasses() {
        return history == null ? -1 : history.size();
    }

    /** Evaluates start-up code (the imports), then {@link #HIDDEN_SETUP}; returns error lines, empty if all went well. */
    List<String> init(String code) {
        List<String> errors = new java.util.ArrayList<>();
        for (String part : List.of(code, HIDDEN_SETUP)) {
            CellResult r = run(part, 0, CellThreads.quiet(0));
            if (r.isError()) {
                errors.addAll(r.traceback);
            }
        }
        return errors;
    }

    /** Runs a cell: its snippets in order, stopping at the first error or at an interrupt. */
    CellResult run(String code, int executionCount, CellThreads threads) {
        long t0 = System.nanoTime();
        long split = 0;
        CellResult last = CellResult.none();
        try {
            control.beginCell(threads);
            List<Snippets.Piece> pieces = Snippets.split(shell.sourceCodeAnalysis(), code);
            split = System.nanoTime() - t0;
            for (Snippets.Piece piece : pieces) {
                if (threads.stopRequested()) {
                    return CellErrors.interrupted(control.stuckIn());
                }
                last = evalSnippet(piece, code, executionCount, threads);
                if (last.isError()) {
                    return last;
                }
            }
            return last;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CellErrors.interrupted(null);
        } finally {
            long all = System.nanoTime() - t0;
            long load = control.loadNanos();
            long run = control.runNanos();
            times = new Times(split, all - split - load - run, load, run);
            endCell();
            if (history != null) {
                history.forgetUnused();
            }
        }
    }

    private void endCell() {
        try {
            control.endCell();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private CellResult evalSnippet(Snippets.Piece piece, String cell, int executionCount, CellThreads threads) {
        int codeLine = Snippets.lineOf(cell, piece.code());
        List<SnippetEvent> events = shell.eval(piece.source());
        if (!compileLater.isEmpty() && mayNeedMoreClasspath(events)) {
            shell.addToClasspath(String.join(File.pathSeparator, compileLater));
            log.println("lif-kernel: javac sees the whole notebook classpath from now on (after: "
                    + piece.source().strip().lines().findFirst().orElse("") + ")");
            compileLater = List.of();
            if (nothingRan(events) && !threads.stopRequested()) {
                dropTemporaries(shell, events);
                events = shell.eval(piece.source());
            }
        }
        try {
            return outcome(events, cell, piece, codeLine, executionCount, threads);
        } finally {
            dropTemporaries(shell, events);
        }
    }

    /**
     * Whether a snippet did not compile, or waits for something it names: perhaps a class of the classpath javac
     * does not see yet. (Also for a parse error, as JShell gives an expression whose type javac cannot tell the
     * same kind.)
     */
    private static boolean mayNeedMoreClasspath(List<SnippetEvent> events) {
        for (SnippetEvent e : events) {
            if (e.causeSnippet() == null
                    && (e.status() == Snippet.Status.REJECTED
                            || e.status() == Snippet.Status.RECOVERABLE_DEFINED
                            || e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether none of a snippet's parts ran: then it can be evaluated again. {@code int a = f(), b = g();} is one
     * snippet per variable, run in turn; if {@code a} ran before {@code b} failed, {@code f()} must not run twice.
     */
    private static boolean nothingRan(List<SnippetEvent> events) {
        for (SnippetEvent e : events) {
            if (e.causeSnippet() == null && e.status() == Snippet.Status.VALID) {
                return false;
            }
        }
        return true;
    }

    private CellResult outcome(
            List<SnippetEvent> events,
            String cell,
            Snippets.Piece piece,
            int codeLine,
            int executionCount,
            CellThreads threads) {
        CellResult result = CellResult.none();
        for (SnippetEvent e : events) {
            if (e.causeSnippet() != null) {
                continue; // updates of other snippets this one affected
            }
            Snippet s = e.snippet();
            places.put(s.id(), new int[] {executionCount, codeLine});
            if (threads.stopRequested()) {
                return CellErrors.interrupted(control.stuckIn());
            }
            if (e.status() == Snippet.Status.REJECTED) {
                List<CellErrors.Problem> problems = shell.diagnostics(s)
                        .filter(Diag::isError)
                        .map(d -> new CellErrors.Problem(d.getMessage(Locale.ENGLISH), (int)
                                (d.getPosition() >= 0 ? d.getPosition() : d.getStartPosition())))
                        .collect(Collectors.toList());
                return CellErrors.compileError(s.source(), Snippets.lineOf(cell, piece.start()), problems);
            }
            if (e.exception() != null) {
                return CellErrors.exception(e.exception(), control.lastThrown(), this::place);
            }
            if (e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                return CellErrors.unresolved(
                        shell.unresolvedDependencies((DeclarationSnippet) s).collect(Collectors.toList()), codeLine);
            }
            Object value = control.take(e.value());
            result = showsValue(s) ? CellResult.value(value) : CellResult.none();
        }
        return result;
    }

    /**
     * Drops the variables JShell makes for the values of expressions ({@code $1}, {@code $2}, ...): the notebook
     * shows the value, never the name, and each one kept would stay imported into every later snippet's
     * compilation (a trivial cell took 80 ms after 400 of them instead of 15) and keep its value from being
     * collected.
     */
    static void dropTemporaries(JShell shell, List<SnippetEvent> events) {
        for (SnippetEvent e : events) {
            if (e.causeSnippet() == null
                    && e.snippet() instanceof VarSnippet
                    && e.snippet().subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
                shell.drop(e.snippet());
            }
        }
    }

    /** Expressions show their value, as in Python; declarations and statements do not. */
    private static boolean showsValue(Snippet s) {
        switch (s.subKind()) {
            case TEMP_VAR_EXPRESSION_SUBKIND:
            case VAR_VALUE_SUBKIND:
            case OTHER_EXPRESSION_SUBKIND:
                return true;
            default:
                return false;
        }
    }

    /** "cell [7], line 3" for a frame of a learner's snippet (file "#id"), or null for other frames. */
    String place(StackTraceElement f) {
        String file = f.getFileName();
        if (file == null || !file.startsWith("#")) {
            return f.getClassName().startsWith("REPL.") ? "your code" : null;
        }
        int[] where = places.get(file.substring(1));
        if (where == null || f.getLineNumber() < 1) {
            return "your code";
        }
        return (where[0] > 0 ? "cell [" + where[0] + "], " : "") + "line " + (where[1] + f.getLineNumber() - 1);
    }

    @Override
    public void close() {
        releaseClassIndex(); // JShell's indexing thread is one for the JVM: held, it would hold up every other JShell
        shell.close();
    }

    /** JShell's source analysis (tests read its class index). */
    SourceCodeAnalysis analysis() {
        return shell.sourceCodeAnalysis();
    }
}
