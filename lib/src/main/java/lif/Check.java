package lif;

import java.util.List;
import java.util.function.Supplier;
import lif.plot.PlotBuilder;
import lif.plot.Style;
import lif.stats.EnsembleStats;

/**
 * Self-checks for the tutorial's exercises: {@code Check.check(4, printed)} prints {@code "Exercise 4: correct"},
 * or what differs and where (first differing index, the learner's value, too large or too small, wrong length,
 * NaN, a likely cause), never the expected values themselves. {@link #result} returns the verdict instead of
 * printing it. An untouched scaffold gets the exercise's next step ("the figure has no series yet: ...").
 *
 * <p>What each exercise passes (numbers as {@code double[]}, {@code List<Double>} or any collection of numbers;
 * tables as {@code double[][]}; printed text as one {@code String} or a list of lines; a figure as the
 * {@link PlotBuilder} {@code fig}, before or after {@code build()}):
 * <table>
 *   <caption>answers</caption>
 *   <tr><td>1</td><td>the printed line ({@code 0.15 0.001 ...}), Python's or Java's number format</td></tr>
 *   <tr><td>2</td><td>the 10 printed currents (A), or the currents</td></tr>
 *   <tr><td>3</td><td>the 10 printed lines {@code "%.3f %.4e"}</td></tr>
 *   <tr><td>4</td><td>the 10 printed lines, or the 10 values of v printed (before each update)</td></tr>
 *   <tr><td>5</td><td>{@code check(5, fig)}: the current as black circles, titles filled in</td></tr>
 *   <tr><td>6</td><td>{@code check(6, fig)}: v after each of the 150 updates as black dots (or the array
 *       v, or the {@link Trajectory})</td></tr>
 *   <tr><td>7</td><td>v after each of the 150 updates (V), or the {@link Trajectory}</td></tr>
 *   <tr><td>8</td><td>{@code check(8, vN, fig)}: the final list vN (50 values); the realizations as faint
 *       black dots</td></tr>
 *   <tr><td>9</td><td>{@code check(9, means, fig)}: the 150 per-step means; also drawn in C0, labelled</td></tr>
 *   <tr><td>10</td><td>{@code check(10, stds, fig)}: the 150 per-step (N-1) stds; mean ± std drawn in C7, one
 *       of the two labelled (or {@code check(10, means, stds)})</td></tr>
 *   <tr><td>11, 12</td><td>the array v (149 values)</td></tr>
 *   <tr><td>13</td><td>{@code check(13, vN, fig)}: the table vN (50 x 150); its rows as faint black lines</td></tr>
 *   <tr><td>14</td><td>{@code check(14, vMean, vStd)} (ddof 0), or an {@link EnsembleStats}</td></tr>
 * </table>
 * Numbers agree within {@value #REL_TOL} of the largest expected magnitude (so another operation order
 * passes). Printed numbers count at the precision the exercise asks for: Exercises 1 and 2 print whole
 * doubles, Exercises 3 and 4 the exact {@code %.3f %.4e} text. The reference answers are {@link Tutorial}'s.
 */
public final class Check {
    /** Relative tolerance (of the largest expected magnitude) for numbers. */
    public static final double REL_TOL = CheckNumbers.REL_TOL;

    private Check() {}

    /** A verdict: {@code correct()} and the message printed by {@link #check}. */
    public record Result(boolean correct, String message) {
        @Override
        public String toString() {
            return message;
        }
    }

    /** Prints the verdict on one answer. */
    public static void check(int exercise, Object answer) {
        System.out.println(result(exercise, answer).message());
    }

    /** Prints the verdict on two answers (Exercises 8, 9, 10, 13: data and figure; 14: mean and std). */
    public static void check(int exercise, Object first, Object second) {
        System.out.println(result(exercise, first, second).message());
    }

    /** The verdict on one answer, without printing. */
    public static Result result(int exercise, Object answer) {
        return verdict(exercise, () -> problem(exercise, answer));
    }

    /** The verdict on two answers, without printing. */
    public static Result result(int exercise, Object first, Object second) {
        return verdict(exercise, () -> problem(exercise, first, second));
    }

    private static Result verdict(int exercise, Supplier<String> problem) {
        String p = "Exercise " + exercise + ": ";
        try {
            String found = problem.get();
            return found == null ? new Result(true, p + "correct") : new Result(false, p + found);
        } catch (RuntimeException e) {
            return new Result(false, p + e.getMessage());
        }
    }

    private static String problem(int exercise, Object answer) {
        switch (exercise) {
            case 1:
                return CheckText.compare(
                        "the printed line",
                        answer,
                        List.of(Tutorial.exercise1()),
                        true,
                        "uncomment the eight declarations and the line String line = PyFormat.repr(...), "
                                + "then delete the placeholder String line = \"\";");
            case 2:
                if (CheckAnswers.isText(answer)) {
                    return CheckText.compare(
                            "the printed text",
                            answer,
                            Tutorial.exercise2Lines(),
                            true,
                            "write the current I(t) in the line double i = ... (with iMean, Math.sin, Math.PI and t)");
                }
                return CheckNumbers.compare("i", answer, Tutorial.exercise2(), CheckNumbers.Kind.PLAIN, null);
            case 3:
                return CheckText.compare(
                        "the printed text",
                        answer,
                        Tutorial.exercise3Lines(),
                        false,
                        "replace \"TODO%n\" by a format: one slot for t, one for i, then %n");
            case 4:
                if (CheckAnswers.isText(answer)) {
                    String p = CheckText.compare("the printed text", answer, Tutorial.exercise4Lines(), false, null);
                    String never = "v never changes (every line prints the same v): replace v = v; by one Euler "
                            + "step from v with the current i";
                    String why = p == null
                            ? null
                            : CheckText.updateCause(answer, Tutorial.exercise4().v(), never);
                    return why == null ? p : never.equals(why) ? why : p + "; " + why;
                }
                return CheckNumbers.compare("v", answer, Tutorial.exercise4().v(), CheckNumbers.Kind.V_BEFORE, null);
            case 5: {
                Tutorial.InputSamples ex5 = Tutorial.exercise5();
                return CheckFigure.of(
                                answer,
                                "store t and i in ts and is inside the loop, add them to the figure as black "
                                        + "circles, and replace the three \"TODO\" titles")
                        .single(
                                "the circles",
                                Style.Kind.MARKERS,
                                ex5.t(),
                                "ts",
                                ex5.i(),
                                "is",
                                CheckNumbers.Kind.PLAIN)
                        .problem();
            }
            case 6: {
                Trajectory ex6 = Tutorial.exercise6();
                if (!CheckFigure.isFigure(answer)) {
                    return CheckNumbers.compare("v", answer, ex6.v(), CheckNumbers.Kind.V_AFTER, null);
                }
                return CheckFigure.of(
                                answer,
                                "record t and v in ts and vs inside the loop, then add them to the figure as small "
                                        + "black dots")
                        .single("the dots", Style.Kind.MARKERS, ex6.t(), "ts", ex6.v(), "vs", CheckNumbers.Kind.V_AFTER)
                        .problem();
            }
            case 7:
                return CheckNumbers.compare(
                        "v",
                        answer,
                        Tutorial.exercise7().v(),
                        CheckNumbers.Kind.V_AFTER,
                        "draw xi from rng.random() and compute the random current i (both are still 0)");
            case 8: {
                Tutorial.ListEnsemble e = Tutorial.exercises8to10();
                return CheckNumbers.compare(
                        "vN", answer, e.vByStep()[e.t().length - 1], CheckNumbers.Kind.PLAIN, VN_EMPTY);
            }
            case 9:
                return CheckNumbers.compare(
                        "means", answer, Tutorial.exercises8to10().mean(), CheckNumbers.Kind.PLAIN, MEANS);
            case 10:
                return CheckNumbers.compare(
                        "stds", answer, Tutorial.exercises8to10().std(), CheckNumbers.Kind.STD_SAMPLE, STDS);
            case 11:
                return CheckNumbers.compare(
                        "v",
                        answer,
                        Tutorial.exercise11().v(),
                        CheckNumbers.Kind.PLAIN,
                        "fill the current array i from u, then write the update of v[step]");
            case 12:
                return CheckNumbers.compare(
                        "v",
                        answer,
                        Tutorial.exercise11().v(),
                        CheckNumbers.Kind.PLAIN,
                        "write the update of v[step], with iStep");
            case 13:
                return CheckMatrix.compare("vN", answer, Tutorial.exercise13(), VN_TABLE);
            case 14:
                if (answer instanceof EnsembleStats) {
                    EnsembleStats s = (EnsembleStats) answer;
                    return problem(14, s.mean(), s.std());
                }
                throw new IllegalArgumentException("check both answers with check(14, vMean, vStd)");
            default:
                throw new IllegalArgumentException(
                        "no self-check for exercise " + exercise + "; there are checks for Exercises 1-14");
        }
    }

    private static final String VN_EMPTY = "make it a changeable list of n copies of eL (see the table above)";
    private static final String MEANS = "compute vMean in the loop (the sum of vN's values, divided by n)";
    private static final String STDS = "in the loop, build vVarN with a stream over vN, then vVar and vStd";
    private static final String VN_TABLE = "fill the current table i from u, then write the update of vN[j][step]";

    private static String problem(int exercise, Object first, Object second) {
        switch (exercise) {
            case 8: {
                Tutorial.ListEnsemble e = Tutorial.exercises8to10();
                return CheckFigure.first(
                        problem(8, first),
                        CheckFigure.of(second, "add each step's values of vN to the figure inside the loop")
                                .realizations(Style.Kind.MARKERS, 0.1, e.t(), e.vByStep(), "vN", true)
                                .problem());
            }
            case 9: {
                Tutorial.ListEnsemble e = Tutorial.exercises8to10();
                return CheckFigure.first(problem(9, first), ensembleFigure(e, second, false));
            }
            case 10: {
                Tutorial.ListEnsemble e = Tutorial.exercises8to10();
                if (!CheckFigure.isFigure(second)) {
                    return CheckFigure.first(
                            CheckNumbers.compare("means", first, e.mean(), CheckNumbers.Kind.PLAIN, MEANS),
                            problem(10, second));
                }
                return CheckFigure.first(problem(10, first), ensembleFigure(e, second, true));
            }
            case 13:
                return CheckFigure.first(
                        problem(13, first),
                        CheckFigure.of(second, "add the rows of vN to the figure, each as a faint black line")
                                .realizations(
                                        Style.Kind.LINES,
                                        0.3,
                                        Tutorial.exercise13Times(LifParameters.defaults()),
                                        Np.transpose(Tutorial.exercise13()),
                                        "vN",
                                        false)
                                .problem());
            case 14: {
                EnsembleStats s = Tutorial.exercise14();
                String untouched = "compute vMean[step] and vStd[step] in the loop over the steps";
                return CheckFigure.first(
                        CheckNumbers.compare("vMean", first, s.mean(), CheckNumbers.Kind.PLAIN, untouched),
                        CheckNumbers.compare("vStd", second, s.std(), CheckNumbers.Kind.STD_POPULATION, untouched));
            }
            default:
                throw new IllegalArgumentException("two answers are checked for Exercises 8 (vN, fig), 9 (means, fig), "
                        + "10 (stds, fig), 13 (vN, fig) and 14 (vMean, vStd); for Exercise " + exercise
                        + " call check(" + exercise + ", answer)");
        }
    }

    /** Exercises 9 and 10's figure: the realizations, the mean in C0 and (10) mean ± std in C7. */
    private static String ensembleFigure(Tutorial.ListEnsemble e, Object figure, boolean band) {
        CheckFigure f = CheckFigure.of(figure, "add the realizations and the mean to the figure")
                .realizations(Style.Kind.MARKERS, 0.1, e.t(), e.vByStep(), "vN", true)
                .mean(Style.Kind.MARKERS, e.t(), e.mean());
        return (band ? f.band(Style.Kind.MARKERS, e.t(), e.mean(), e.std()) : f).problem();
    }
}
