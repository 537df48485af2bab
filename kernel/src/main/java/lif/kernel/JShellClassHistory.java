package lif.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.tools.JavaFileObject;
import jdk.jshell.JShell;
import jdk.jshell.PersistentSnippet;
import jdk.jshell.Snippet;

/**
 * Forgets the compiled classes of snippets no later snippet can use, so that a cell costs the same after
 * hundreds of re-runs as at the start.
 *
 * <p>Why: JShell keeps every class it ever compiled ({@code jdk.jshell.MemoryFileManager}'s private map
 * {@code classObjects}), and each of the 3-5 javac tasks behind one snippet lists and enters all of them into
 * package {@code REPL}, then purges them again. Re-running cells replaces snippets but never removes their
 * classes: after 2,000 snippets a trivial cell compiled in 7 ms instead of 5 and a 5-line cell in 20 ms instead of
 * 14 (measured on Java 17).
 *
 * <p>What stays: the classes of active declarations (variables, methods, classes: what later snippets import),
 * their nested classes, and every class of package {@code REPL} those name, and so on (a method compiled beside an
 * overload that was replaced later still names the parameter types of its time). What goes: the classes of
 * statements, expressions, replaced and dropped snippets that no kept class names. Running code keeps its own
 * copies (the class loader), so nothing that runs is affected.
 *
 * <p>Reaches into JShell's internals, read on JDK 17 and 25 (the same members on both): {@code
 * JShell.taskFactory}, {@code TaskFactory.fileManager}, {@code MemoryFileManager.classObjects} and {@code
 * Snippet.classFullName()}; needs {@code --add-opens jdk.jshell/jdk.jshell=ALL-UNNAMED} (the kernelspec passes
 * it). Where any of them is missing or closed, or forgetting fails, it says so once in the kernel's log and does
 * nothing more: cells compile as before, a little slower as the session grows.
 */
final class JShellClassHistory {

    private static final String REPL_CLASS_PREFIX = "REPL.$JShell$";
    /** How class files name classes of package REPL (in descriptors, signatures and the constant pool). */
    private static final byte[] REPL_INTERNAL_PREFIX = "REPL/$JShell$".getBytes(StandardCharsets.US_ASCII);

    private final JShell shell;
    private final Map<String, ?> classes;
    private final Method classFullName;
    private final PrintStream log;
    /** The REPL classes each kept class names, by its file object (a class's bytes never change). */
    private final Map<Object, Set<String>> named = new IdentityHashMap<>();

    private boolean failed;

    private JShellClassHistory(JShell shell, Map<String, ?> classes, Method classFullName, PrintStream log) {
        this.shell = shell;
        this.classes = classes;
        this.classFullName = classFullName;
        this.log = log;
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
            return new JShellClassHistory(shell, (Map<String, ?>) classes, name, log);
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
     * Removes the classes no later snippet can use (above); returns how many went. Call between cells, on the
     * thread that evaluates (JShell is not thread-safe). Never throws: a failure is logged once and ends forgetting.
     */
    int forgetUnused() {
        if (failed) {
            return 0;
        }
        try {
            Set<String> kept = keptOuterClasses();
            int before = classes.size();
            classes.keySet().removeIf(name -> name.startsWith(REPL_CLASS_PREFIX) && !kept.contains(outerClass(name)));
            Set<Object> left = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            left.addAll(classes.values());
            named.keySet().retainAll(left);
            return before - classes.size();
        } catch (ReflectiveOperationException | IOException | RuntimeException e) {
            failed = true;
            log.println("lif-kernel: forgetting JShell's unused classes failed (" + e
                    + "); cells compile a little slower as the session grows");
            return 0;
        }
    }

    /** The outer classes of the active declarations, and of every REPL class their classes name, transitively. */
    private Set<String> keptOuterClasses() throws ReflectiveOperationException, IOException {
        Set<String> kept = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        for (Snippet s : (Iterable<Snippet>) shell.snippets()::iterator) {
            if (s instanceof PersistentSnippet && shell.status(s).isActive()) {
                Object name = classFullName.invoke(s);
                if (name instanceof String && kept.add((String) name)) {
                    todo.add((String) name);
                }
            }
        }
        Map<String, List<Object>> byOuter = new HashMap<>();
        classes.forEach((name, file) -> byOuter.computeIfAbsent(outerClass(name), k -> new ArrayList<>())
                .add(file));
        while (!todo.isEmpty()) {
            for (Object file : byOuter.getOrDefault(todo.pop(), List.of())) {
                for (String other : namedBy(file)) {
                    if (kept.add(other)) {
                        todo.add(other);
                    }
                }
            }
        }
        return kept;
    }

    /** The outer classes of package REPL that a class file names. */
    private Set<String> namedBy(Object file) throws IOException {
        Set<String> names = named.get(file);
        if (names == null) {
            byte[] bytes;
            try (InputStream in = ((JavaFileObject) file).openInputStream()) {
                bytes = in.readAllBytes();
            }
            names = replClassesIn(bytes);
            named.put(file, names);
        }
        return names;
    }

    /** The outer classes of package REPL named in a class file's bytes ({@code REPL/$JShell$12$Point} gives {@code
     * REPL.$JShell$12}). */
    static Set<String> replClassesIn(byte[] classFile) {
        Set<String> names = new HashSet<>();
        for (int i = indexOf(classFile, 0); i >= 0; i = indexOf(classFile, i + 1)) {
            int end = i + REPL_INTERNAL_PREFIX.length;
            while (end < classFile.length && isNamePart(classFile[end])) {
                end++;
            }
            names.add(outerClass(new String(classFile, i, end - i, StandardCharsets.US_ASCII).replace('/', '.')));
        }
        return names;
    }

    private static boolean isNamePart(byte b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '_' || b == '$';
    }

    private static int indexOf(byte[] bytes, int from) {
        outer:
        for (int i = from; i <= bytes.length - REPL_INTERNAL_PREFIX.length; i++) {
            for (int j = 0; j < REPL_INTERNAL_PREFIX.length; j++) {
                if (bytes[i + j] != REPL_INTERNAL_PREFIX[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
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
