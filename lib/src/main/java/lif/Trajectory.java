package lif;

/**
 * One simulated membrane potential: {@code v[k]} (volts) at time {@code t[k]} (seconds), plus the
 * spike times (seconds) when threshold-and-reset was on (empty otherwise).
 * The arrays are the record's own: plot them directly, copy them before changing them.
 */
public record Trajectory(double[] t, double[] v, double[] spikeTimes) {

    public Trajectory {
        if (t == null || v == null) {
            throw new IllegalArgumentException("t and v must be arrays, got " + (t == null ? "t=null" : "v=null"));
        }
        if (t.length != v.length) {
            throw new IllegalArgumentException(
                    "t and v must have the same length, got " + t.length + " and " + v.length);
        }
        spikeTimes = spikeTimes == null ? new double[0] : spikeTimes;
    }

    /** A trajectory without spikes. */
    public Trajectory(double[] t, double[] v) {
        this(t, v, new double[0]);
    }

    /** Number of points. */
    public int size() {
        return t.length;
    }
}
