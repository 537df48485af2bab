"""liftests.run: the suite list, selection, how a suite's result is read, the summary table; liftests.results."""
import contextlib
import io
import json
import os
import sys
import tempfile
import unittest
from unittest import mock

from liftests import results, run


class SelectionTest(unittest.TestCase):
    def test_suites_run_in_the_lists_order_whatever_order_they_are_named_in(self):
        self.assertEqual(["unit", "kernel", "browser"], [s.name for s in run.selected(["browser", "unit", "kernel"])])

    def test_the_default_run_leaves_out_suites_only_run_when_named(self):
        default = [s.name for s in run.selected([])]
        self.assertNotIn("bundles", default)
        self.assertEqual(["bundles"], [s.name for s in run.selected(["bundles"])])
        self.assertEqual([s.name for s in run.SUITES if s.default], default)

    def test_an_unknown_suite_is_named_with_the_allowed_ones(self):
        with self.assertRaisesRegex(SystemExit, "unknown suite kernal .*allowed: unit, sources"):
            run.selected(["kernel", "kernal"])

    def test_every_entry_runs_something_and_needs_only_known_things(self):
        for s in run.SUITES:
            self.assertTrue(bool(s.module) != bool(s.command), s.name)
            self.assertLessEqual(set(s.needs), {"kernel", "kernel-test", "browser", "root"}, s.name)


class ResultTest(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.TemporaryDirectory()
        self.addCleanup(self.folder.cleanup)
        self.logs = mock.patch.object(run, "LOGS", self.folder.name)
        self.logs.start()
        self.addCleanup(self.logs.stop)

    def command(self, name, code, **kw):
        return run.suite(name, "a test suite", command=[sys.executable, "-c", code], **kw)

    def test_a_suite_without_a_result_file_counts_once_by_its_exit_status(self):
        self.assertEqual((1, 0), self.counts(self.command("ok", "pass")))
        self.assertEqual((0, 1), self.counts(self.command("bad", "import sys; sys.exit(3)")))

    def test_a_result_file_gives_the_counts_notes_and_failures(self):
        code = ("from liftests import results; results.write(7, 1, 2, notes=['42 ms'], failures=['x: wrong'])\n"
                "raise SystemExit(1)")
        got = run.run(self.command("counted", code))
        self.assertEqual((7, 1, 2, ["42 ms"], ["x: wrong"]),
                         (got["passed"], got["failed"], got["skipped"], got["notes"], got["failures"]))

    def test_a_failing_exit_status_fails_a_suite_whose_result_says_all_passed(self):
        code = "from liftests import results; results.write(3, 0); raise SystemExit(2)"
        got = run.run(self.command("liar", code))
        self.assertEqual((3, 1), (got["passed"], got["failed"]))
        self.assertIn("exited with status 2", got["failures"])

    def test_a_failed_suite_without_failure_lines_shows_its_logs_end(self):
        got = run.run(self.command("quiet", "print('it broke here'); raise SystemExit(1)"))
        self.assertEqual(["(log) it broke here"], got["failures"])

    def test_a_suite_may_name_its_own_result_file(self):
        path = os.path.join(self.folder.name, "own.json")
        with open(path, "w") as f:
            json.dump({"passed": 99, "failed": 0}, f)  # an earlier run's, removed first
        code = "import json; json.dump({'passed': 21, 'failed': 0, 'elapsed': 9.5}, open(%r, 'w'))" % path
        self.assertEqual((21, 0), self.counts(self.command("own", code, result=path)))
        self.assertEqual((0, 1), self.counts(self.command("own", "raise SystemExit(1)", result=path)))

    def test_a_stale_result_file_of_an_earlier_run_is_not_read(self):
        with open(os.path.join(self.folder.name, "stale.result.json"), "w") as f:
            json.dump({"passed": 99, "failed": 0}, f)
        self.assertEqual((0, 1), self.counts(self.command("stale", "raise SystemExit(1)")))

    def counts(self, s):
        got = run.run(s)
        return got["passed"], got["failed"]


class ResultsFileTest(unittest.TestCase):
    def test_write_does_nothing_without_the_variable_and_read_rejects_garbage(self):
        with mock.patch.dict(os.environ, {}, clear=True):
            results.write(1, 0)  # no file, no error
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
            f.write("{not json")
        self.addCleanup(os.remove, f.name)
        self.assertIsNone(results.read(f.name))
        self.assertIsNone(results.read(f.name + ".missing"))

    def test_unittest_results_are_counted_and_failures_named(self):
        class Two(unittest.TestCase):
            def test_good(self):
                pass

            def test_bad(self):
                self.assertEqual(1, 2)

        result = unittest.TestResult()
        unittest.defaultTestLoader.loadTestsFromTestCase(Two).run(result)
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "r.json")
            with mock.patch.dict(os.environ, {results.ENV: path}):
                results.write_unittest(result, notes=["note"])
            got = results.read(path)
        self.assertEqual((1, 1, 0, ["note"]), (got["passed"], got["failed"], got["skipped"], got["notes"]))
        self.assertRegex(got["failures"][0], r"test_bad: AssertionError: 1 != 2")


class TallyTest(unittest.TestCase):
    def test_tally_prints_each_suite_and_sums_them_with_their_times(self):
        tally = run.Tally()
        with contextlib.redirect_stdout(io.StringIO()) as out:
            tally.record("unit", 150, 0, 2, 95.4)
            tally.record("notebooks", 20, 1, 0, 80.0)
        self.assertIn("unit           150 passed, 0 failed, 2 skipped", out.getvalue())
        self.assertEqual("170 passed, 1 failed, 2 skipped", tally.summary())
        lines = tally.table().splitlines()
        self.assertRegex(lines[1], r"^unit\s+150\s+0\s+2\s+95 s$")
        self.assertRegex(lines[-1], r"^all\s+175 s$")
        self.assertEqual("0 passed, 0 failed", run.Tally().summary())

    def test_what_failed_is_recalled_by_suite_for_the_end_of_the_run(self):
        tally = run.Tally()
        failing = run.suite("kernel", "k", command=lambda: {"passed": 3, "failed": 1, "skipped": 0, "notes": [],
                                                            "failures": ["test_x: AssertionError: 1.2 not less than 1.0"]})
        passing = run.suite("tools", "t", command=lambda: {"passed": 2, "failed": 0, "skipped": 0, "notes": [],
                                                           "failures": []})
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            run.timed(failing, tally)
            run.timed(passing, tally)
        self.assertEqual(["kernel: test_x: AssertionError: 1.2 not less than 1.0"], tally.failures)
