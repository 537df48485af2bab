package lif;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * A random stream bit-identical to numpy's legacy global generator:
 * {@code new NumpyRandom(s)} is {@code np.random.seed(s)}; {@link #random()}, {@link #random(int)} and
 * {@link #random(int, int)} are {@code np.random.random()}, {@code random(n)} and
 * {@code random((rows, cols))} (filled row-major), drawing from one continuing stream.
 *
 * <p>numpy draws two 32-bit MT19937 words a, b and returns {@code ((a >>> 5) * 2^26 + (b >>> 6)) / 2^53},
 * a double in [0, 1). The words come from a block MT19937 ({@code Mt19937}) checked word for word
 * against commons-math3's {@code MersenneTwister(int)}; {@link #over(RandomGenerator)} applies the same
 * formula to any commons-math3 generator instead, e.g. {@code NumpyRandom.over(new MersenneTwister(2020))}
 * (identical stream for seeds below 2<sup>31</sup>, about 5x slower).
 *
 * <p>Not thread-safe: give each thread its own instance.
 */
public final class NumpyRandom {
    private final Mt19937 engine;
    private final RandomGenerator words;

    /**
     * {@code np.random.seed(seed)}.
     *
     * @param seed in [0, 4294967295], numpy's range for an integer seed
     * @throws IllegalArgumentException outside that range
     */
    public NumpyRandom(long seed) {
        this.engine = new Mt19937();
        this.words = null;
        seed(seed);
    }

    private NumpyRandom(int[] key) {
        this.engine = new Mt19937();
        this.words = null;
        engine.seed(key);
    }

    private NumpyRandom(RandomGenerator words) {
        this.engine = null;
        this.words = words;
    }

    /**
     * numpy's {@code np.random.seed([k0, k1, ...])} (MT19937 {@code init_by_array}). Used for the
     * independent per-chunk streams of the parallel ensemble.
     *
     * @param key one or more values in [0, 4294967295]
     */
    public static NumpyRandom seededByArray(long... key) {
        if (key == null || key.length == 0) {
            throw new IllegalArgumentException("key must hold at least one value, got " + (key == null ? "null" : "[]"));
        }
        int[] k = new int[key.length];
        for (int i = 0; i < key.length; i++) {
            checkSeed("key[" + i + "]", key[i]);
            k[i] = (int) key[i];
        }
        return new NumpyRandom(k);
    }

    /**
     * The numpy formula over the 32-bit words of any commons-math3 generator ({@code nextInt()}).
     * With {@code new MersenneTwister(int seed)} this is the reference recipe; it is slower than
     * {@link #NumpyRandom(long)} and its {@link #seed(long)} calls {@code words.setSeed(int)}.
     */
    public static NumpyRandom over(RandomGenerator words) {
        if (words == null) {
            throw new IllegalArgumentException("words must be a commons-math3 RandomGenerator, got null");
        }
        return new NumpyRandom(words);
    }

    /** Restarts the stream as {@code np.random.seed(seed)} does; seed in [0, 4294967295]. */
    public void seed(long seed) {
        checkSeed("seed", seed);
        if (engine != null) {
            engine.seed(seed);
        } else {
            words.setSeed((int) seed);
        }
    }

    /** {@code np.random.random()}: one double in [0, 1). */
    public double random() {
        if (engine != null) {
            return engine.nextDouble();
        }
        int a = words.nextInt() >>> 5;
        int b = words.nextInt() >>> 6;
        return (a * 67108864.0 + b) * 0x1.0p-53;
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
            throw new IllegalArgumentException("need 0 <= from <= to <= out.length (" + out.length
                    + "), got from=" + from + ", to=" + to);
        }
        if (engine != null) {
            engine.fill(out, from, to);
        } else {
            for (int i = from; i < to; i++) {
                out[i] = random();
            }
        }
    }

    /** Fills the whole array with the next draws of the stream. */
    public void fill(double[] out) {
        fill(out, 0, out == null ? 0 : out.length);
    }

    /** The next raw 32-bit MT19937 word (numpy's {@code randint} building block); for tests and tools. */
    public int nextWord() {
        return engine != null ? engine.nextInt() : words.nextInt();
    }

    private static void checkSeed(String name, long seed) {
        if (seed < 0 || seed > 0xffffffffL) {
            throw new IllegalArgumentException(name + " must be in [0, 4294967295] (numpy's seed range), got " + seed);
        }
    }
}
