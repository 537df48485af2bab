package lif;

import java.util.Locale;

/** Refuses N x T double matrices that cannot fit in the heap, before allocating them. */
final class MemoryGuard {
    /** Share of the free heap a matrix may take; the rest is headroom for the caller's other data. */
    static final double HEADROOM = 0.8;

    private MemoryGuard() {}

    /** Bytes of a double[rows][cols]: a 16-byte header + data per row, plus a 4-byte reference each. */
    static double bytes(long rows, long cols) {
        return rows * (16.0 + 8.0 * cols + 4.0) + 16.0;
    }

    static void checkMatrix(long rows, long cols, String what) {
        checkMatrix(rows, cols, what, Runtime.getRuntime());
    }

    static void checkMatrix(long rows, long cols, String what, Runtime rt) {
        double need = bytes(rows, cols);
        long used = rt.totalMemory() - rt.freeMemory();
        double available = HEADROOM * (rt.maxMemory() - used);
        if (need > available) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "%s: an N x T = %d x %d matrix of doubles needs ~%.2f GB but the heap can give ~%.2f GB "
                            + "(max heap %.2f GB); use Lif.ensembleStats(n, rng, Variance.POPULATION) (or SAMPLE), which streams per-step "
                            + "mean/variance/std in O(T) memory, or raise -Xmx",
                    what,
                    rows,
                    cols,
                    need / 1e9,
                    available / 1e9,
                    rt.maxMemory() / 1e9));
        }
    }
}
