package lif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import lif.stats.EnsembleStats;
import lif.stats.Stats;
import org.junit.jupiter.api.Test;

class CheckTest {

    static void correct(int ex, Object answer) {
        Check.Result r = Check.result(ex, answer);
        assertTrue(r.correct(), r.message());
        assertEquals("Exercise " + ex + ": correct", r.message());
    }

    /** Wrong, with a message holding every fragment, and never the expected numbers wholesale. */
    static String wrong(int ex, Object answer, String... fragments) {
        Check.Result r = Check.result(ex, answer);
        assertFalse(r.correct(), "accepted a wrong answer to exercise " + ex);
        assertTrue(r.message().startsWith("Exercise " + ex + ": "), r.message());
        for (String f : fragments) {
            assertTrue(r.message().contains(f), "'" + f + "' not in: " + r.message());
        }
        return r.message();
    }

    static List<Double> list(double[] a) {
        return Arrays.stream(a).boxed().collect(Collectors.toList());
    }

    static double[] with(double[] a, int k, double x) {
        double[] b = a.clone();
        b[k] = x;
        return b;
    }

    @Test
    void rightAnswersInEveryAcceptedShape() {
        correct(1, "0.15 0.001 0.02 -0.06 -0.07 -0.05 100000000.0 2.5e-10");
        correct(1, "0.15 0.001 0.02 -0.06 -0.07 -0.05 1.0E8 2.5E-10\n"); // Java's println
        correct(2, Tutorial.exercise2());
        correct(2, list(Tutorial.exercise2()));
        List<String> javaLines = new ArrayList<>();
        for (double i : Tutorial.exercise2()) {
            javaLines.add(Double.toString(i));
        }
        correct(2, javaLines);
        correct(3, String.join("\n", Tutorial.exercise3Lines()) + "\n");
        correct(3, Tutorial.exercise3Lines());
        correct(4, String.join("\n", Tutorial.exercise4Lines()).replace('e', 'E'));
        correct(4, Tutorial.exercise4().v());
        correct(6, Tutorial.exercise6().v());
        correct(6, Tutorial.exercise6());
        correct(7, list(Tutorial.exercise7().v()));
        Tutorial.ListEnsemble e = Tutorial.exercises8to10();
        correct(8, e.vByStep()[149]);
        correct(8, list(e.vByStep()[149]));
        correct(9, e.mean());
        correct(10, e.std());
        assertTrue(Check.result(10, e.mean(), e.std()).correct());
        correct(11, Tutorial.exercise11().v());
        correct(12, list(Tutorial.exercise11().v()));
        double[][] vn = Tutorial.exercise13();
        correct(13, vn);
        List<List<Double>> nested = new ArrayList<>();
        for (double[] row : vn) {
            nested.add(list(row));
        }
        correct(13, nested);
        EnsembleStats s = Tutorial.exercise14();
        assertEquals("Exercise 14: correct", Check.result(14, s.mean(), s.std()).message());
        correct(14, s);
        // a learner's own loop, in another operation order, still passes (tolerance)
        double[] v = new double[150];
        LifParameters p = LifParameters.defaults();
        double x = p.eL();
        for (int k = 0; k < 150; k++) {
            double i = p.iMean() + p.iMean() * Math.sin(2 * Math.PI * k * p.dt() / 0.01);
            x = x + (p.dt() / p.tau()) * (p.eL() - x + p.r() * i);
            v[k] = x;
        }
        correct(6, v);
    }

    @Test
    void wrongAnswersSayWhatAndWhereWithoutTheSolution() {
        double[] v6 = Tutorial.exercise6().v();
        String m = wrong(6, with(v6, 3, v6[3] + 1e-4), "v[3] is ", "too large", "1 of 150");
        assertFalse(m.contains(PyFormat.e(v6[3], 4)), "reveals the expected value: " + m);
        wrong(6, with(v6, 7, Double.NaN), "v[7] is NaN");
        wrong(6, Arrays.copyOf(v6, 149), "149 values, expected 150", "loop starts and stops");
        // stored before the update instead of after: one step late
        double[] late = new double[150];
        late[0] = -0.06;
        System.arraycopy(v6, 0, late, 1, 149);
        wrong(6, late, "one step late", "after its update");
        double[] mv = v6.clone();
        for (int k = 0; k < mv.length; k++) {
            mv[k] *= 1000;
        }
        wrong(6, mv, "millivolts");
        wrong(7, Tutorial.exercise6().v(), "v[0] is ");
        wrong(4, Tutorial.exercise6().v(), "150 values, expected 10");
        // Exercise 4 printed after the update: one step early
        wrong(4, Arrays.copyOf(Tutorial.exercise6().v(), 10), "one step early", "before updating");
        wrong(2, Arrays.copyOf(Tutorial.exercise2(), 9), "9 values, expected 10");
        wrong(2, "0.0\n".repeat(10), "all values are 0"); // the untouched scaffold
        List<String> lines = new ArrayList<>(Tutorial.exercise3Lines());
        lines.set(2, lines.get(2).replace("e-10", "e-09"));
        wrong(3, lines, "line 3", "differs at character");
        List<String> format = new ArrayList<>(Tutorial.exercise3Lines());
        format.set(0, "0.0 2.5e-10");
        wrong(3, format, "line 1", "format");
        wrong(3, Tutorial.exercise3Lines().subList(0, 5), "5 lines, expected 10");
        Tutorial.ListEnsemble e = Tutorial.exercises8to10();
        // Exercise 10 with N instead of N-1: a constant factor
        double[][] byStep = e.vByStep();
        double[] std0 = new double[150];
        for (int k = 0; k < 150; k++) {
            std0[k] = Math.sqrt(Stats.variance(byStep[k], 0));
        }
        wrong(10, std0, "stds[", "N-1");
        double[] variances = e.variance();
        wrong(10, variances, "square root");
        EnsembleStats s = Tutorial.exercise14();
        double[] std1 = Stats.std(Tutorial.exercise13(), 1);
        Check.Result r14 = Check.result(14, s.mean(), std1);
        assertFalse(r14.correct());
        assertTrue(r14.message().contains("ddof 0"), r14.message());
        assertFalse(r14.message().contains("mean["), r14.message());
        // transposed matrix
        double[][] vn = Tutorial.exercise13();
        double[][] tr = new double[150][50];
        for (int j = 0; j < 50; j++) {
            for (int k = 0; k < 150; k++) {
                tr[k][j] = vn[j][k];
            }
        }
        wrong(13, tr, "transposed");
        double[][] bad = Arrays.stream(vn).map(double[]::clone).toArray(double[][]::new);
        bad[4][60] -= 1e-3;
        wrong(13, bad, "vN[4][60] is ", "too small");
        double[] flat = new double[150];
        Arrays.fill(flat, -0.05);
        wrong(9, flat, "all your values are equal");
        wrong(6, null, "is null");
        wrong(6, 3.0, "single number");
        wrong(5, new double[1], "the figure is a double[]", "pass the figure");
        wrong(15, new double[1], "no self-check for exercise 15");
        List<Object> mixed = new ArrayList<>(list(v6));
        mixed.set(2, "x");
        wrong(6, mixed, "v[2] is a String");
        assertFalse(Check.result(9, 1, 2).correct());
    }

    static String wrong2(int ex, Object first, Object second, String... fragments) {
        Check.Result r = Check.result(ex, first, second);
        assertFalse(r.correct(), "accepted a wrong answer to exercise " + ex);
        for (String f : fragments) {
            assertTrue(r.message().contains(f), "'" + f + "' not in: " + r.message());
        }
        return r.message();
    }

    static double[] filled(int n, double x) {
        double[] a = new double[n];
        Arrays.fill(a, x);
        return a;
    }

    /** Printed numbers count at the precision the exercise asks for, not at the precision they were printed. */
    @Test
    void printedNumbersAtTheExercisesPrecision() {
        wrong(1, "0.1 0.001 0.02 -0.06 -0.07 -0.05 100000000.0 2.5e-10", "line 1");
        wrong(1, "0.15 0.001 0.02 -0.06 -0.07 -0.05 1e+08 2e-10", "line 1");
        correct(1, "0.15 0.001 0.02 -0.06 -0.07 -0.05 1.0E8 2.5E-10");
        List<String> coarse = new ArrayList<>();
        for (double i : Tutorial.exercise2()) {
            coarse.add(String.format("%.1e", i));
        }
        wrong(2, coarse, "line 2");
        List<String> fine = new ArrayList<>();
        for (double i : Tutorial.exercise2()) {
            fine.add(String.format("%.4e", i));
        }
        wrong(2, fine, "line 2");
        // Exercise 3 asks for %.3f %.4e: one more decimal is wrong, and said to be a format problem
        List<String> more = new ArrayList<>();
        LifParameters p = LifParameters.defaults();
        for (int k = 0; k < 10; k++) {
            double t = k * p.dt();
            more.add(String.format("%.3f %.5e", t, Tutorial.exercise2()[k]));
        }
        wrong(3, more, "line 1", "format");
    }

    /** What each exercise's untouched scaffold hands to check(...), and the hint it gets. */
    @Test
    void untouchedScaffoldsGetTheHintForWhatIsMissing() {
        wrong(1, "", "the printed line is empty: uncomment the eight declarations");
        wrong(2, "0.0\n".repeat(10), "all values are 0");
        wrong(3, "TODO\n".repeat(10), "line 1 (\"TODO\") still holds the placeholder TODO");
        StringBuilder still = new StringBuilder();
        for (int k = 0; k < 10; k++) {
            still.append(String.format("%.3f %.4e%n", k * 0.001, -0.06));
        }
        wrong(4, still.toString(), "Exercise 4: v never changes (every line prints the same v): replace v = v;");
        wrong(7, filled(150, -0.06), "still E_L = -0.06 V", "draw xi from rng.random()");
        wrong(8, new ArrayList<Double>(), "vN is empty: make it a changeable list of n copies of eL");
        wrong(9, new double[150], "means: all values are 0: compute vMean");
        String m10 = wrong2(10, Tutorial.exercises8to10().mean(), new double[150], "stds: all values are 0");
        assertFalse(m10.contains("means"), m10);
        wrong(10, new double[150], "stds: all values are 0: in the loop, build vVarN with a stream");
        wrong(11, filled(149, -0.06), "still E_L", "fill the current array i from u");
        wrong(12, filled(149, -0.06), "still E_L", "with iStep");
        double[][] rest = new double[50][];
        for (int j = 0; j < 50; j++) {
            rest[j] = filled(150, -0.06);
        }
        wrong(13, rest, "vN: all values are still E_L", "fill the current table i from u");
        String m14 = wrong2(14, new double[150], new double[150], "vMean: all values are 0", "compute vMean[step]");
        assertFalse(m14.contains("N-1"), m14); // not the ddof hint for an unfilled array
    }

    @Test
    void exercise4PrintedAfterTheUpdateSaysPrintBeforeUpdating() {
        double[] v = Tutorial.exercise4().v();
        LifParameters p = LifParameters.defaults();
        double next = v[9]
                + p.dt()
                        / p.tau()
                        * (p.eL() - v[9] + p.r() * p.iMean() * (1 + Math.sin((9 * p.dt() * 2 * Math.PI) / 0.01)));
        StringBuilder after = new StringBuilder();
        for (int k = 0; k < 10; k++) {
            after.append(String.format("%.3f %.4e%n", k * p.dt(), k < 9 ? v[k + 1] : next));
        }
        wrong(4, after.toString(), "print before updating");
    }

    @Test
    void theHardCodedRestingPotentialIsGone() {
        // the message names E_L as the parameters hold it
        assertTrue(Check.result(7, filled(150, LifParameters.defaults().eL()))
                .message()
                .contains("E_L = " + PyFormat.repr(LifParameters.defaults().eL()) + " V"));
    }

    @Test
    void checkPrintsOneLine() {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            Check.check(11, Tutorial.exercise11().v());
            Check.check(14, Tutorial.exercise14().mean(), Tutorial.exercise14().std());
        } finally {
            System.setOut(old);
        }
        assertEquals(
                "Exercise 11: correct\nExercise 14: correct\n",
                out.toString(StandardCharsets.UTF_8).replace("\r", ""));
    }
}
