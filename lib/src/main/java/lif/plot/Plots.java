package lif.plot;

import tech.tablesaw.plotly.components.Figure;

/**
 * The tutorial's figures from plain arrays ({@code t} in seconds, {@code v} in volts, ensembles as
 * {@code vN[neuron][step]}), and {@link #show(Figure)}.
 *
 * <p>To see a figure, leave it (or {@code Plots.show(fig)}) as the last expression of the cell. In the
 * rapaio kernel, {@code display(fig)} also draws it, but as a cell's last statement it also prints the
 * display id as the cell result: prefer the last expression.
 */
public final class Plots {

  /** matplotlib's {@code 'k'}. */
  public static final String BLACK = "#000000";
  /** matplotlib's {@code 'C0'} (tab:blue). */
  public static final String C0 = "#1f77b4";
  /** matplotlib's {@code 'C7'} (tab:gray). */
  public static final String C7 = "#7f7f7f";

  public static final int WIDTH = 700;
  public static final int HEIGHT = 400;

  /** {@code V<sub>m</sub>} in plotly's HTML subset. */
  public static final String VM = "V<sub>m</sub>";
  public static final String TIME_AXIS = "time (s)";
  public static final String VM_AXIS = VM + " (V)";
  public static final String CURRENT_AXIS = "I (A)";
  public static final String REALIZATIONS_TITLE = "Multiple realizations of " + VM;

  private Plots() {}

  /** A new fluent figure builder. */
  public static PlotBuilder figure() {
    return new PlotBuilder();
  }

  /** Wraps a figure so that, as a cell's last expression, it shows as an interactive plot. */
  public static PlotView show(Figure figure) {
    return new PlotView(figure);
  }

  /** Exercise 5: the input current at each step as black circles ({@code 'ko'}). */
  public static Figure current(double[] t, double[] i) {
    return currentBuilder(t, i).build();
  }

  /**
   * Exercise 5 with the continuous current drawn over it as a blue line ({@code tFine}, {@code iFine}:
   * the same current sampled finely).
   */
  public static Figure current(double[] t, double[] i, double[] tFine, double[] iFine) {
    return currentBuilder(t, i)
        .add("tFine", tFine, "iFine", iFine, Style.line().color(C0).label("continuous I(t)"))
        .build();
  }

  private static PlotBuilder currentBuilder(double[] t, double[] i) {
    return figure().title("Synaptic input I(t)").xTitle(TIME_AXIS).yTitle(CURRENT_AXIS)
        .add("t", t, "i", i, Style.circles());
  }

  /** Exercises 6, 7 and 11: the membrane potential at each step as small black dots ({@code 'k.'}). */
  public static Figure membranePotential(String title, double[] t, double[] v) {
    return figure().title(title).xTitle(TIME_AXIS).yTitle(VM_AXIS).add("t", t, "v", v, Style.dots()).build();
  }

  /** Exercise 12: the membrane potential as a black line ({@code 'k'}). */
  public static Figure membranePotentialLine(String title, double[] t, double[] v) {
    return figure().title(title).xTitle(TIME_AXIS).yTitle(VM_AXIS).add("t", t, "v", v, Style.line()).build();
  }

  /** Exercise 8: N realizations as faint black dots ({@code 'k.'}, alpha 0.1), one trace each. */
  public static Figure realizations(double[] t, double[][] vN) {
    return realizationsBuilder(t, vN).build();
  }

  /**
   * Exercises 9 and 10: N realizations as faint dots, the sample mean as blue dots ({@code 'C0.'}, alpha
   * 0.8, size 10) and, when {@code std} is not null, mean ± std as grey dots ({@code 'C7.'}, alpha 0.8).
   */
  public static Figure realizations(double[] t, double[][] vN, double[] mean, double[] std) {
    PlotBuilder b = realizationsBuilder(t, vN)
        .add("t", t, "mean", mean, Style.dots().color(C0).alpha(0.8).size(6).label("mean"));
    if (std != null) {
      checkSameLength("mean", mean, "std", std);
      Style grey = Style.dots().color(C7).alpha(0.8);
      b.add("t", t, "mean + std", plus(mean, std, 1), grey)
          .add("t", t, "mean - std", plus(mean, std, -1), grey.label("mean \u00b1 std"));
    }
    return b.build();
  }

  private static PlotBuilder realizationsBuilder(double[] t, double[][] vN) {
    return figure().title(REALIZATIONS_TITLE).xTitle(TIME_AXIS).yTitle(VM_AXIS)
        .addAll("t", t, "vN", vN, Style.dots().alpha(0.1));
  }

  /** Exercise 13: N realizations as faint black lines ({@code 'k'}, alpha 0.3). */
  public static Figure realizationLines(double[] t, double[][] vN) {
    return figure().title(REALIZATIONS_TITLE).xTitle(TIME_AXIS).yTitle(VM_AXIS)
        .addAll("t", t, "vN", vN, Style.line().alpha(0.3)).build();
  }

  /**
   * Exercise 14: N faint lines (the last one labelled "V(t)"), the mean as a blue line labelled "mean"
   * and mean ± std as grey lines labelled "mean ± std", with a legend.
   */
  public static Figure realizationLines(double[] t, double[][] vN, double[] mean, double[] std) {
    checkSameLength("mean", mean, "std", std);
    Style grey = Style.line().color(C7).alpha(0.8);
    return figure().title(REALIZATIONS_TITLE).xTitle(TIME_AXIS).yTitle(VM_AXIS)
        .addAll("t", t, "vN", vN, Style.line().alpha(0.3).label("V(t)"))
        .add("t", t, "mean", mean, Style.line().color(C0).alpha(0.8).label("mean"))
        .add("t", t, "mean + std", plus(mean, std, 1), grey)
        .add("t", t, "mean - std", plus(mean, std, -1), grey.label("mean \u00b1 std"))
        .build();
  }

  private static double[] plus(double[] a, double[] b, int sign) {
    double[] r = new double[a.length];
    for (int k = 0; k < a.length; k++) {
      r[k] = a[k] + sign * b[k];
    }
    return r;
  }

  /** @throws IllegalArgumentException naming both arrays and their lengths when they differ or are null */
  static void checkSameLength(String aName, double[] a, String bName, double[] b) {
    if (a == null || b == null) {
      throw new IllegalArgumentException(
          (a == null ? aName : bName) + " is null; " + aName + " and " + bName + " must be arrays of the same length");
    }
    if (a.length != b.length) {
      throw new IllegalArgumentException(aName + " has " + a.length + " values but " + bName + " has "
          + b.length + ": they must have the same length");
    }
  }
}
