package lif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import lif.stats.Autocovariance;
import lif.stats.EnsembleStats;
import lif.stats.Variance;
import org.junit.jupiter.api.Test;

class Ar1TheoryTest {
    static final LifParameters P = LifParameters.defaults();
    static final Ar1Theory TH = Ar1Theory.of(P);

    @Test
    void coefficientsOfTheDefaults() {
        assertEquals(0.95, TH.a(), 1e-15);
        assertEquals(0.05 * (-0.06 + 0.025), TH.b(), 1e-17);
        assertEquals(0.05 * 0.025 * 0.1 * Math.sqrt(150), TH.c(), 1e-17);
        assertEquals(-0.035, TH.stationaryMean(), 1e-15);
        // (c^2/3)/(1-a^2) with c = 1.5309e-3: 7.8125e-7 / 0.0975
        assertEquals(7.8125e-7 / 0.0975, TH.stationaryVariance(), 1e-18);
        assertEquals(Math.sqrt(7.8125e-7 / 0.0975), TH.stationaryStd(), 1e-15);
        assertTrue(TH.stable());
        assertEquals(-0.001 / Math.log(0.95), TH.correlationTime(), 1e-15);
    }

    @Test
    void closedFormsMatchTheRecurrence() {
        double a = TH.a();
        double m = P.eL();
        double v = 0;
        for (int k = 0; k < 400; k++) {
            assertEquals(m, TH.mean(k), 1e-15, "mean at " + k);
            assertEquals(v, TH.variance(k), 1e-12 * v, "variance at " + k);
            m = a * m + TH.b();
            v = a * a * v + TH.c() * TH.c() / 3;
        }
        assertEquals(TH.stationaryVariance(), TH.variance(1000), 1e-20);
        assertEquals(TH.variance(5) * Math.pow(0.95, 7), TH.covariance(12, 5), 1e-20);
        assertEquals(1, TH.autocorrelation(0), 0);
        assertEquals(Math.pow(0.95, 10), TH.autocorrelation(-10), 1e-15);
        assertEquals(0, TH.variance(0), 0);
        assertEquals(30, TH.stepsToStationary(0.05)); // 0.95^60 = 0.046
    }

    @Test
    void unstableStepSizeIsRefused() {
        Ar1Theory bad = Ar1Theory.of(P.withDt(0.05));
        assertFalse(bad.stable());
        IllegalStateException e = assertThrows(IllegalStateException.class, bad::stationaryVariance);
        assertTrue(e.getMessage().contains("dt >= 2 tau"), e.getMessage());
        assertTrue(bad.variance(3) > 0); // the transient formula still holds
    }

    @Test
    void smallEnsembleFollowsTheTransientExactly() {
        // mean of the Exercise 13 ensemble of 2,000 neurons: within 4 standard errors at every step
        EnsembleStats s = Lif.euler(P).ensembleStats(2000, new NumpyRandom(7), Variance.SAMPLE);
        for (int k = 0; k < P.steps(); k++) {
            double se = TH.std(k) / Math.sqrt(2000);
            assertEquals(TH.mean(k), s.mean()[k], 4 * se + 1e-15, "mean at step " + k);
        }
    }

    /** The acceptance check: stationary std at N = 100,000 within 2% of theory, autocorrelation at lags 1..10. */
    @Test
    void hundredThousandNeuronsAgreeWithTheory() {
        int n = 100_000;
        Lif lif = Lif.euler(P);
        // one pass records both the per-step statistics and the autocovariance
        Ensemble e = lif.simulate(n, new NumpyRandom(2020), Monitor.STATS, Monitor.AUTOCOVARIANCE);
        EnsembleStats s = e.stats(Variance.SAMPLE);
        int last = P.steps() - 1;
        double rel = Math.abs(s.std()[last] - TH.std(last)) / TH.std(last);
        assertTrue(rel < 0.02, "stationary std off by " + rel);
        assertTrue(Math.abs(s.std()[last] - TH.stationaryStd()) / TH.stationaryStd() < 0.02);
        assertEquals(TH.stationaryMean(), s.mean()[last], 4 * TH.stationaryStd() / Math.sqrt(n));

        Autocovariance acc = e.autocovariance();
        int from = 100; // a^200 = 3.5e-5: stationary
        double[] r = acc.autocorrelation(from, 40);
        for (int lag = 1; lag <= 10; lag++) {
            assertEquals(TH.autocorrelation(lag), r[lag], 0.01, "autocorrelation at lag " + lag);
        }
        double pooled = Math.sqrt(acc.pooledVariance(from, Variance.SAMPLE));
        assertTrue(Math.abs(pooled - TH.stationaryStd()) / TH.stationaryStd() < 0.01, "pooled std " + pooled);
        // the same pass, two estimators: the per-step std agrees
        assertEquals(s.std()[last], acc.std(Variance.SAMPLE)[last], 1e-12 * s.std()[last]);
        // no periodicity: the autocorrelation never rises again
        for (int lag = 1; lag <= 40; lag++) {
            assertTrue(r[lag] < r[lag - 1] + 0.01, "rises at lag " + lag);
        }
    }
}
