package lif;

/**
 * Deals the chunks {@code 0 .. chunks-1} of an ensemble pass to W threads by work stealing: thread w starts with
 * the w-th of W contiguous runs and takes its chunks in order; a thread whose run is used up takes the back half
 * (rounded up) of the largest run left, and continues there. A thread's random generator follows its chunks, so it
 * jumps ahead only when it starts a run: W times in a pass where the cores keep pace, a few more where one is
 * slowed. No thread waits while a chunk is unstarted. Thread-safe (one lock, taken once per chunk).
 */
final class ChunkRanges {
    /** Next chunk of each thread's run. */
    private final int[] next;
    /** End (exclusive) of each thread's run. */
    private final int[] end;

    /** @param workers threads, 1 .. chunks */
    ChunkRanges(int chunks, int workers) {
        if (workers < 1 || workers > chunks) {
            throw new IllegalArgumentException("workers must be in [1, " + chunks + "], got " + workers);
        }
        next = new int[workers];
        end = new int[workers];
        for (int w = 0; w < workers; w++) {
            next[w] = (int) ((long) chunks * w / workers);
            end[w] = (int) ((long) chunks * (w + 1) / workers);
        }
    }

    /** The next chunk for thread w, or -1 when every chunk has been taken. */
    synchronized int take(int w) {
        if (next[w] == end[w]) {
            int victim = -1;
            int most = 0;
            for (int v = 0; v < next.length; v++) {
                if (end[v] - next[v] > most) {
                    most = end[v] - next[v];
                    victim = v;
                }
            }
            if (victim < 0) {
                return -1;
            }
            next[w] = end[victim] - (most + 1) / 2;
            end[w] = end[victim];
            end[victim] = next[w];
        }
        return next[w]++;
    }
}
