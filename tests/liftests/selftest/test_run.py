"""liftests.run: suite selection and the count lines it reads and prints."""
import contextlib
import io
import unittest

from liftests import run


class RunTest(unittest.TestCase):
    def test_suites_run_in_the_fixed_order_whatever_order_they_are_named_in(self):
        self.assertEqual(list(run.SUITES), run.selected([]))
        self.assertEqual(["unit", "kernel", "browser"], run.selected(["browser", "unit", "kernel"]))

    def test_an_unknown_suite_is_named_with_the_allowed_ones(self):
        with self.assertRaisesRegex(SystemExit, "unknown suite kernal .*allowed: unit, sources"):
            run.selected(["kernel", "kernal"])

    def test_count_lines(self):
        self.assertEqual((7, 1), run.parse_counts("7 passed, 1 failed"))
        self.assertEqual((26, 0, 1), run.parse_counts("26 passed, 0 failed, 1 skipped", with_skipped=True))
        self.assertEqual((3, 0, 0), run.parse_counts("3 passed, 0 failed", with_skipped=True))
        self.assertIsNone(run.parse_counts("Ran 3 tests in 0.1s"))
        self.assertIsNone(run.parse_counts(""))

    def test_tally_prints_each_suite_and_sums_them(self):
        tally = run.Tally()
        with contextlib.redirect_stdout(io.StringIO()) as out:
            tally.record("unit tests", 150, 0, 2)
            tally.record("notebooks", 20, 1)
        self.assertIn("unit tests                   150 passed, 0 failed", out.getvalue())
        self.assertEqual("170 passed, 1 failed, 2 skipped", tally.summary())
        self.assertEqual("0 passed, 0 failed", run.Tally().summary())
