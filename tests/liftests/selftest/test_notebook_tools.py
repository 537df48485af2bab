"""Unit tests of the notebook runner's accidental-result check (liftests.notebooks.checks). The generator's
tests live with it, in bin/lib/coursegen/tests."""
import unittest

from liftests.notebooks import checks


def result(data, kind="execute_result"):
    return {"cell_type": "code", "outputs": [{"output_type": kind, "data": data}]}


class AccidentalResults(unittest.TestCase):
    def test_an_objects_default_text_is_refused_in_any_mime_type(self):
        # what rapaio shows for a cell ending in System.out.printf(...): text/html only
        for data in ({"text/html": "java.io.PrintStream@67edde5"}, {"text/plain": ["java.io.PrintStream@1b6d3586"]},
                     {"text/html": "<pre>[D@1b6d3586</pre>"}):
            problems = checks.check_results(result(data))
            self.assertEqual(1, len(problems), data)
            self.assertIn("accidental result", problems[0])
        self.assertTrue(checks.check_results(result({"text/plain": "lif.Trajectory@5e9f23b4"}, "display_data")))

    def test_a_result_that_is_not_a_figure_is_refused(self):
        self.assertIn("not a figure", checks.check_results(result({"text/plain": "42"}))[0])

    def test_figures_and_printed_text_pass(self):
        self.assertEqual([], checks.check_results(result({checks.PLOTLY: {"data": []}, "text/html": "<div></div>"})))
        self.assertEqual([], checks.check_results(result({"text/html": "<div id='p'></div><script>Plotly.newPlot"})))
        printed = {"cell_type": "code", "outputs": [{"output_type": "stream", "name": "stdout",
                                                      "text": "java.io.PrintStream@1b6d3586\n"}]}
        self.assertEqual([], checks.check_results(printed))   # printed on purpose, not a result
