"""liftests.surefire: counts from Surefire XML reports."""
import os
import tempfile
import unittest

from liftests import surefire

REPORT = '<testsuite name="{0}" tests="{1}" failures="{2}" errors="{3}" skipped="{4}"></testsuite>'


class SurefireTest(unittest.TestCase):
    def test_sums_passed_failed_and_skipped_over_folders(self):
        with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
            for folder, name, counts in ((a, "x.XTest", (10, 1, 0, 2)), (a, "x.YTest", (3, 0, 1, 0)),
                                         (b, "k.KTest", (5, 0, 0, 0))):
                with open(os.path.join(folder, "TEST-%s.xml" % name), "w") as f:
                    f.write(REPORT.format(name, *counts))
            with open(os.path.join(a, "x.XTest.txt"), "w") as f:
                f.write("not a report")
            # 10 tests: 1 failure, 2 skipped -> 7 passed; 3 tests: 1 error -> 2 passed; 5 passed
            self.assertEqual((14, 2, 2), surefire.count([a, b]))

    def test_no_reports_count_nothing(self):
        with tempfile.TemporaryDirectory() as a:
            self.assertEqual((0, 0, 0), surefire.count([a, os.path.join(a, "missing")]))
