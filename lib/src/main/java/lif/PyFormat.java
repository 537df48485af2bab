package lif;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats doubles exactly as Python prints them, so a Java cell can reproduce the tutorial's
 * SAMPLE OUTPUT character for character.
 *
 * <ul>
 *   <li>{@link #repr(double)}: Python's {@code repr(x)} / {@code print(x)}: the shortest digits that
 *       read back as x, e.g. {@code 100000000.0}, {@code 2.5e-10}. Java 17's {@link Double#toString}
 *       differs ({@code 1.0E8}, {@code 2.5E-10}, and {@code 9.999999999999999E22} for 1e23).</li>
 *   <li>{@link #f(double, int)}: {@code f'{x:.3f}'}; {@link #e(double, int)}: {@code f'{x:.4e}'}. Both
 *       round the exact binary value half-even, as Python does; Java's {@code String.format} rounds
 *       its decimal string half-up instead ({@code "%.2f"} of 2.675 gives 2.68, Python 2.67).</li>
 * </ul>
 * NaN and infinities print as {@code nan}, {@code inf}, {@code -inf}; negative zero keeps its sign.
 */
public final class PyFormat {

    private PyFormat() {}

    /** Python's {@code repr(x)}. */
    public static String repr(double x) {
        String special = special(x);
        if (special != null) {
            return special;
        }
        if (x == 0) {
            return (1 / x < 0) ? "-0.0" : "0.0";
        }
        BigDecimal d = shortest(x);
        String digits = d.unscaledValue().abs().toString();
        int exp = digits.length() - 1 - d.scale(); // decimal exponent of the leading digit
        StringBuilder s = new StringBuilder(x < 0 ? "-" : "");
        if (exp >= -4 && exp < 16) {
            if (exp >= 0) {
                if (digits.length() <= exp + 1) {
                    s.append(digits)
                            .append("0".repeat(exp + 1 - digits.length()))
                            .append(".0");
                } else {
                    s.append(digits, 0, exp + 1).append('.').append(digits.substring(exp + 1));
                }
            } else {
                s.append("0.").append("0".repeat(-exp - 1)).append(digits);
            }
        } else {
            s.append(digits.charAt(0));
            if (digits.length() > 1) {
                s.append('.').append(digits.substring(1));
            }
            s.append(exponent(exp));
        }
        return s.toString();
    }

    /** The values joined by single spaces, as Python's {@code print(a, b, c)} shows them. */
    public static String repr(double... xs) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < xs.length; k++) {
            s.append(k == 0 ? "" : " ").append(repr(xs[k]));
        }
        return s.toString();
    }

    /** Python's {@code f'{x:.<digits>f}'}, e.g. {@code f(0.001, 3)} is {@code "0.001"}. */
    public static String f(double x, int digits) {
        checkDigits(digits);
        String special = special(x);
        if (special != null) {
            return special;
        }
        String s = new BigDecimal(x).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
        return negative(x) && !s.startsWith("-") ? "-" + s : s;
    }

    /** Python's {@code f'{x:.<digits>e}'}, e.g. {@code e(-0.06, 4)} is {@code "-6.0000e-02"}. */
    public static String e(double x, int digits) {
        checkDigits(digits);
        String special = special(x);
        if (special != null) {
            return special;
        }
        String mantissa;
        int exp;
        if (x == 0) {
            mantissa = "0".repeat(digits + 1);
            exp = 0;
        } else {
            BigDecimal d = new BigDecimal(x).round(new MathContext(digits + 1, RoundingMode.HALF_EVEN));
            String m = d.unscaledValue().abs().toString();
            exp = m.length() - 1 - d.scale();
            mantissa = m.length() > digits + 1 ? m.substring(0, digits + 1) : m + "0".repeat(digits + 1 - m.length());
        }
        StringBuilder s = new StringBuilder(negative(x) ? "-" : "");
        s.append(mantissa.charAt(0));
        if (digits > 0) {
            s.append('.').append(mantissa, 1, digits + 1);
        }
        return s.append(exponent(exp)).toString();
    }

    /** Shortest decimal that reads back as x; among equally short ones, the nearest to x (as Python). */
    private static BigDecimal shortest(double x) {
        BigDecimal exact = new BigDecimal(x);
        for (int p = 1; p <= 17; p++) {
            BigDecimal best = null;
            // The nearest p-digit value can miss a narrow (power-of-two) side of x's rounding interval
            // while the neighbour on the other side still reads back, so try both directions too.
            for (RoundingMode mode :
                    new RoundingMode[] {RoundingMode.HALF_EVEN, RoundingMode.FLOOR, RoundingMode.CEILING}) {
                BigDecimal c = exact.round(new MathContext(p, mode));
                if (c.doubleValue() == x
                        && (best == null
                                || c.subtract(exact)
                                                .abs()
                                                .compareTo(best.subtract(exact).abs())
                                        < 0)) {
                    best = c;
                }
            }
            if (best != null) {
                return best.stripTrailingZeros();
            }
        }
        return exact; // unreachable: 17 significant digits always round-trip
    }

    private static String exponent(int exp) {
        String a = Integer.toString(Math.abs(exp));
        return "e" + (exp < 0 ? "-" : "+") + (a.length() < 2 ? "0" + a : a);
    }

    private static boolean negative(double x) {
        return x < 0 || (x == 0 && 1 / x < 0);
    }

    private static String special(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        return null;
    }

    private static void checkDigits(int digits) {
        if (digits < 0 || digits > 100) {
            throw new IllegalArgumentException("digits must be in [0, 100], got " + digits);
        }
    }
}
