package lif.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Starts many kernel loop threads and counts those that exit without ever running their loop body, as the
 * kernel's shell loop does when it loses the start-up race. Ours must lose none; the published class loses
 * some, which shows the test can see the race at all.
 */
class LoopThreadRaceTest {

    private static final String CLASS = "org.rapaio.jupyter.kernel.channels.LoopThread";
    private static final int STARTS = 1000;

    @Test
    void correctedLoopThreadAlwaysRunsItsBody() throws Exception {
        URL ours = org.rapaio.jupyter.kernel.channels.LoopThread.class.getProtectionDomain()
                .getCodeSource().getLocation();
        assertEquals(0, deadLoops(ours), "loops that never ran with the corrected LoopThread");
    }

    @Test
    void publishedLoopThreadLosesTheRace() throws Exception {
        String jar = System.getProperty("rapaio.kernel.jar");
        assertTrue(jar != null && !jar.isBlank(), "system property rapaio.kernel.jar is not set");
        int dead = deadLoops(Path.of(jar).toUri().toURL());
        assertTrue(dead > 0, "expected the published LoopThread to lose the start-up race at least once in "
                + STARTS + " starts; if a new kernel version fixed it, drop lif-kernel-fix");
    }

    @Test
    void correctedLoopThreadSurvivesAFailedTurn() throws Exception {
        URL ours = org.rapaio.jupyter.kernel.channels.LoopThread.class.getProtectionDomain()
                .getCodeSource().getLocation();
        assertTrue(survivesFailedFirstTurn(ours), "the corrected loop must go on after a turn that throws");
    }

    @Test
    void publishedLoopThreadDiesOnAFailedTurn() throws Exception {
        String jar = System.getProperty("rapaio.kernel.jar");
        assertTrue(jar != null && !jar.isBlank(), "system property rapaio.kernel.jar is not set");
        assertTrue(!survivesFailedFirstTurn(Path.of(jar).toUri().toURL()),
                "expected the published LoopThread to end on an exception; if it no longer does, drop the catch");
    }

    /**
     * Whether a loop whose first turn throws, as the kernel's shell loop does when a message arrives before
     * the handler map exists, still runs a second turn.
     */
    private static boolean survivesFailedFirstTurn(URL classRoot) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(classpath(classRoot), ClassLoader.getPlatformClassLoader())) {
            Class<?> type = loader.loadClass(CLASS);
            CountDownLatch secondTurn = new CountDownLatch(1);
            int[] turns = {0};
            Runnable body = () -> {
                if (turns[0]++ == 0) {
                    throw new NullPointerException("handlers is null (simulated)");
                }
                secondTurn.countDown();
            };
            Thread loop = (Thread) type.getConstructor(String.class, long.class, Runnable.class)
                    .newInstance("failing-loop", 1L, body);
            loop.setUncaughtExceptionHandler((t, e) -> { });  // the published class lets it escape
            loop.start();
            boolean survived = false;
            while (!survived && loop.isAlive()) {
                survived = secondTurn.await(1, TimeUnit.MILLISECONDS);
            }
            survived = survived || secondTurn.getCount() == 0;
            type.getMethod("shutdown").invoke(loop);
            loop.join(5_000);
            return survived;
        }
    }

    /** The kernel's classpath with {@code classRoot} first, as the kernelspec launches it. */
    private static URL[] classpath(URL classRoot) throws Exception {
        URL kernelJar = Path.of(System.getProperty("rapaio.kernel.jar")).toUri().toURL();
        return classRoot.equals(kernelJar) ? new URL[] {kernelJar} : new URL[] {classRoot, kernelJar};
    }

    /** Number of loop threads, out of {@link #STARTS}, whose body never ran. */
    private static int deadLoops(URL classRoot) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(classpath(classRoot), ClassLoader.getPlatformClassLoader())) {
            Class<?> type = loader.loadClass(CLASS);
            assertEquals(classRoot.toString(), type.getProtectionDomain().getCodeSource().getLocation().toString());
            Constructor<?> create = type.getConstructor(String.class, long.class, Runnable.class);
            Method shutdown = type.getMethod("shutdown");
            int dead = 0;
            for (int k = 0; k < STARTS; k++) {
                CountDownLatch ran = new CountDownLatch(1);
                Thread loop = (Thread) create.newInstance("loop-" + k, 1L, (Runnable) ran::countDown);
                loop.start();
                // A loop that lost the race ends at once without running its body.
                boolean bodyRan = false;
                while (!bodyRan && loop.isAlive()) {
                    bodyRan = ran.await(1, TimeUnit.MILLISECONDS);
                }
                bodyRan = bodyRan || ran.getCount() == 0;
                shutdown.invoke(loop);
                loop.join(5_000);
                if (!bodyRan) {
                    dead++;
                }
            }
            System.out.printf("%s: %d of %d loops never ran%n", classRoot, dead, STARTS);
            return dead;
        }
    }
}
