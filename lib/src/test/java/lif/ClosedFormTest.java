package lif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class ClosedFormTest {
    static final LifParameters P = LifParameters.defaults();

    @Test
    void sinusoidResponseSolvesTheEquation() {
        DoubleUnaryOperator v = ClosedForm.sinusoidResponse(P);
        assertEquals(P.eL(), v.applyAsDouble(0), 1e-15);
        Current in = Current.sinusoid(P);
        double h = 1e-7;
        for (double t = 0.001; t < 0.15; t += 0.0037) {
            double dvdt = (v.applyAsDouble(t + h) - v.applyAsDouble(t - h)) / (2 * h);
            double rhs = (P.eL() - v.applyAsDouble(t) + P.r() * in.at(t)) / P.tau();
            assertEquals(rhs, dvdt, 1e-6 * Math.abs(rhs) + 1e-6, "t=" + t);
        }
    }

    @Test
    void eulerIsFirstOrderAndExactUpdateIsCloser() {
        DoubleUnaryOperator v = ClosedForm.sinusoidResponse(P);
        double e1 = ClosedForm.maxError(Lif.euler(P.withDt(1e-4)).run(Current.sinusoid(P)), v);
        double e2 = ClosedForm.maxError(Lif.euler(P.withDt(1e-3)).run(Current.sinusoid(P)), v);
        double slope = Math.log10(e2 / e1);
        assertEquals(1, slope, 0.1, "Euler error slope");
        double x1 = ClosedForm.maxError(Lif.exact(P.withDt(1e-4)).run(Current.sinusoid(P)), v);
        double x2 = ClosedForm.maxError(Lif.exact(P.withDt(1e-3)).run(Current.sinusoid(P)), v);
        assertEquals(1, Math.log10(x2 / x1), 0.1, "exact update with held input is first order too");
        assertTrue(x2 < e2, x2 + " vs " + e2);
    }

    @Test
    void firingRateMatchesASimulationWithASmallStep() {
        LifParameters p = P.withTMax(2).withDt(1e-5);
        assertEquals(1e-10, ClosedForm.rheobase(p), 1e-22);
        assertEquals(0, ClosedForm.firingRate(p, 0.9e-10), 0);
        for (double amps : new double[] {1.5e-10, 2.5e-10, 4e-10}) {
            Trajectory tr = Lif.exact(p).withSpikes(true).run(Current.constant(amps));
            double[] s = tr.spikeTimes();
            double rate = (s.length - 1) / (s[s.length - 1] - s[0]);
            assertEquals(ClosedForm.firingRate(p, amps), rate, 0.01 * rate, "I=" + amps);
        }
    }
}
