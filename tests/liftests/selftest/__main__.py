"""python3 -m liftests.selftest: the test tools' own unit tests; the last line is "N passed, N failed"
(and the counts go to liftests.run through liftests.results)."""
import os
import sys
import unittest

from liftests import results

suite = unittest.defaultTestLoader.discover(os.path.dirname(os.path.abspath(__file__)),
                                            top_level_dir=os.path.dirname(os.path.dirname(os.path.dirname(
                                                os.path.abspath(__file__)))))
result = unittest.TextTestRunner(verbosity=1).run(suite)
failed = len(result.failures) + len(result.errors)
print("%d passed, %d failed" % (result.testsRun - failed - len(result.skipped), failed))
results.write_unittest(result)
sys.exit(1 if failed or result.testsRun == 0 else 0)
