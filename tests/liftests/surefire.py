"""Sums Maven Surefire XML reports.

  python3 -m liftests.surefire FOLDER...    prints "passed failed skipped"
"""
import glob
import os
import sys
import xml.etree.ElementTree as ET


def count(folders):
    """(passed, failed, skipped) over the TEST-*.xml reports of the folders; errors count as failures."""
    passed = failed = skipped = 0
    for folder in folders:
        for report in sorted(glob.glob(os.path.join(folder, "TEST-*.xml"))):
            suite = ET.parse(report).getroot()
            tests = int(suite.get("tests", 0))
            bad = int(suite.get("failures", 0)) + int(suite.get("errors", 0))
            skip = int(suite.get("skipped", 0))
            passed += tests - bad - skip
            failed += bad
            skipped += skip
    return passed, failed, skipped


if __name__ == "__main__":
    print(*count(sys.argv[1:]))
