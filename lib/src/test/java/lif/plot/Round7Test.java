package lif.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast 7-digit rounding of the HTML copy gives BigDecimal's answer for every double tried. */
class Round7Test {

  static double reference(double d) {
    return d == 0 || !Double.isFinite(d) ? d : new BigDecimal(d).round(new MathContext(7)).doubleValue();
  }

  static void check(double d) {
    assertEquals(reference(d), FigureBundle.round7(d), 0, () -> "round7(" + d + ")");
  }

  @Test
  void randomMagnitudesEightDigitValuesAndHalfwayCases() {
    SplittableRandom r = new SplittableRandom(7);
    for (int i = 0; i < 300_000; i++) {
      int e = r.nextInt(-45, 45);
      double d = (r.nextDouble() - 0.5) * Math.pow(10, e);
      check(d);
      check(Math.round(d * 1e8) / 1e8);                                 // 8 decimals: often near a half
      check((r.nextInt(1_000_000, 10_000_000) + 0.5) / Math.pow(10, r.nextInt(0, 25)));  // decimal halves
      check((r.nextInt(1_000_000, 10_000_000) + 0.5) * Math.pow(10, r.nextInt(0, 25)));
      check(Math.nextUp(d));
    }
  }

  @Test
  void edges() {
    double[] cases = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
        -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE, 1e22, 1e23, 1e-22, 1e-23,
        9.9999995, 9.99999949999, 99999995, 0.099999995, 1234567.5, 1234568.5, -1234568.5, 0.1 + 0.2, 1e15,
        -0.0649923456789012, 4.9e-324, 9.999999999999999e22, 1.0000000000000002e-22};
    for (double d : cases) {
      check(d);
      check(-d);
    }
    for (int e = -30; e <= 30; e++) {
      double p = Math.pow(10, e);
      check(p);
      check(Math.nextUp(p));
      check(Math.nextDown(p));
    }
    assertEquals(Double.doubleToLongBits(-0.0), Double.doubleToLongBits(FigureBundle.round7(-0.0)));
  }
}
