package lif;

/**
 * MT19937 that makes its 624 words per block in tight loops: the fast engine behind
 * {@link NumpyRandom}. Seeding is the reference {@code init_genrand} / {@code init_by_array}.
 *
 * <p>Why not only commons-math3's {@code MersenneTwister}: it makes and tempers one word per call, where
 * {@link #fill} tempers a block of 624 at a time and turns pairs of words into doubles in a loop the JIT
 * vectorises: numpy's doubles come about 1.9x faster here ({@code bin/benchmark}, "random stream", prints both), and
 * the random stream is the bottleneck of the ensemble loop. The tests check this engine word for word against
 * {@code org.apache.commons.math3.random.MersenneTwister}.
 */
final class Mt19937 {
    static final int N = 624;
    static final int M = 397;
    static final int MATRIX_A = 0x9908b0df;

    /** The untempered words x_j .. x_{j+623} of the current block (the block {@link #words} tempers). */
    final int[] state = new int[N];
    /** Tempered output of the current block. */
    final int[] words = new int[N];
    /** Next unread index into {@link #words}; N means the block is used up. */
    int pos = N;

    /** init_genrand(seed), seed taken as unsigned 32 bits (numpy's {@code np.random.seed(int)}). */
    void seed(long seed) {
        long x = seed & 0xffffffffL;
        state[0] = (int) x;
        for (int i = 1; i < N; i++) {
            x = (1812433253L * (x ^ (x >>> 30)) + i) & 0xffffffffL;
            state[i] = (int) x;
        }
        pos = N;
    }

    /** init_by_array(key) (numpy's {@code np.random.seed([k0, k1, ...])}); keys as unsigned 32 bits. */
    void seed(int[] key) {
        seed(19650218L);
        int i = 1;
        int j = 0;
        for (int k = Math.max(N, key.length); k > 0; k--) {
            long prev = state[i - 1] & 0xffffffffL;
            long s = ((state[i] & 0xffffffffL) ^ ((prev ^ (prev >>> 30)) * 1664525L)) + (key[j] & 0xffffffffL) + j;
            state[i] = (int) s;
            i++;
            j++;
            if (i >= N) {
                state[0] = state[N - 1];
                i = 1;
            }
            if (j >= key.length) {
                j = 0;
            }
        }
        for (int k = N - 1; k > 0; k--) {
            long prev = state[i - 1] & 0xffffffffL;
            long s = ((state[i] & 0xffffffffL) ^ ((prev ^ (prev >>> 30)) * 1566083941L)) - i;
            state[i] = (int) s;
            i++;
            if (i >= N) {
                state[0] = state[N - 1];
                i = 1;
            }
        }
        state[0] = 0x80000000;
        pos = N;
    }

    /** Makes the next block of 624 tempered words and rewinds {@link #pos}. */
    void nextBlock() {
        final int[] m = state;
        int k = 0;
        for (; k < N - M; k++) {
            int y = (m[k] & 0x80000000) | (m[k + 1] & 0x7fffffff);
            m[k] = m[k + M] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
        }
        for (; k < N - 1; k++) {
            int y = (m[k] & 0x80000000) | (m[k + 1] & 0x7fffffff);
            m[k] = m[k + (M - N)] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
        }
        int y = (m[N - 1] & 0x80000000) | (m[0] & 0x7fffffff);
        m[N - 1] = m[M - 1] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
        temperBlock();
    }

    /** Fills {@link #words} with the tempered {@link #state} and rewinds {@link #pos} to its first word. */
    void temperBlock() {
        final int[] m = state;
        final int[] w = words;
        for (int i = 0; i < N; i++) {
            int z = m[i];
            z ^= z >>> 11;
            z ^= (z << 7) & 0x9d2c5680;
            z ^= (z << 15) & 0xefc60000;
            z ^= z >>> 18;
            w[i] = z;
        }
        pos = 0;
    }

    /** An independent generator at the same point of the same stream. */
    Mt19937 copy() {
        Mt19937 c = new Mt19937();
        c.copyFrom(this);
        return c;
    }

    /** Moves this generator to the other's point of the stream. */
    void copyFrom(Mt19937 other) {
        System.arraycopy(other.state, 0, state, 0, N);
        System.arraycopy(other.words, 0, words, 0, N);
        pos = other.pos;
    }

    int nextInt() {
        if (pos >= N) {
            nextBlock();
        }
        return words[pos++];
    }

    /** numpy's {@code random_standard_uniform}: 27 + 26 bits, {@code (a * 2^26 + b) / 2^53}. */
    double nextDouble() {
        int a = nextInt() >>> 5;
        int b = nextInt() >>> 6;
        return (a * 67108864.0 + b) * 0x1.0p-53;
    }

    /** Fills out[from, to) with {@link #nextDouble()} values, a block at a time. */
    void fill(double[] out, int from, int to) {
        int i = from;
        while (i < to) {
            if (pos >= N - 1) {
                if (pos == N - 1) { // a draw that straddles two blocks (after an odd number of words)
                    out[i++] = nextDouble();
                    continue;
                }
                nextBlock();
            }
            int count = Math.min(to - i, (N - pos) >> 1);
            final int[] w = words;
            int p = pos;
            for (int c = 0; c < count; c++) {
                // int-to-double conversions (not long): exact here, and they vectorise on AVX2.
                out[i + c] = ((w[p] >>> 5) * 67108864.0 + (w[p + 1] >>> 6)) * 0x1.0p-53;
                p += 2;
            }
            pos = p;
            i += count;
        }
    }
}
