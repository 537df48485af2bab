package lif;

/**
 * An input current I(t): amperes (A) at time t in seconds (s). Any lambda works:
 * {@code Current step = t -> t < 0.05 ? 0 : 3e-10;}
 */
@FunctionalInterface
public interface Current {

    /** The current at time t. @param t time in seconds @return current in amperes */
    double at(double t);

    /** I(t) = amps for all t. */
    static Current constant(double amps) {
        return t -> amps;
    }

    /**
     * The tutorial's sinusoid {@code I(t) = iMean (1 + sin(2 pi t / period))}, evaluated in the
     * tutorial's operation order {@code iMean * (1 + sin((t * 2 * pi) / period))} so values match numpy.
     *
     * @param iMean  mean current, in amperes
     * @param period period, in seconds (the tutorial uses 0.01 s); finite and > 0
     */
    static Current sinusoid(double iMean, double period) {
        if (!Double.isFinite(period) || !(period > 0)) {
            throw new IllegalArgumentException("period must be finite and > 0 s, got " + PyFormat.repr(period));
        }
        if (!Double.isFinite(iMean)) {
            throw new IllegalArgumentException("iMean must be finite (A), got " + PyFormat.repr(iMean));
        }
        return t -> iMean * (1 + Math.sin((t * 2 * Math.PI) / period));
    }

    /** The tutorial's sinusoid with {@code p.iMean()} and a period of 0.01 s. */
    static Current sinusoid(LifParameters p) {
        return sinusoid(p.iMean(), 0.01);
    }

    /**
     * The tutorial's noise current for one uniform draw u in [0, 1):
     * {@code I = iMean (1 + 0.1 sqrt(tMax/dt) xi)} with {@code xi = 2u - 1 ~ U(-1, 1)}, in the
     * tutorial's operation order {@code iMean * (1 + noiseScale * (2 * u - 1))}. Amperes.
     */
    static double noise(LifParameters p, double u) {
        return noise(p.iMean(), p.noiseScale(), u);
    }

    /** {@link #noise(LifParameters, double)} with the scale given: {@code iMean * (1 + scale * (2 * u - 1))}. */
    static double noise(double iMean, double scale, double u) {
        return iMean * (1 + scale * (2 * u - 1));
    }
}
