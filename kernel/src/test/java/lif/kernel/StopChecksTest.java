package lif.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

class StopChecksTest {

    /** Spinner with stop checks, as the kernel loads a snippet's classes. */
    static Class<?> checkedSpinner() throws IOException, ClassNotFoundException {
        byte[] checked = StopChecks.insert(bytes(Spinner.class));
        ClassLoader loader = new ClassLoader(StopChecksTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (!name.startsWith(Spinner.class.getName())) {
                    return super.loadClass(name, resolve);
                }
                synchronized (getClassLoadingLock(name)) {
                    Class<?> c = findLoadedClass(name);
                    if (c == null) {
                        byte[] b = name.equals(Spinner.class.getName()) ? checked : null;
                        if (b == null) {
                            throw new ClassNotFoundException(name);
                        }
                        c = defineClass(name, b, 0, b.length);
                    }
                    return c;
                }
            }
        };
        return Class.forName(Spinner.class.getName(), true, loader);
    }

    static byte[] bytes(Class<?> c) throws IOException {
        try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
            return in.readAllBytes();
        }
    }

    /** The stop checks in each method of a class file. */
    static Map<String, Integer> checksPerMethod(byte[] classFile) {
        Map<String, Integer> checks = new HashMap<>();
        new ClassReader(classFile)
                .accept(
                        new ClassVisitor(Opcodes.ASM9) {
                            @Override
                            public MethodVisitor visitMethod(int a, String name, String d, String s, String[] e) {
                                checks.put(name, 0);
                                return new MethodVisitor(Opcodes.ASM9) {
                                    @Override
                                    public void visitMethodInsn(
                                            int op, String owner, String m, String desc, boolean itf) {
                                        if (owner.equals("lif/kernel/CellStop") && m.equals("check")) {
                                            checks.merge(name, 1, Integer::sum);
                                        }
                                    }
                                };
                            }
                        },
                        0);
        return checks;
    }

    static CellThreads cell(int n) {
        return CellThreads.quiet(n);
    }

    /** Runs {@code method} of the checked Spinner on a new thread of {@code cell}; the thread's end goes to thrown. */
    static Thread start(CellThreads cell, Method method, Object arg, Throwable[] thrown) {
        Thread t = new Thread(
                cell,
                () -> {
                    try {
                        method.invoke(null, arg == null ? new Object[0] : new Object[] {arg});
                    } catch (InvocationTargetException e) {
                        thrown[0] = e.getCause();
                    } catch (ReflectiveOperationException e) {
                        thrown[0] = e;
                    }
                },
                "cell-" + cell.executionCount);
        t.start();
        return t;
    }

    @Test
    void aCheckAtEachMethodStartAndBeforeEachBackwardJumpOnly() throws Exception {
        Map<String, Integer> checks = checksPerMethod(StopChecks.insert(bytes(Spinner.class)));
        assertEquals(1, checks.get("twice"), "no loop: only the one at the start (its jumps go forward)");
        assertEquals(2, checks.get("sum"), "the start and the loop's jump back");
        assertEquals(2, checks.get("spin"));
        assertEquals(0, checksPerMethod(bytes(Spinner.class)).get("sum"), "the original has none");
    }

    @Test
    void checkedCodeComputesWhatTheOriginalDoes() throws Exception {
        Class<?> checked = checkedSpinner();
        assertEquals(Spinner.sum(1000), checked.getMethod("sum", int.class).invoke(null, 1000));
        assertEquals(Spinner.twice(-21), checked.getMethod("twice", int.class).invoke(null, -21));
    }

    @Test
    void aStoppedCellsLoopEndsAndAnotherCellsLoopGoesOn() throws Exception {
        Method spin = checkedSpinner().getMethod("spin", long.class);
        CellThreads stopped = cell(101);
        CellThreads other = cell(102);
        Throwable[] stoppedEnd = new Throwable[1];
        Throwable[] otherEnd = new Throwable[1];
        Thread a = start(stopped, spin, 0L, stoppedEnd);
        Thread b = start(other, spin, 0L, otherEnd);
        Thread.sleep(200);
        CellStop.stop(stopped);
        a.join(2000);
        assertFalse(a.isAlive(), "the stopped cell's loop ended");
        assertInstanceOf(CellStop.Stopped.class, stoppedEnd[0]);
        Thread.sleep(200);
        assertTrue(b.isAlive(), "the other cell's loop goes on");
        CellStop.stop(other);
        b.join(2000);
        assertFalse(b.isAlive());
        CellStop.settle();
    }

    @Test
    void aCatchInTheLoopCannotKeepItRunning() throws Exception {
        Method spin = checkedSpinner().getMethod("spinCatchingAll");
        CellThreads cell = cell(103);
        Throwable[] end = new Throwable[1];
        Thread t = start(cell, spin, null, end);
        Thread.sleep(200);
        CellStop.stop(cell);
        t.join(2000);
        assertFalse(t.isAlive());
        assertInstanceOf(CellStop.Stopped.class, end[0]);
        CellStop.settle();
    }

    @Test
    void theCommonPoolsWorkersStopWithTheCellTheyWorkFor() throws Exception {
        Method spin = checkedSpinner().getMethod("spinInParallel");
        CellThreads cell = cell(104);
        cell.begin();
        Throwable[] end = new Throwable[1];
        Thread t = start(cell, spin, null, end);
        Thread.sleep(300);
        assertFalse(ForkJoinPool.commonPool().isQuiescent(), "workers spin");
        CellStop.stop(cell);
        t.join(2000);
        assertFalse(t.isAlive());
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (!ForkJoinPool.commonPool().isQuiescent() && System.nanoTime() < until) {
            Thread.sleep(10); // (not awaitQuiescence: it would run the spinning tasks on this thread)
        }
        assertTrue(ForkJoinPool.commonPool().isQuiescent(), "every worker of the common pool has unwound");
        CellStop.settle();
    }
}
