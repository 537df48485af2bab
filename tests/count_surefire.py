#!/usr/bin/env python3
"""Sums Maven Surefire XML reports: prints "passed failed skipped" for the given report folders."""
import glob
import os
import sys
import xml.etree.ElementTree as ET

passed = failed = skipped = 0
for folder in sys.argv[1:]:
    for report in glob.glob(os.path.join(folder, "TEST-*.xml")):
        suite = ET.parse(report).getroot()
        tests, bad = int(suite.get("tests", 0)), int(suite.get("failures", 0)) + int(suite.get("errors", 0))
        skip = int(suite.get("skipped", 0))
        passed += tests - bad - skip
        failed += bad
        skipped += skip
print(passed, failed, skipped)
