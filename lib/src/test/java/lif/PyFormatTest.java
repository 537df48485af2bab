package lif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PyFormatTest {

    @Test
    void reprLikePython() {
        assertEquals("100000000.0", PyFormat.repr(1e8));
        assertEquals("2.5e-10", PyFormat.repr(2.5e-10));
        assertEquals("1e+23", PyFormat.repr(1e23)); // Java 17: 9.999999999999999E22
        assertEquals("1e-05", PyFormat.repr(1e-5));
        assertEquals("0.0001", PyFormat.repr(1e-4));
        assertEquals("1e+16", PyFormat.repr(1e16));
        assertEquals("1234567890123456.0", PyFormat.repr(1234567890123456.0));
        assertEquals("0.1", PyFormat.repr(0.1));
        assertEquals("0.30000000000000004", PyFormat.repr(0.1 + 0.2));
        assertEquals("-0.06", PyFormat.repr(-0.06));
        assertEquals("0.002", PyFormat.repr(2e-3));
        assertEquals("5e-324", PyFormat.repr(Double.MIN_VALUE));
        assertEquals("1.7976931348623157e+308", PyFormat.repr(Double.MAX_VALUE));
        assertEquals("2.2250738585072014e-308", PyFormat.repr(Double.MIN_NORMAL));
        assertEquals("0.0", PyFormat.repr(0.0));
        assertEquals("-0.0", PyFormat.repr(-0.0));
        assertEquals("nan", PyFormat.repr(Double.NaN));
        assertEquals("-inf", PyFormat.repr(Double.NEGATIVE_INFINITY));
        assertEquals("3.969463130731183e-10", PyFormat.repr(3.969463130731183e-10));
        assertEquals("3.9694631307311837e-10", PyFormat.repr(3.9694631307311837e-10));
        assertEquals("1.0 2.5", PyFormat.repr(1.0, 2.5));
    }

    @Test
    void reprEqualsPythonOnEveryReferenceValue() {
        // Every value in these files was written by Python's repr(): reading and re-printing must give the same text.
        int checked = 0;
        for (String file : List.of(
                "random_seed2020.txt",
                "random_seed0.txt",
                "random_seed12345.txt",
                "ex08_vn.txt",
                "ex10_t_mean_var_std.txt",
                "ex13_vn.txt",
                "ex14_t_mean_std.txt",
                "linspace.txt",
                "ex11_t_i_v.txt")) {
            for (String[] line : Reference.lines(file)) {
                for (String text : line) {
                    assertEquals(text, PyFormat.repr(Double.parseDouble(text)), file);
                    checked++;
                }
            }
        }
        assertEquals(true, checked > 45_000, "values checked: " + checked);
    }

    @Test
    void fixedAndExponentRoundTheBinaryValueHalfEvenLikePython() {
        assertEquals("0.314", PyFormat.f(3.14159265e-1, 3));
        assertEquals("3.1416e-01", PyFormat.e(3.14159265e-1, 4));
        assertEquals("2.67", PyFormat.f(2.675, 2)); // String.format gives 2.68
        assertEquals("0.12", PyFormat.f(0.125, 2)); // a true tie: half-even
        assertEquals("2.5e-01", PyFormat.e(0.25, 1));
        assertEquals("-0.000", PyFormat.f(-0.0001, 3));
        assertEquals("-6.0000e-02", PyFormat.e(-0.06, 4));
        assertEquals("0.0000e+00", PyFormat.e(0.0, 4));
        assertEquals("1.0000e+100", PyFormat.e(1e100, 4));
        assertEquals("1e-05", PyFormat.e(1e-5, 0));
        assertEquals("1.0000e+01", PyFormat.e(9.99995, 4));
        assertEquals("3", PyFormat.f(2.5000001, 0));
        assertEquals("inf", PyFormat.f(Double.POSITIVE_INFINITY, 3));
        assertEquals(
                "digits must be in [0, 100], got -1",
                assertThrows(IllegalArgumentException.class, () -> PyFormat.e(1, -1))
                        .getMessage());
    }
}
