package lif;

/**
 * A random stream bit-identical to numpy's legacy global generator:
 * {@code new NumpyRandom(s)} is {@code np.random.seed(s)}; {@link #random()}, {@link #random(int)} and
 * {@link #random(int, int)} are {@code np.random.random()}, {@code random(n)} and
 * {@code random((rows, cols))} (filled row-major), drawing from one continuing stream.
 *
 * <p>numpy draws two 32-bit MT19937 words a, b and returns {@code ((a >>> 5) * 2^26 + (b >>> 6)) / 2^53},
 * a double in [0, 1). The words come from a block MT19937 ({@code Mt19937}, faster: see there) checked word for
 * word against commons-math3's {@code MersenneTwister(int)}, which gives the same stream for seeds below
 * 2<sup>31</sup>.
 *
 * <p>Not thread-safe: give each thread its own instance. (The ensemble methods of {@link Lif} split their
 * work over threads themselves, each jumping ahead to its own part of this stream.)
 */
public final class NumpyRandom {
    private final Mt19937 engine = new Mt19937();

    /**
     * {@code np.random.seed(seed)}.
     *
     * @param seed in [0, 4294967295], numpy's range for an integer seed
     * @throws IllegalArgumentException outside that range
     */
    public NumpyRandom(long seed) {
        seed(seed);
    }

    private NumpyRandom(int[] key) {
        engine.seed(key);
    }

    /**
     * numpy's {@code np.random.seed([k0, k1, ...])} (MT19937 {@code init_by_array}).
     *
     * @param key one or more values in [0, 4294967295]
     */
    public static NumpyRandom seededByArray(long... key) {
        if (key == null || key.length == 0) {
            throw new IllegalArgumentException(
                    "key must hold at least one value, got " + (key == null ? "null" : "[]"));
        }
        int[] k = new int[key.length];
        for (int i = 0; i < key.length; i++) {
            checkSeed("key[" + i + "]", key[i]);
            k[i] = (int) key[i];
        }
        return new NumpyRandom(k);
    }

    /** Restarts the stream as {@code np.random.seed(seed)} does; seed in [0, 4294967295]. */
    public void seed(long seed) {
        checkSeed("seed", seed);
        engine.seed(seed);
    }

    /** {@code np.random.random()}: one double in [0, 1). */
    public double random() {
        return engine.nextDouble();
    }

    /** {@code np.random.random(n)}: n doubles in [0, 1); n >= 0. */
    public double[] random(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        double[] out = new double[n];
        fill(out, 0, n);
        return out;
    }

    /**
     * {@code np.random.random((rows, cols))}: filled row by row, so row r holds draws
     * r*cols .. r*cols+cols-1 of the stream.
     *
     * @throws IllegalArgumentException if rows or cols is negative, or the matrix cannot fit in the heap
     */
    public double[][] random(int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("rows and cols must be >= 0, got (" + rows + ", " + cols + ")");
        }
        MemoryGuard.checkMatrix(rows, cols, "random(rows, cols)");
        double[][] out = new double[rows][cols];
        for (double[] row : out) {
            fill(row, 0, cols);
        }
        return out;
    }

    /** Fills out[from, to) with the next draws of the stream, in index order. */
    public void fill(double[] out, int from, int to) {
        if (out == null) {
            throw new IllegalArgumentException("out must be an array, got null");
        }
        if (from < 0 || to > out.length || from > to) {
            throw new IllegalArgumentException(
                    "need 0 <= from <= to <= out.length (" + out.length + "), got from=" + from + ", to=" + to);
        }
        engine.fill(out, from, to);
    }

    /** Fills the whole array with the next draws of the stream. */
    public void fill(double[] out) {
        fill(out, 0, out == null ? 0 : out.length);
    }

    /** The next raw 32-bit MT19937 word (numpy's {@code randint} building block); for tests and tools. */
    public int nextWord() {
        return engine.nextInt();
    }

    /** The generator behind the stream, for the ensemble engine (which jumps copies of it ahead). */
    Mt19937 engine() {
        return engine;
    }

    private static void checkSeed(String name, long seed) {
        if (seed < 0 || seed > 0xffffffffL) {
            throw new IllegalArgumentException(name + " must be in [0, 4294967295] (numpy's seed range), got " + seed);
        }
    }
}
