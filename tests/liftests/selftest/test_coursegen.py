"""The course generator's own tests (bin/lib/coursegen/tests), run with the test tools' tests in the tools suite."""
import os
import unittest

from liftests import ROOT

LIB = os.path.join(ROOT, "bin", "lib")


def load_tests(loader, tests, pattern):
    # a loader of its own: discover() keeps its top-level folder on the loader, and the outer discovery's differs
    return unittest.TestLoader().discover(os.path.join(LIB, "coursegen", "tests"), top_level_dir=LIB)
