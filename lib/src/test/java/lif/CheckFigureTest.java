package lif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import lif.plot.PlotBuilder;
import lif.plot.Plots;
import lif.plot.Style;
import org.junit.jupiter.api.Test;

/** The figure exercises (5, 6, 8, 9, 10, 13): the check looks at the figure the learner built. */
class CheckFigureTest {

    static final String TITLE = "Multiple realizations of V<sub>m</sub>";

    static void correct(int ex, Object... answers) {
        Check.Result r = answers.length == 1 ? Check.result(ex, answers[0]) : Check.result(ex, answers[0], answers[1]);
        assertEquals("Exercise " + ex + ": correct", r.message());
    }

    static String wrong(int ex, Object first, Object second, String... fragments) {
        Check.Result r = second == null ? Check.result(ex, first) : Check.result(ex, first, second);
        assertFalse(r.correct(), "accepted a wrong figure for exercise " + ex);
        for (String f : fragments) {
            assertTrue(r.message().contains(f), "'" + f + "' not in: " + r.message());
        }
        return r.message();
    }

    static PlotBuilder titled(String title) {
        return Plots.figure().title(title).xTitle("time (s)").yTitle("V<sub>m</sub> (V)");
    }

    static PlotBuilder exercise5(String title, Style style) {
        Tutorial.InputSamples ex5 = Tutorial.exercise5();
        return Plots.figure().title(title).xTitle("time (s)").yTitle("I (A)").add(ex5.t(), ex5.i(), style);
    }

    @Test
    void exercise5() {
        correct(5, exercise5("Synaptic input I(t)", Style.circles()));
        correct(5, exercise5("Synaptic input I(t)", Style.circles()).build()); // built or not
        wrong(
                5,
                Plots.figure().title("TODO").xTitle("TODO").yTitle("TODO"),
                null,
                "the figure has no series yet: store t and i in ts and is",
                "replace the three \"TODO\" titles");
        // the data and the style right, the titles not: not correct (issue 19)
        wrong(5, exercise5("TODO", Style.circles()), null, "the title still reads \"TODO\"");
        wrong(5, exercise5("", Style.circles()), null, "the title is empty");
        wrong(5, exercise5("Synaptic input I(t)", Style.line()), null, "the circles: drawn as a line");
        wrong(5, exercise5("Synaptic input I(t)", Style.circles().color("red")), null, "drawn in red", "black");
        Tutorial.InputSamples ex5 = Tutorial.exercise5();
        wrong(5, titled("I(t)").add(ex5.t(), new double[25], Style.circles()), null, "is: all values are 0");
        wrong(
                5,
                titled("I(t)").add(ex5.i(), ex5.t(), Style.circles()),
                null,
                "ts[0] is 2.5000e-10, which is too large");
        wrong(5, exercise5("I(t)", Style.circles()).add(ex5.t(), ex5.i(), Style.circles()), null, "2 black series");
    }

    @Test
    void exercise6() {
        Trajectory ex6 = Tutorial.exercise6();
        correct(6, titled("V<sub>m</sub> with sinusoidal I(t)").add(ex6.t(), ex6.v(), Style.dots()));
        wrong(6, titled("V<sub>m</sub> with sinusoidal I(t)"), null, "no series yet: record t and v in ts and vs");
        double[] late = new double[150];
        late[0] = -0.06;
        System.arraycopy(ex6.v(), 0, late, 1, 149);
        wrong(6, titled("x").add(ex6.t(), late, Style.dots()), null, "vs[0]", "one step late", "after its update");
    }

    /** Exercise 8 as the solution draws it: inside the loop, each step's list vN against n copies of t. */
    static PlotBuilder realizations(double alpha, Style base) {
        Tutorial.ListEnsemble e = Tutorial.exercises8to10();
        PlotBuilder fig = titled(TITLE);
        for (int k = 0; k < e.t().length; k++) {
            List<Double> vN = new ArrayList<>();
            for (double v : e.vByStep()[k]) {
                vN.add(v);
            }
            fig.add(Collections.nCopies(vN.size(), e.t()[k]), vN, base.alpha(alpha));
        }
        return fig;
    }

    @Test
    void exercise8() {
        Tutorial.ListEnsemble e = Tutorial.exercises8to10();
        double[] last = e.vByStep()[149];
        correct(8, last, realizations(0.1, Style.dots()));
        // one series per neuron is the same figure
        correct(
                8,
                last,
                titled(TITLE)
                        .addAll(e.t(), Np.transpose(e.vByStep()), Style.dots().alpha(0.1)));
        wrong(8, new ArrayList<Double>(), titled(TITLE), "vN is empty"); // the untouched stub: the list first
        wrong(8, last, titled(TITLE), "no series yet: add each step's values of vN");
        wrong(8, last, realizations(1, Style.dots()), "opaque (alpha 1.0)", ".alpha(0.1)");
        wrong(8, last, realizations(0.1, Style.line()), "the realizations: drawn as a line");
        wrong(
                8,
                last,
                titled(TITLE).add(e.t(), e.mean(), Style.dots().alpha(0.1)),
                "1 black series",
                "one per step (150");
        // the values before the update: one step late
        PlotBuilder late = titled(TITLE);
        for (int k = 0; k < 150; k++) {
            List<Double> vN = new ArrayList<>();
            for (double v : k == 0 ? Np.full(50, -0.06) : e.vByStep()[k - 1]) {
                vN.add(v);
            }
            late.add(Collections.nCopies(50, e.t()[k]), vN, Style.dots().alpha(0.1));
        }
        wrong(8, last, late, "realization[0][0] is", "one step late", "store v after its update");
    }

    @Test
    void exercises9and10() {
        Tutorial.ListEnsemble e = Tutorial.exercises8to10();
        Style mean = Style.dots().color(Plots.C0).alpha(0.8).label("mean");
        correct(9, e.mean(), realizations(0.1, Style.dots()).add(e.t(), e.mean(), mean));
        wrong(9, e.mean(), realizations(0.1, Style.dots()), "no series in C0 (blue)");
        wrong(9, e.mean(), realizations(0.1, Style.dots()).add(e.t(), e.mean(), mean.label(null)), "no legend label");
        wrong(9, e.mean(), realizations(0.1, Style.dots()).add(e.t(), e.std(), mean), "the mean[0]");
        wrong(9, new double[150], realizations(0.1, Style.dots()), "means: all values are 0: compute vMean");

        double[] upper = new double[150];
        double[] lower = new double[150];
        for (int k = 0; k < 150; k++) {
            upper[k] = e.mean()[k] + e.std()[k];
            lower[k] = e.mean()[k] - e.std()[k];
        }
        Style grey = Style.dots().color(Plots.C7).alpha(0.8);
        PlotBuilder ex10 = realizations(0.1, Style.dots()).add(e.t(), e.mean(), mean);
        correct(
                10,
                e.std(),
                realizations(0.1, Style.dots())
                        .add(e.t(), e.mean(), mean)
                        .add(e.t(), upper, grey)
                        .add(e.t(), lower, grey.label("mean ± std")));
        correct(
                10,
                e.std(),
                realizations(0.1, Style.dots())
                        .add(e.t(), e.mean(), mean) // either order
                        .add(e.t(), lower, grey.label("mean ± std"))
                        .add(e.t(), upper, grey));
        wrong(10, e.std(), ex10, "mean ± std: the figure has 0 series in C7");
        wrong(
                10,
                e.std(),
                realizations(0.1, Style.dots())
                        .add(e.t(), e.mean(), mean)
                        .add(e.t(), upper, grey)
                        .add(e.t(), lower, grey),
                "no legend label");
        // the band of the variance instead of the std
        double[] wide = new double[150];
        for (int k = 0; k < 150; k++) {
            wide[k] = e.mean()[k] + e.variance()[k];
        }
        wrong(
                10,
                e.std(),
                realizations(0.1, Style.dots())
                        .add(e.t(), e.mean(), mean)
                        .add(e.t(), wide, grey)
                        .add(e.t(), lower, grey.label("mean ± std")),
                "mean + std[");
        wrong(10, new double[150], ex10, "stds: all values are 0");
        correct(10, e.mean(), e.std()); // the earlier two-array form
    }

    @Test
    void exercise13() {
        double[][] vN = Tutorial.exercise13();
        double[] t = Tutorial.exercise13Times(LifParameters.defaults());
        correct(13, vN, titled(TITLE).addAll(t, vN, Style.line().alpha(0.3)));
        PlotBuilder loop = titled(TITLE);
        for (double[] row : vN) {
            loop.add(t, row, Style.line().alpha(0.3));
        }
        correct(13, vN, loop);
        wrong(13, vN, titled(TITLE), "no series yet: add the rows of vN");
        wrong(13, vN, titled(TITLE).addAll(t, vN, Style.dots().alpha(0.3)), "drawn as markers; draw lines");
        wrong(13, vN, titled(TITLE).addAll(t, vN, Style.line()), "opaque", ".alpha(0.3)");
        wrong(
                13,
                vN,
                titled(TITLE)
                        .addAll(t, java.util.Arrays.copyOf(vN, 49), Style.line().alpha(0.3)),
                "49 black series",
                "one per neuron (50)");
        double[] shifted = Np.linspace(0, 0.15, 150, false);
        wrong(13, vN, titled(TITLE).addAll(shifted, vN, Style.line().alpha(0.3)), "neuron 0: x[");
    }
}
