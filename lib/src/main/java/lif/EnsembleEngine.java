package lif;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import lif.stats.Interrupts;

/**
 * One pass over a noise-driven ensemble (Exercise 13's draws: the N x T matrix of uniforms row-major, so
 * neuron j uses draws {@code j*T .. j*T+T-1}, i.e. 32-bit words {@code 2*T*j ..} of the MT19937 stream),
 * feeding every {@link EnsembleObserver} a call asks for.
 *
 * <p><b>Chunks.</b> Neurons are cut into chunks of a size that depends only on N, T and the observers
 * (about 2^20 neuron-steps, larger when parts are big, see {@link #chunkNeurons}): at 100,000 x 1,000 that is 96
 * chunks of a few milliseconds each. Each chunk is simulated 8 neurons at a time ({@link BlockIntegrator}) into a
 * cache-sized buffer; its observer parts are merged in chunk order on the calling thread. Results therefore never
 * depend on the thread count, nor on which thread ran which chunk.
 *
 * <p><b>Threads</b> ({@link ChunkRanges}). With W threads, thread w starts on the w-th of W contiguous runs of
 * chunks; a thread whose run is done takes the back half of the largest run left (work stealing). A thread's
 * generator stands, after a chunk, at the next chunk's first draw, so it only jumps ahead ({@link Mt19937Jump},
 * from the caller's generator, exactly) to start a run: once per thread, and once per steal. A busy core thus
 * slows only the chunks its thread holds; the others take its unstarted chunks. At the end the caller's generator
 * is moved to where the last chunk stopped: after the call it stands exactly N*T draws further, as after {@code
 * np.random.random((N, T))}.
 *
 * <p><b>Interrupts.</b> Every thread looks at its interrupt flag between blocks of 8 neurons (a few microseconds
 * to a millisecond of work). When the caller is interrupted, it interrupts the other threads, waits until they
 * have ended, and throws {@link Interrupts#stopped}'s exception with its flag set. The caller's generator is then
 * where it was before the call (split runs) or part way (runs on one thread).
 */
final class EnsembleEngine {
    /** Target neuron-steps per chunk: a few milliseconds of work, small against a run, large against a merge. */
    static final long CHUNK_NEURON_STEPS = 1L << 20;
    /** Upper bound on the bytes of parts that wait for their turn to be merged. */
    static final long WAITING_PART_BYTES = 64L << 20;
    /**
     * Runs smaller than this many neuron-steps stay on one thread. Each extra thread first pays its jump
     * (x^k mod P and Horner on the state, a few milliseconds: {@code bin/benchmark} prints both) and a thread
     * start, while the caller starts at once; at ~200 M neuron-steps/s per core, 5 M neuron-steps are ~25 ms of
     * work, where splitting begins to pay (see lib/README.md, "Where jump-ahead costs more than it saves").
     */
    static final long PARALLEL_MIN_NEURON_STEPS = 5_000_000L;

    private final BlockIntegrator integrator;
    private final int steps;

    EnsembleEngine(BlockIntegrator integrator) {
        this.integrator = integrator;
        this.steps = integrator.steps();
    }

    /**
     * The threads a run of n neurons uses by default: every core from {@link #PARALLEL_MIN_NEURON_STEPS} on, else
     * one. Busy cores need no rule of their own: idle threads take the chunks of a slowed one. Either way the
     * result is the same, bit for bit.
     */
    int defaultThreads(int n) {
        int cores = Runtime.getRuntime().availableProcessors();
        return (long) n * steps < PARALLEL_MIN_NEURON_STEPS ? 1 : cores;
    }

    /**
     * Neurons per chunk: a multiple of 8 near {@link #CHUNK_NEURON_STEPS} / T, raised so that the parts of all
     * chunks fit in {@link #WAITING_PART_BYTES}. Depends on n, T and the observers only.
     */
    int chunkNeurons(int n, List<EnsembleObserver> observers) {
        long base = roundUp8(Math.max(1, CHUNK_NEURON_STEPS / steps));
        long bytes = 0;
        for (EnsembleObserver o : observers) {
            bytes += o.partBytes();
        }
        long maxParts = bytes == 0 ? Long.MAX_VALUE : Math.max(1, WAITING_PART_BYTES / bytes);
        long byMemory = roundUp8((n + maxParts - 1) / maxParts);
        return (int) Math.min(roundUp8(n), Math.max(base, byMemory));
    }

    private static long roundUp8(long x) {
        return (x + BlockIntegrator.BLOCK - 1) / BlockIntegrator.BLOCK * BlockIntegrator.BLOCK;
    }

    /**
     * One pass over n neurons recording what the monitors name: the observers are made here, fed by
     * {@link #run}, and their results gathered into an {@link Ensemble}.
     *
     * @param t the time grid of the steps (seconds), for the statistics
     */
    Ensemble record(int n, NumpyRandom rng, Set<Monitor> monitors, int threads, double[] t) {
        if (monitors.contains(Monitor.POTENTIALS)) {
            MemoryGuard.checkMatrix(n, steps, "ensemble(n, rng)");
        }
        StepMomentsObserver moments = monitors.contains(Monitor.STATS) ? new StepMomentsObserver(steps) : null;
        AutocovarianceObserver autocov =
                monitors.contains(Monitor.AUTOCOVARIANCE) ? new AutocovarianceObserver(steps) : null;
        SpikeCountObserver spikeCounts =
                monitors.contains(Monitor.SPIKE_COUNTS) ? new SpikeCountObserver(n, steps) : null;
        PotentialsObserver potentials = monitors.contains(Monitor.POTENTIALS) ? new PotentialsObserver(n, steps) : null;
        List<EnsembleObserver> observers = new ArrayList<>();
        for (EnsembleObserver o : new EnsembleObserver[] {moments, autocov, spikeCounts, potentials}) {
            if (o != null) {
                observers.add(o);
            }
        }
        run(n, rng, observers, threads);
        return new Ensemble(
                n,
                t,
                moments == null ? null : moments.result(),
                autocov == null ? null : autocov.result(),
                spikeCounts == null ? null : spikeCounts.perNeuron(),
                spikeCounts == null ? null : spikeCounts.perStep(),
                potentials == null ? null : potentials.result());
    }

    /**
     * Simulates n neurons drawing from rng and feeds the observers.
     *
     * @param threads 1 or more; capped at the number of chunks
     * @throws java.util.concurrent.CancellationException if the calling thread is interrupted (its flag stays set)
     */
    void run(int n, NumpyRandom rng, List<EnsembleObserver> observers, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        Pass pass = new Pass(n, observers);
        int workers = Math.min(threads, pass.chunks);
        Mt19937 caller = rng.engine();
        if (workers == 1) {
            ChunkSimulator simulator = new ChunkSimulator(pass);
            for (int c = 0; c < pass.chunks; c++) {
                EnsembleObserver.Part[] parts = simulator.simulate(caller, c);
                if (parts == null) {
                    throw Interrupts.stopped(pass.progress(c));
                }
                pass.merge(parts);
            }
            return;
        }
        new Split(pass, caller.copy(), workers).run(caller);
    }

    /** What one pass fixes before it starts: the neurons, the observers, the chunks. */
    private final class Pass {
        final int n;
        final List<EnsembleObserver> observers;
        final int chunk;
        final int chunks;
        /** Whether the blocks must flag their spikes (an observer reads them and spikes are on). */
        final boolean spikeFlags;

        Pass(int n, List<EnsembleObserver> observers) {
            this.n = n;
            this.observers = observers;
            this.chunk = chunkNeurons(n, observers);
            this.chunks = (n + chunk - 1) / chunk;
            this.spikeFlags = integrator.spikes() && observers.stream().anyMatch(EnsembleObserver::needsSpikes);
        }

        /** 32-bit words from the first neuron's first draw to chunk c's. */
        long wordsBefore(int c) {
            return 2L * steps * c * chunk;
        }

        /** Folds a chunk's parts in; called on the calling thread, in chunk order. */
        void merge(EnsembleObserver.Part[] parts) {
            for (int o = 0; o < parts.length; o++) {
                observers.get(o).merge(parts[o]);
            }
        }

        /** What an interrupt stopped, for its message. */
        String progress(int mergedChunks) {
            return String.format(
                    java.util.Locale.ROOT,
                    "the ensemble run (%,d neurons x %,d steps; %,d neurons merged)",
                    n,
                    steps,
                    Math.min(n, (long) mergedChunks * chunk));
        }
    }

    /** Simulates chunks on one thread, in buffers reused chunk after chunk. */
    private final class ChunkSimulator {
        private final Pass pass;
        private final double[] rows = new double[BlockIntegrator.BLOCK * steps];
        private final boolean[] spiked;

        ChunkSimulator(Pass pass) {
            this.pass = pass;
            this.spiked = pass.spikeFlags ? new boolean[BlockIntegrator.BLOCK * steps] : null;
        }

        /**
         * Chunk c into fresh parts, drawing from g (which stands at the chunk's first draw and ends after its
         * last), or null when this thread is interrupted (looked at before every block of 8 neurons).
         */
        EnsembleObserver.Part[] simulate(Mt19937 g, int c) {
            final int block = BlockIntegrator.BLOCK;
            final List<EnsembleObserver> observers = pass.observers;
            final int count = observers.size();
            int first = c * pass.chunk;
            int neurons = Math.min(pass.chunk, pass.n - first);
            EnsembleObserver.Part[] parts = new EnsembleObserver.Part[count];
            for (int o = 0; o < count; o++) {
                parts[o] = observers.get(o).newPart(first, neurons);
            }
            EnsembleObserver.Part only = count == 1 && spiked == null ? parts[0] : null;
            for (int b = 0; b < neurons; b += block) {
                if (Interrupts.requested()) {
                    return null;
                }
                int nb = Math.min(block, neurons - b);
                g.fill(rows, 0, nb * steps);
                if (only != null && only.integrateAndAdd(integrator, rows, nb)) {
                    continue;
                }
                integrator.integrate(rows, nb, spiked);
                for (EnsembleObserver.Part part : parts) {
                    part.add(rows, nb, first + b, spiked);
                }
            }
            return parts;
        }
    }

    /**
     * A pass on several threads: the caller is worker 0 and merges; workers 1 .. W-1 are new daemon threads that
     * end with the pass.
     */
    private final class Split {
        private final Pass pass;
        private final Mt19937 start;
        private final ChunkRanges ranges;
        private final CompletableFuture<EnsembleObserver.Part[]>[] slots;
        private final Thread[] threads;
        /** The generator after the last chunk (written by the thread that ran it, read after the joins). */
        private volatile Mt19937 end;
        /** The first exception a thread threw: the others stop taking chunks. */
        private volatile Throwable failure;

        private int merged;

        @SuppressWarnings("unchecked")
        Split(Pass pass, Mt19937 start, int workers) {
            this.pass = pass;
            this.start = start;
            this.ranges = new ChunkRanges(pass.chunks, workers);
            this.slots = new CompletableFuture[pass.chunks];
            for (int c = 0; c < pass.chunks; c++) {
                slots[c] = new CompletableFuture<>();
            }
            this.threads = new Thread[workers];
        }

        void run(Mt19937 caller) {
            for (int w = 1; w < threads.length; w++) {
                int worker = w;
                threads[w] = new Thread(() -> work(worker), "lif-ensemble-" + w);
                threads[w].setDaemon(true);
                threads[w].start();
            }
            boolean done = false;
            try {
                if (!work(0)) {
                    throw Interrupts.stopped(pass.progress(merged));
                }
                rethrowFailure();
                for (; merged < pass.chunks; merged++) {
                    pass.merge(slots[merged].get());
                    slots[merged] = null;
                }
                done = true;
            } catch (InterruptedException e) {
                throw Interrupts.stopped(pass.progress(merged));
            } catch (ExecutionException e) {
                rethrowFailure();
                throw new IllegalStateException("an ensemble thread failed", e.getCause());
            } finally {
                stopAndJoin(!done);
            }
            caller.copyFrom(end);
        }

        /**
         * Worker w's loop: takes chunks until none is left, jumping its generator ahead where a chunk does not follow
         * the one before. The caller (w = 0) also merges the parts that are ready, in order. Returns false when
         * interrupted.
         */
        private boolean work(int w) {
            try {
                ChunkSimulator simulator = new ChunkSimulator(pass);
                Mt19937 g = null;
                int at = -1; // the chunk whose first draw g stands at
                for (int c = ranges.take(w); c >= 0 && failure == null; c = ranges.take(w)) {
                    if (c != at) {
                        g = start.copy();
                        if (c > 0) {
                            Mt19937Jump.ofWords(pass.wordsBefore(c)).applyTo(g);
                        }
                    }
                    EnsembleObserver.Part[] parts = simulator.simulate(g, c);
                    if (parts == null) {
                        return false;
                    }
                    at = c + 1;
                    if (at == pass.chunks) {
                        end = g;
                    }
                    slots[c].complete(parts);
                    if (w == 0) {
                        mergeReady();
                    }
                }
                return true;
            } catch (RuntimeException | Error e) {
                if (failure == null) {
                    failure = e;
                }
                for (CompletableFuture<EnsembleObserver.Part[]> slot : slots) {
                    if (slot != null) {
                        slot.completeExceptionally(e); // the caller gets it from the next slot it waits for
                    }
                }
                return true; // the caller finds the failure
            }
        }

        /** Throws the first exception a thread threw, if any (RuntimeException or Error). */
        private void rethrowFailure() {
            Throwable e = failure;
            if (e instanceof RuntimeException re) {
                throw re;
            }
            if (e instanceof Error err) {
                throw err;
            }
        }

        /** Merges the finished chunks that are next in order (caller only). */
        private void mergeReady() {
            while (merged < pass.chunks && slots[merged].isDone() && !slots[merged].isCompletedExceptionally()) {
                pass.merge(slots[merged].join());
                slots[merged] = null;
                merged++;
            }
        }

        /** Interrupts the workers if the pass did not finish, then waits until every one has ended. */
        private void stopAndJoin(boolean interrupt) {
            boolean interrupted = false;
            for (int w = 1; w < threads.length; w++) {
                if (interrupt && threads[w] != null) {
                    threads[w].interrupt();
                }
            }
            for (int w = 1; w < threads.length; w++) {
                while (threads[w] != null && threads[w].isAlive()) {
                    try {
                        threads[w].join();
                    } catch (InterruptedException e) {
                        interrupted = true; // keep waiting: workers end within a block of 8 neurons
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
