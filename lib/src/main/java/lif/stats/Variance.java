package lif.stats;

/**
 * Which variance (and standard deviation) an ensemble statistic reports: the sum of squared deviations
 * from the mean divided by N - 1 ({@link #SAMPLE}) or by N ({@link #POPULATION}), N the number of neurons.
 * numpy calls the difference {@code ddof}: {@link #ddof()} gives it.
 */
public enum Variance {
    /** Divides by N - 1: the unbiased sample variance of the tutorial's Exercise 10; needs N >= 2. */
    SAMPLE(1),
    /** Divides by N: numpy's {@code np.var}/{@code np.std} default ({@code ddof=0}), Exercise 14; needs N >= 1. */
    POPULATION(0);

    private final int ddof;

    Variance(int ddof) {
        this.ddof = ddof;
    }

    /** numpy's {@code ddof}: 1 for {@link #SAMPLE}, 0 for {@link #POPULATION}. */
    public int ddof() {
        return ddof;
    }

    /**
     * kind itself, checked: the library's one message for a missing {@code kind}.
     *
     * @throws IllegalArgumentException if kind is null
     */
    public static Variance require(Variance kind) {
        if (kind == null) {
            throw new IllegalArgumentException(
                    "kind must be Variance.SAMPLE (N-1) or Variance.POPULATION (N), got null");
        }
        return kind;
    }

    /**
     * Checks that n samples are enough for this variance.
     *
     * @throws IllegalArgumentException if there are too few samples (SAMPLE needs n >= 2, POPULATION n >= 1)
     */
    public void checkSamples(long n) {
        if (n <= ddof) {
            throw new IllegalArgumentException(tooFew(n));
        }
    }

    /**
     * The divisor {@code n - ddof} for n samples.
     *
     * @throws IllegalArgumentException if there are too few samples (see {@link #checkSamples})
     */
    public double divisor(long n) {
        checkSamples(n);
        return n - ddof;
    }

    /**
     * For an accumulator's getters: checks kind and that the {@code added} samples so far are enough for it; too
     * few is the accumulator's state, so an {@link IllegalStateException}.
     */
    static void checkAdded(Variance kind, long added) {
        if (added <= require(kind).ddof) {
            throw new IllegalStateException(kind.tooFew(added));
        }
    }

    private String tooFew(long n) {
        return this == SAMPLE
                ? "the SAMPLE variance (N-1) needs at least 2 neurons, got N=" + n
                : "the POPULATION variance (N) needs at least 1 neuron, got N=" + n;
    }

    /** The variance numpy computes with this {@code ddof} (0 or 1). */
    public static Variance ofDdof(int ddof) {
        if (ddof == 1) {
            return SAMPLE;
        }
        if (ddof == 0) {
            return POPULATION;
        }
        throw new IllegalArgumentException(
                "ddof must be 0 (POPULATION, divide by N) or 1 (SAMPLE, divide by N-1), got " + ddof);
    }
}
