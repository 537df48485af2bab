package lif;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One pass over a noise-driven ensemble (Exercise 13's draws: the N x T matrix of uniforms row-major, so
 * neuron j uses draws {@code j*T .. j*T+T-1}, i.e. 32-bit words {@code 2*T*j ..} of the MT19937 stream),
 * feeding every {@link EnsembleObserver} a call asks for.
 *
 * <p><b>Chunks.</b> Neurons are cut into chunks of a size that depends only on N, T and the observers
 * (about 2^20 neuron-steps, larger when parts are big, see {@link #chunkNeurons}). Each chunk is simulated
 * 8 neurons at a time ({@link BlockIntegrator}) into a cache-sized buffer; its observer parts are merged in
 * chunk order on the calling thread. Results therefore never depend on the thread count.
 *
 * <p><b>Threads.</b> With W threads, thread w takes a contiguous run of chunks. Thread 0 (the caller) draws
 * from the caller's generator; thread w >= 1 copies it and jumps ahead ({@link Mt19937Jump}) to its first
 * neuron's word, exactly, so every neuron gets the draws of the single numpy stream. At the end the caller's
 * generator is moved to where the last thread stopped: after the call it stands exactly N*T draws further,
 * as after {@code np.random.random((N, T))}.
 */
final class EnsembleEngine {
    /** Target neuron-steps per chunk: a few milliseconds of work, small against a run, large against a merge. */
    static final long CHUNK_NEURON_STEPS = 1L << 20;
    /** Upper bound on the bytes of parts that wait for their turn to be merged. */
    static final long WAITING_PART_BYTES = 64L << 20;
    /**
     * Runs smaller than this many neuron-steps stay on one thread. Each extra thread first pays its jump
     * (x^k mod P and Horner on the state, a few milliseconds: {@code bin/benchmark} prints both) and a thread
     * start, while thread 0 starts at once; at ~250 M neuron-steps/s per core, 5 M neuron-steps are ~20 ms of
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
     * The threads a run of n neurons uses by default: all cores from {@link #PARALLEL_MIN_NEURON_STEPS} on,
     * unless the machine is already busy (1-minute load average at or above the number of cores): then the
     * other threads would only wait for a core, and the split measured 0.6-0.85x of one thread on the shared
     * 2-core machine. Either way the result is the same, bit for bit.
     */
    int defaultThreads(int n) {
        int cores = Runtime.getRuntime().availableProcessors();
        if (cores == 1 || (long) n * steps < PARALLEL_MIN_NEURON_STEPS) {
            return 1;
        }
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage();
        return load >= cores ? 1 : cores; // load < 0: not available, assume idle cores
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
     */
    void run(int n, NumpyRandom rng, List<EnsembleObserver> observers, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        final int chunk = chunkNeurons(n, observers);
        final int chunks = (n + chunk - 1) / chunk;
        final int workers = Math.min(threads, chunks);
        final boolean spikeFlags = observers.stream().anyMatch(EnsembleObserver::needsSpikes);
        final Mt19937 caller = rng.engine();
        if (workers == 1) {
            simulate(caller, n, chunk, 0, chunks, observers, spikeFlags, null);
            return;
        }
        @SuppressWarnings("unchecked")
        final CompletableFuture<EnsembleObserver.Part[]>[] slots = new CompletableFuture[chunks];
        for (int c = 0; c < chunks; c++) {
            slots[c] = new CompletableFuture<>();
        }
        final int[] firstChunk = new int[workers + 1];
        for (int w = 0; w <= workers; w++) {
            firstChunk[w] = (int) ((long) chunks * w / workers);
        }
        final Mt19937 start = caller.copy();
        final Mt19937[] ends = new Mt19937[workers];
        final Thread[] threadsRun = new Thread[workers];
        final AtomicBoolean cancelled = new AtomicBoolean();
        for (int w = 1; w < workers; w++) {
            final int c0 = firstChunk[w];
            final int c1 = firstChunk[w + 1];
            final int worker = w;
            threadsRun[w] = new Thread(
                    () -> {
                        try {
                            Mt19937 g = start.copy();
                            Mt19937Jump.ofWords(2L * steps * c0 * chunk).applyTo(g);
                            simulate(g, n, chunk, c0, c1, observers, spikeFlags, new Slots(slots, cancelled));
                            ends[worker] = g;
                        } catch (RuntimeException | Error e) {
                            for (int c = c0; c < c1; c++) {
                                slots[c].completeExceptionally(e);
                            }
                        }
                    },
                    "lif-ensemble-" + w);
            threadsRun[w].setDaemon(true);
            threadsRun[w].start();
        }
        try {
            simulate(caller, n, chunk, 0, firstChunk[1], observers, spikeFlags, null);
            for (int c = firstChunk[1]; c < chunks; c++) {
                EnsembleObserver.Part[] parts = slots[c].get();
                slots[c] = null;
                for (int o = 0; o < parts.length; o++) {
                    observers.get(o).merge(parts[o]);
                }
            }
            for (int w = 1; w < workers; w++) {
                threadsRun[w].join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the ensemble ran", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("an ensemble thread failed", cause);
        } finally {
            cancelled.set(true); // stops the other threads at their next chunk if this one failed
        }
        caller.copyFrom(ends[workers - 1]);
    }

    /** Where a worker thread leaves its chunks' parts for the caller to merge in order. */
    private record Slots(CompletableFuture<EnsembleObserver.Part[]>[] slots, AtomicBoolean cancelled) {}

    /**
     * Chunks {@code [c0, c1)} from generator g (at chunk c0's first draw). With {@code out} null the parts are
     * merged at once (this is the caller's thread, and these are the next chunks in order); else they are
     * handed over.
     */
    private void simulate(
            Mt19937 g,
            int n,
            int chunk,
            int c0,
            int c1,
            List<EnsembleObserver> observers,
            boolean spikeFlags,
            Slots out) {
        final int block = BlockIntegrator.BLOCK;
        final double[] rows = new double[block * steps];
        final boolean[] spiked = spikeFlags ? new boolean[block * steps] : null;
        final int count = observers.size();
        for (int c = c0; c < c1; c++) {
            if (out != null && out.cancelled().get()) {
                return;
            }
            int first = c * chunk;
            int neurons = Math.min(chunk, n - first);
            EnsembleObserver.Part[] parts = new EnsembleObserver.Part[count];
            for (int o = 0; o < count; o++) {
                parts[o] = observers.get(o).newPart(first, neurons);
            }
            EnsembleObserver.Part only = count == 1 && !spikeFlags ? parts[0] : null;
            for (int b = 0; b < neurons; b += block) {
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
            if (out == null) {
                for (int o = 0; o < count; o++) {
                    observers.get(o).merge(parts[o]);
                }
            } else {
                out.slots()[c].complete(parts);
            }
        }
    }
}
