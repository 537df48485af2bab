package lif;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ChunkRangesTest {

    @Test
    void eachThreadRunsItsOwnRunThenTakesTheBackHalfOfTheLargestLeft() {
        ChunkRanges r = new ChunkRanges(10, 2); // runs [0, 5) and [5, 10)
        int[] one = {r.take(1), r.take(1), r.take(1), r.take(1), r.take(1)};
        assertArrayEquals(new int[] {5, 6, 7, 8, 9}, one);
        assertEquals(2, r.take(1), "thread 1 takes the back half, rounded up, of thread 0's untouched [0, 5)");
        assertEquals(0, r.take(0));
        assertEquals(1, r.take(0));
        assertEquals(4, r.take(0), "thread 0's run is used up: it takes the back of [3, 5), which thread 1 holds");
        assertEquals(3, r.take(1));
        assertEquals(-1, r.take(0));
        assertEquals(-1, r.take(1));
    }

    @Test
    void everyChunkIsTakenOnceWhateverTheOrderOfTheThreads() {
        Random random = new Random(1);
        for (int workers = 1; workers <= 5; workers++) {
            for (int chunks = workers; chunks <= 40; chunks++) {
                ChunkRanges r = new ChunkRanges(chunks, workers);
                int[] taken = new int[chunks];
                for (int i = 0; i < chunks; i++) {
                    taken[r.take(random.nextInt(workers))]++;
                }
                for (int w = 0; w < workers; w++) {
                    assertEquals(-1, r.take(w), "all taken");
                }
                int[] once = new int[chunks];
                java.util.Arrays.fill(once, 1);
                assertArrayEquals(once, taken, workers + " threads, " + chunks + " chunks");
            }
        }
    }

    @Test
    void threadsThatKeepPaceEachStartOneRunOnly() {
        for (int workers = 1; workers <= 5; workers++) {
            ChunkRanges r = new ChunkRanges(12 * workers, workers);
            int[] next = new int[workers];
            for (int w = 0; w < workers; w++) {
                next[w] = 12 * w;
            }
            for (int i = 0; i < 12; i++) {
                for (int w = 0; w < workers; w++) {
                    assertEquals(next[w]++, r.take(w), "thread " + w + " continues its run: no jump");
                }
            }
            for (int w = 0; w < workers; w++) {
                assertEquals(-1, r.take(w));
            }
        }
    }

    @Test
    void needsOneToChunksThreads() {
        assertEquals(
                "workers must be in [1, 3], got 4",
                assertThrows(IllegalArgumentException.class, () -> new ChunkRanges(3, 4))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ChunkRanges(3, 0));
    }
}
