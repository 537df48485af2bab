package lif.kernel;

import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import jdk.jshell.JShell;
import jdk.jshell.PersistentSnippet;
import jdk.jshell.Snippet;

/**
 * Forgets the compiled classes of snippets no later snippet can use, so that a cell costs the same after
 * hundreds of re-runs as at the start.
 *
 * <p>Why: JShell keeps every class it ever compiled ({@code jdk.jshell.MemoryFileManager}'s private map
 * {@code classObjects}), and each of the 3-5 javac runs behind one snippet enters all of them into package
 * {@code REPL}, then throws them out again. Re-running cells replaces snippets but never removes their
 * classes: after 2,000 snippets a trivial cell compiled in 7 ms instead of 5 and a 5-line cell in 20 ms instead
 * of 14 (measured on Java 17). Only active declarations (variables, methods, classes, imports: what later
 * snippets import) need their class for compiling; statements, expressions, replaced and dropped snippets do
 * not. Running code keeps its own copies (the class loader), so nothing that runs is affected.
 *
 * <p>Reaches into JShell's internals, read on JDK 17 and 25 (the same three members on both):
 * {@code JShell.taskFactory}, {@code TaskFactory.fileManager}, {@code MemoryFileManager.classObjects}, and
 * {@code Snippet.classFullName()}; needs {@code --add-opens jdk.jshell/jdk.jshell=ALL-UNNAMED} (the kernelspec
 * passes it). Where any of them is missing or closed, it says so once in the kernel's log and does nothing:
 * cells compile as before, a little slower as the session grows.
 */
final class JShellClassHistory {

    private static final String REPL_CLASS_PREFIX = "REPL.$JShell$";

    private final JShell shell;
    private final Map<String, ?> classes;
    private final Method classFullName;

    private JShellClassHistory(JShell shell, Map<String, ?> classes, Method classFullName) {
        this.shell = shell;
        this.classes = classes;
        this.classFullName = classFullName;
    }

    /** The history of {@code shell}'s compiled classes, or null (said in {@code log}) where it cannot be reached. */
    static JShellClassHistory of(JShell shell, PrintStream log) {
        try {
            Object taskFactory = field(JShell.class, "taskFactory").get(shell);
            Object fileManager = field(taskFactory.getClass(), "fileManager").get(taskFactory);
            Object classes = field(fileManager.getClass(), "classObjects").get(fileManager);
            Method name = Snippet.class.getDeclaredMethod("classFullName");
            name.setAccessible(true);
            if (!(classes instanceof Map)) {
                throw new NoSuchFieldException(
                        "classObjects is a " + classes.getClass().getName() + ", not a Map");
            }
            return new JShellClassHistory(shell, (Map<String, ?>) classes, name);
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.println("lif-kernel: JShell's compiled classes cannot be reached (" + e
                    + "); cells compile a little slower as the session grows");
            return null;
        }
    }

    private static Field field(Class<?> owner, String name) throws NoSuchFieldException {
        Field f = owner.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }

    /** Classes JShell keeps for compiling. */
    int size() {
        return classes.size();
    }

    /**
     * Removes the classes of every snippet but the active declarations (and their nested classes); returns how
     * many went. Call between cells, on the thread that evaluates (JShell is not thread-safe).
     */
    int forgetUnused() {
        Set<String> live = new HashSet<>();
        for (Snippet s : (Iterable<Snippet>) shell.snippets()::iterator) {
            if (s instanceof PersistentSnippet && shell.status(s).isActive()) {
                try {
                    Object name = classFullName.invoke(s);
                    if (name != null) {
                        live.add((String) name);
                    }
                } catch (ReflectiveOperationException e) {
                    return 0; // cannot tell what is live: keep everything
                }
            }
        }
        int before = classes.size();
        classes.keySet().removeIf(name -> name.startsWith(REPL_CLASS_PREFIX) && !live.contains(outerClass(name)));
        return before - classes.size();
    }

    /** {@code REPL.$JShell$12} for {@code REPL.$JShell$12$Point} or {@code REPL.$JShell$12$1}; other names as they are. */
    static String outerClass(String name) {
        if (!name.startsWith(REPL_CLASS_PREFIX)) {
            return name;
        }
        int nested = name.indexOf('$', REPL_CLASS_PREFIX.length());
        return nested < 0 ? name : name.substring(0, nested);
    }
}
