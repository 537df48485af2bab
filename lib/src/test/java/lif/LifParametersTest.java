package lif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LifParametersTest {
    private final LifParameters p = LifParameters.defaults();

    @Test
    void defaultsAreTheTutorialsInSiUnits() {
        assertEquals(new LifParameters(0.15, 0.001, 0.02, -0.06, -0.07, -0.05, 1e8, 2.5e-10), p);
    }

    @Test
    void exercise1SampleOutput() {
        assertEquals("0.15 0.001 0.02 -0.06 -0.07 -0.05 100000000.0 2.5e-10", p.toPythonString());
        assertEquals("0.15 0.001 0.02 -0.06 -0.07 -0.05 100000000.0 2.5e-10", Tutorial.exercise1());
    }

    @Test
    void stepsIsPythonsIntOfTheQuotient() {
        assertEquals(150.0, 0.15 / 0.001); // the quotient is exactly 150 in binary floating point too
        assertEquals(150, (int) (0.15 / 0.001));
        assertEquals(150, p.steps());
        // ...but not always: Python's int(0.3 / 0.1) is 2, and so is steps() here
        assertEquals(2, p.withDt(0.1).withTMax(0.3).steps());
        double[] t = p.times();
        assertEquals(150, t.length);
        assertEquals(0.149, t[149]);
    }

    @Test
    void noiseScaleMatchesPythonsPowerOneHalf() {
        // 0.1 * (t_max/dt)**0.5 in Python (Exercise 7)
        assertEquals(1.2247448713915892, p.noiseScale());
    }

    @Test
    void withCopiesChangeOneValueAndLeaveTheOriginal() {
        LifParameters q = p.withTau(0.01);
        assertEquals(0.01, q.tau());
        assertEquals(0.02, p.tau());
        assertEquals(p, q.withTau(0.02));
        assertEquals(0.3, p.withTMax(0.3).tMax());
        assertEquals(1e-4, p.withDt(1e-4).dt());
        assertEquals(-0.065, p.withEL(-0.065).eL());
        assertEquals(-0.08, p.withVReset(-0.08).vReset());
        assertEquals(-0.055, p.withVTh(-0.055).vTh());
        assertEquals(5e7, p.withR(5e7).r());
        assertEquals(3e-10, p.withIMean(3e-10).iMean());
        assertNotEquals(p, p.withIMean(0));
    }

    @Test
    void validationMessagesNameParameterValueAndRule() {
        assertMessage("dt must be finite and > 0 s, got 0.0", () -> p.withDt(0));
        assertMessage("dt must be finite and > 0 s, got -0.001", () -> p.withDt(-0.001));
        assertMessage("dt must be finite and > 0 s, got nan", () -> p.withDt(Double.NaN));
        assertMessage("tau must be finite and > 0 s, got -0.02", () -> p.withTau(-0.02));
        assertMessage("tau must be finite and > 0 s, got inf", () -> p.withTau(Double.POSITIVE_INFINITY));
        assertMessage("r must be finite and > 0 ohm, got 0.0", () -> p.withR(0));
        assertMessage("eL must be finite (V), got nan", () -> p.withEL(Double.NaN));
        assertMessage("vReset must be finite (V), got -inf", () -> p.withVReset(Double.NEGATIVE_INFINITY));
        assertMessage("vTh must be finite (V), got inf", () -> p.withVTh(Double.POSITIVE_INFINITY));
        assertMessage("iMean must be finite (A), got nan", () -> p.withIMean(Double.NaN));
        assertMessage("tMax must be finite and >= dt (0.001 s), got 0.0005", () -> p.withTMax(0.0005));
        assertMessage("tMax must be finite and >= dt (0.001 s), got inf", () -> p.withTMax(Double.POSITIVE_INFINITY));
        assertMessage(
                "tMax / dt must be < 2^31 steps, got tMax=1000000.0 s, dt=0.0001 s (10000000000.0 steps)",
                () -> p.withDt(1e-4).withTMax(1e6));
        assertEquals(1, p.withTMax(0.001).steps()); // tMax == dt is allowed: one step
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        assertEquals(
                expected, assertThrows(IllegalArgumentException.class, call).getMessage());
    }
}
