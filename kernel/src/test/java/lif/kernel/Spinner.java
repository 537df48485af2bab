package lif.kernel;

import java.util.stream.IntStream;

/** Loops as a learner writes them; StopChecksTest loads this class with stop checks inserted. */
public final class Spinner {

    private Spinner() {}

    /** Counts up until the count overflows (centuries). */
    public static long spin(long n) {
        while (n >= 0) {
            n++;
        }
        return n;
    }

    /** 0 + 1 + ... + (n - 1). */
    public static int sum(int n) {
        int s = 0;
        for (int i = 0; i < n; i++) {
            s += i;
        }
        return s;
    }

    /** A method without loops. */
    public static int twice(int x) {
        return x > 0 ? 2 * x : -2 * x;
    }

    /** Every worker of the common pool spins. */
    public static void spinInParallel() {
        IntStream.range(0, 8).parallel().forEach(i -> spin(0));
    }

    /** A loop that catches everything, and loops again. */
    public static void spinCatchingAll() {
        while (true) {
            try {
                spin(0);
            } catch (Throwable t) {
                // keep going
            }
        }
    }
}
