package lif;

/**
 * Jump-ahead for MT19937: moves a generator k 32-bit words further along its stream without making them,
 * exactly (the words after the jump are those that k calls of {@code nextInt()} would have reached).
 *
 * <p><b>The mathematics</b> (Haramoto, Matsumoto, Nishimura, Panneton, L'Ecuyer, "Efficient jump ahead
 * for F2-linear random number generators", INFORMS J. Computing 20(3), 2008; numpy's
 * {@code MT19937.jumped} uses the same method). Let W_j = (x_j, ..., x_{j+623}) be the window of 624
 * untempered words and B the linear map W_j -> W_{j+1} over GF(2) (append
 * {@code x_{j+624} = x_{j+397} ^ f(upper bit of x_j | lower 31 bits of x_{j+1})}, drop x_j). Every window the
 * generator reaches after its first block lies in the image of B, where B satisfies its characteristic
 * polynomial P, of degree 19937 (the lower 31 bits of x_j are the only part B forgets). Writing
 * {@code x^k = q(x) P(x) + p(x)} gives {@code B^k W = p(B) W}: one evaluation of the polynomial
 * {@code p = x^k mod P} (degree < 19937) at B, by Horner's rule, replaces k steps.
 *
 * <p><b>Cost.</b> P is found once per JVM from 39,936 of the generator's bits by Berlekamp-Massey
 * ({@link Gf2Polynomial#minimalPolynomial}); {@code x^k mod P} costs one squaring per bit of k
 * (about 30 for an ensemble); applying it costs 19,937 single-word steps and about 10,000 XORs of
 * 624-word windows. {@code bin/benchmark} prints all three.
 *
 * <p>Immutable and thread-safe; build one per jump length and apply it to any number of generators.
 */
final class Mt19937Jump {
    /** Degree of MT19937's characteristic polynomial: the Mersenne exponent of its period 2^19937 - 1. */
    static final int DEGREE = 19937;

    private static volatile Gf2Polynomial characteristic;
    /** Recent jumps by length: an ensemble of the same size run again reuses its jump polynomial. */
    private static final java.util.Map<Long, Mt19937Jump> RECENT = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int RECENT_MAX = 64;

    private final long words;
    private final Gf2Polynomial jumpPolynomial;

    private Mt19937Jump(long words, Gf2Polynomial jumpPolynomial) {
        this.words = words;
        this.jumpPolynomial = jumpPolynomial;
    }

    /**
     * The jump of {@code words} 32-bit words (a {@link NumpyRandom} double uses two).
     *
     * @throws IllegalArgumentException if words < 0
     */
    static Mt19937Jump ofWords(long words) {
        if (words < 0) {
            throw new IllegalArgumentException("words (32-bit words to skip) must be >= 0, got " + words);
        }
        Mt19937Jump known = RECENT.get(words);
        if (known != null) {
            return known;
        }
        Mt19937Jump jump = new Mt19937Jump(words, characteristicPolynomial().xPowerMod(words));
        if (RECENT.size() >= RECENT_MAX) {
            RECENT.clear();
        }
        RECENT.put(words, jump);
        return jump;
    }

    /** Forgets the recent jumps (for timing the polynomial in the benchmark). */
    static void forgetRecent() {
        RECENT.clear();
    }

    /** The 32-bit words this jump skips. */
    long words() {
        return words;
    }

    /** {@code x^words mod P}. */
    Gf2Polynomial polynomial() {
        return jumpPolynomial;
    }

    /** P, the characteristic polynomial of MT19937's word-by-word step, computed on first use. */
    static Gf2Polynomial characteristicPolynomial() {
        Gf2Polynomial p = characteristic;
        if (p == null) {
            synchronized (Mt19937Jump.class) {
                p = characteristic;
                if (p == null) {
                    p = findCharacteristicPolynomial();
                    characteristic = p;
                }
            }
        }
        return p;
    }

    /**
     * Berlekamp-Massey on the top bit of successive untempered words from seed 5489 (any seed gives the
     * same P: the polynomial is irreducible, so every non-zero bit sequence of the generator has it as
     * minimal polynomial). 64 blocks give 39,936 bits, more than the 2 x 19,937 needed.
     */
    private static Gf2Polynomial findCharacteristicPolynomial() {
        Mt19937 g = new Mt19937();
        g.seed(5489);
        int blocks = 64;
        long[] bits = new long[blocks * Mt19937.N / 64];
        int j = 0;
        for (int b = 0; b < blocks; b++) {
            g.nextBlock();
            for (int i = 0; i < Mt19937.N; i++, j++) {
                bits[j >>> 6] |= (long) (g.state[i] >>> 31) << (j & 63);
            }
        }
        Gf2Polynomial p = Gf2Polynomial.minimalPolynomial(bits, j);
        if (p.degree() != DEGREE) {
            throw new IllegalStateException("MT19937's characteristic polynomial must have degree " + DEGREE
                    + ", Berlekamp-Massey found " + p.degree());
        }
        return p;
    }

    /**
     * Moves g {@link #words()} words ahead: afterwards its next word is the one that many {@code nextInt()}
     * calls would have reached. Works from any point of the stream (fresh seed, mid-block, odd word).
     */
    void applyTo(Mt19937 g) {
        final int n = Mt19937.N;
        if (g.pos >= n) {
            g.nextBlock(); // the block the next word comes from anyway; now g.state is in the image of B
        }
        final int pos = g.pos;
        final int[] start = g.state.clone(); // W_j; the next word is x_{j+pos}
        final int[] r = new int[n];          // a window held circularly: its oldest word is r[head]
        int head = 0;
        for (int i = jumpPolynomial.degree(); i >= 0; i--) { // Horner: r = B r + p_i W_j
            head = step(r, head);
            if (jumpPolynomial.coefficient(i) == 1) {
                int tail = n - head;
                for (int t = 0; t < tail; t++) {
                    r[head + t] ^= start[t];
                }
                for (int t = tail; t < n; t++) {
                    r[t - tail] ^= start[t];
                }
            }
        }
        for (int t = 0; t < pos; t++) { // W_{j+k} -> W_{j+k+pos}, whose first word is the next one out
            head = step(r, head);
        }
        for (int t = 0; t < n; t++) {
            g.state[t] = r[(head + t) % n];
        }
        g.temperBlock();
    }

    /** One step of B on a circular window: replaces its oldest word by the new one; returns the new head. */
    private static int step(int[] r, int head) {
        final int n = Mt19937.N;
        int next = head + 1 == n ? 0 : head + 1;
        int far = head + Mt19937.M < n ? head + Mt19937.M : head + Mt19937.M - n;
        int y = (r[head] & 0x80000000) | (r[next] & 0x7fffffff);
        r[head] = r[far] ^ (y >>> 1) ^ (-(y & 1) & Mt19937.MATRIX_A);
        return next;
    }
}
