package lif;

import static lif.Reference.assertSameBits;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import lif.stats.Autocovariance;
import lif.stats.Stats;
import lif.stats.Variance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Work stealing, interrupts and failures of the ensemble engine's threads. */
class EnsembleEngineTest {
    /** T = 1,000: chunks of 1,048 neurons. */
    private static final LifParameters P = LifParameters.defaults().withTMax(1.0005);

    private static final int CHUNK = 1_048;

    @AfterEach
    void noWorkerIsLeft() {
        Thread.interrupted(); // a failed test must not leave the flag to the next one
        assertEquals(Set.of(), workers(), "engine threads still alive after the call returned");
    }

    /** The engine's worker threads alive now. */
    private static Set<String> workers() {
        Set<String> alive = new java.util.TreeSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("lif-ensemble-") && t.isAlive()) {
                alive.add(t.getName());
            }
        }
        return alive;
    }

    /** An observer that records nothing; it calls {@code onChunk} with each chunk's first neuron as it starts. */
    private static EnsembleObserver watching(java.util.function.IntConsumer onChunk) {
        return new EnsembleObserver() {
            @Override
            public Part newPart(int first, int neurons) {
                onChunk.accept(first);
                return (rows, count, firstNeuron, spiked) -> {};
            }

            @Override
            public void merge(Part part) {}

            @Override
            public long partBytes() {
                return 0;
            }
        };
    }

    /**
     * Records which thread simulated each chunk, and holds the caller on chunk 0 until another thread has taken a
     * chunk of the caller's own run: that thread must have stolen it.
     */
    private static final class StealingProbe {
        final Thread caller = Thread.currentThread();
        final int stealFrom;
        final int stealTo;
        final CountDownLatch stolen = new CountDownLatch(1);
        final java.util.Map<Integer, Thread> byChunk = new ConcurrentHashMap<>();

        /** Chunks [stealFrom, stealTo) belong to the caller's first run. */
        StealingProbe(int stealFrom, int stealTo) {
            this.stealFrom = stealFrom;
            this.stealTo = stealTo;
        }

        void chunkStarted(int first) {
            int c = first / CHUNK;
            byChunk.put(c, Thread.currentThread());
            if (Thread.currentThread() != caller && c >= stealFrom && c < stealTo) {
                stolen.countDown();
            }
            if (c == 0) {
                try {
                    assertTrue(stolen.await(60, TimeUnit.SECONDS), "no thread stole from the held caller");
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }
        }
    }

    @Test
    void chunksStolenFromAHeldThreadGiveTheSameBits() {
        Lif lif = Lif.euler(P).withSpikes(true);
        int n = 10 * CHUNK - 3; // 10 chunks, the last one short
        assertEquals(CHUNK, lif.engine().chunkNeurons(n, List.of(new StepMomentsObserver(1_000))));
        StepMomentsObserver oneMoments = new StepMomentsObserver(1_000);
        SpikeCountObserver oneSpikes = new SpikeCountObserver(n, 1_000);
        NumpyRandom oneRng = new NumpyRandom(9);
        lif.engine().run(n, oneRng, List.of(oneMoments, oneSpikes), 1);

        // 2 threads: runs [0, 5) and [5, 10); the caller is held on chunk 0, so thread 1 steals [3, 5)
        StealingProbe probe = new StealingProbe(1, 5);
        StepMomentsObserver moments = new StepMomentsObserver(1_000);
        SpikeCountObserver spikes = new SpikeCountObserver(n, 1_000);
        NumpyRandom rng = new NumpyRandom(9);
        lif.engine().run(n, rng, List.of(moments, spikes, watching(probe::chunkStarted)), 2);

        assertEquals(10, probe.byChunk.size());
        assertTrue(probe.byChunk.get(4) != probe.caller, "chunk 4, of the caller's run, was stolen");
        assertTrue(probe.byChunk.get(9) != probe.caller, "chunk 9 ran on the other thread");
        assertSameBits(oneMoments.result().mean(), moments.result().mean(), "mean");
        assertSameBits(
                oneMoments.result().std(Variance.SAMPLE), moments.result().std(Variance.SAMPLE), "std");
        assertArrayEquals(oneSpikes.perNeuron(), spikes.perNeuron(), "spikes per neuron");
        assertArrayEquals(oneSpikes.perStep(), spikes.perStep(), "spikes per step");
        assertEquals(oneRng.random(), rng.random(), "the stream continues after the n x T draws");
    }

    @Test
    void anInterruptedCallerStopsBeforeItsFirstBlockAndKeepsItsFlag() {
        Lif lif = Lif.euler(P);
        for (int threads : new int[] {1, 2, 3}) {
            Thread.currentThread().interrupt();
            CancellationException e = assertThrows(
                    CancellationException.class,
                    () -> lif.simulate(100_000, new NumpyRandom(1), threads, Monitor.STATS));
            assertTrue(Thread.interrupted(), threads + " threads: the interrupt flag stays set");
            assertEquals(
                    "the ensemble run (100,000 neurons x 1,000 steps; 0 neurons merged) stopped: its thread was"
                            + " interrupted (Thread.interrupt()); the interrupt flag stays set",
                    e.getMessage());
            assertEquals(Set.of(), workers(), threads + " threads: every worker has ended");
        }
    }

    @Test
    void anInterruptDuringALongRunStopsItAndEveryWorker() throws InterruptedException {
        // 1,000,000 x 10,000 neuron-steps: tens of seconds if it ran to the end
        Lif lif = Lif.euler(LifParameters.defaults().withTMax(10.0005));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flag = new AtomicReference<>();
        Thread run = new Thread(() -> {
            try {
                lif.ensembleStats(1_000_000, new NumpyRandom(2020), Variance.POPULATION);
            } catch (Throwable t) {
                thrown.set(t);
                flag.set(Thread.currentThread().isInterrupted());
            }
        });
        run.setDaemon(true);
        run.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (Runtime.getRuntime().availableProcessors() > 1 && workers().isEmpty()) { // the split has begun
            assertTrue(System.nanoTime() < deadline && run.isAlive(), "the run never started its workers");
            Thread.sleep(5);
        }
        Thread.sleep(200);
        run.interrupt();
        run.join(TimeUnit.SECONDS.toMillis(20)); // generous: it stops within milliseconds (bin/benchmark measures it)
        assertFalse(run.isAlive(), "still running 20 s after the interrupt");
        assertNotNull(thrown.get(), "the run ended without an exception");
        assertEquals(CancellationException.class, thrown.get().getClass(), String.valueOf(thrown.get()));
        assertTrue(
                thrown.get().getMessage().startsWith("the ensemble run (1,000,000 neurons x 10,000 steps; "),
                thrown.get().getMessage());
        assertEquals(Boolean.TRUE, flag.get(), "the interrupt flag stays set");
    }

    @Test
    void aFailingWorkerFailsTheCallAndStopsTheOthers() {
        Thread caller = Thread.currentThread();
        EnsembleObserver failing = watching(first -> {
            if (Thread.currentThread() != caller) {
                throw new IllegalStateException(
                        "part failed on " + Thread.currentThread().getName());
            }
        });
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> Lif.euler(P).engine().run(20 * CHUNK, new NumpyRandom(1), List.of(failing), 2));
        assertEquals("part failed on lif-ensemble-1", e.getMessage());
    }

    @Test
    void longLoopsOutsideTheEngineStopToo() {
        Lif lif = Lif.euler(LifParameters.defaults().withTMax(200.0)); // 200,000 steps
        Thread.currentThread().interrupt();
        CancellationException run = assertThrows(CancellationException.class, () -> lif.run(Current.constant(0)));
        assertTrue(Thread.interrupted());
        assertTrue(run.getMessage().startsWith("Lif.run (step 65536 of 200000) stopped: "), run.getMessage());
        double[][] v = new double[3][4];
        Thread.currentThread().interrupt();
        CancellationException stats = assertThrows(CancellationException.class, () -> Stats.autocovariance(v));
        assertTrue(Thread.interrupted());
        assertTrue(
                stats.getMessage().startsWith("Stats.autocovariance (0 of 3 neurons) stopped: "), stats.getMessage());
        Thread.currentThread().interrupt();
        CancellationException matrix = assertThrows(CancellationException.class, () -> new Autocovariance(4_096));
        assertTrue(Thread.interrupted());
        assertTrue(
                matrix.getMessage().startsWith("new Autocovariance(4096) (0 of 4096 rows allocated) stopped: "),
                matrix.getMessage());
    }
}
