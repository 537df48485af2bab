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
 * <p><b>Cost.</b> P (135 terms; found from 39,936 of the generator's bits by Berlekamp-Massey,
 * {@link Gf2Polynomial#minimalPolynomial}, and kept as a constant) costs nothing at run time;
 * {@code x^k mod P} costs one squaring per bit of k (about 30 for an ensemble) and is kept for the 64
 * most recent k; applying it costs 19,937 single-word steps and about 10,000 XORs of 624-word windows.
 * {@code bin/benchmark} prints both.
 *
 * <p>Immutable and thread-safe; build one per jump length and apply it to any number of generators.
 */
final class Mt19937Jump {
    /** Degree of MT19937's characteristic polynomial: the Mersenne exponent of its period 2^19937 - 1. */
    static final int DEGREE = 19937;

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

    /**
     * The powers of x in P, the characteristic polynomial of MT19937's word-by-word step: 135 terms, from
     * x^19937 down to 1. Found by Berlekamp-Massey on the generator's own bits ({@link #findCharacteristicPolynomial},
     * which the tests run and compare with this list); kept here so no run pays the ~0.1-0.3 s search.
     */
    private static final int[] CHARACTERISTIC_POWERS = {
        19937, 19314, 19087, 18860, 18691, 18633, 18406, 18237, 18179, 18068, 17952, 17841, 17783, 17725, 17498, 17445,
        17329, 17271, 17160, 17044, 16933, 16875, 16822, 16817, 16595, 16590, 16537, 16421, 16368, 16363, 16252, 16141,
        16136, 16025, 15967, 15909, 15682, 15629, 15576, 15513, 15455, 15349, 15344, 15228, 15117, 15059, 15006, 15001,
        14953, 14779, 14774, 14721, 14605, 14552, 14547, 14436, 14325, 14320, 14209, 14151, 14093, 13866, 13813, 13760,
        13697, 13639, 13533, 13528, 13412, 13301, 13243, 13190, 13185, 13137, 12963, 12958, 12905, 12789, 12736, 12731,
        12673, 12620, 12509, 12504, 12393, 12335, 12277, 11997, 11944, 11881, 11838, 11717, 11712, 11611, 11485, 11384,
        11374, 11321, 11215, 11157, 11147, 11089, 10920, 10761, 10693, 10128, 9969, 9901, 9505, 8206, 7979, 7752, 7583,
        7525, 7477, 7129, 6569, 6337, 5661, 4753, 4362, 4135, 3908, 3681, 3454, 3227, 3000, 2773, 2493, 1870, 1643,
        1585, 1416, 1189, 0
    };

    /** P, the characteristic polynomial of MT19937's word-by-word step (degree 19937, 135 terms). */
    static Gf2Polynomial characteristicPolynomial() {
        return CHARACTERISTIC;
    }

    private static final Gf2Polynomial CHARACTERISTIC = Gf2Polynomial.of(CHARACTERISTIC_POWERS);

    /**
     * Berlekamp-Massey on the top bit of successive untempered words from seed 5489 (any seed gives the
     * same P: the polynomial is irreducible, so every non-zero bit sequence of the generator has it as
     * minimal polynomial). 64 blocks give 39,936 bits, more than the 2 x 19,937 needed.
     */
    static Gf2Polynomial findCharacteristicPolynomial() {
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
        final int[] r = new int[n]; // a window held circularly: its oldest word is r[head]
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
