"""The course site (bin/lib/coursegen/site.py): built into build/site from the executed notebooks that the
notebooks suite leaves in build/test-notebooks (only a missing or outdated one is executed here), then checked
in headless Chromium, offline (tests/site/check-site.mjs): figures drawn, links resolving, formulas typeset.

  PYTHONPATH=tests python3 -m liftests.site [--out DIR]     build and check; last line "N passed, N failed" (pages)

Publish the folder as it is (e.g. GitHub Pages); README.md says how.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import time

from liftests import BUILD, LOGS, ROOT, jupyter_path, results
from coursegen import REPOSITORY, site as course_site
from coursegen.problems import SourceErrors

EXECUTED = os.path.join(BUILD, "test-notebooks")
CHECK = os.path.join(ROOT, "tests", "site", "check-site.mjs")
MATHJAX = "/usr/share/javascript/mathjax"   # Debian's libjs-mathjax (2.7.9, a dependency of jupyter-notebook)


def execute_missing(sources):
    """Executes the notebooks the site shows run whose copy in build/test-notebooks is missing, outdated or failed."""
    from liftests.notebooks import execute

    todo = course_site.unusable(REPOSITORY, sources, EXECUTED)
    if not todo:
        return []
    os.environ["JUPYTER_PATH"] = jupyter_path()
    os.makedirs(EXECUTED, exist_ok=True)
    plotly_js = execute.plotly_copy(EXECUTED)
    problems = []
    for repo_path in todo:
        print("executing %s (no usable copy in build/test-notebooks)" % repo_path, flush=True)
        result = execute.run(os.path.join(ROOT, repo_path), EXECUTED, 120, os.path.join(ROOT, "notebooks"), plotly_js)
        problems += ["%s: %s" % (repo_path, p) for p in result["problems"]]
    return problems


def build(out):
    """Builds the site into out; returns (page count, seconds, problems)."""
    from liftests.notebooks import execute

    started = time.monotonic()
    problems = []
    try:
        sources, _ = course_site.load(REPOSITORY)
        problems = execute_missing(sources)
        manifest = course_site.build(REPOSITORY, out, EXECUTED, execute.plotly_copy(EXECUTED))
    except SourceErrors as e:
        return 0, time.monotonic() - started, problems + e.problems
    return len(manifest["pages"]), time.monotonic() - started, problems


def check(out):
    """(passed, failed, failures) pages of the browser check, from the report check-site.mjs writes; its output in
    build/logs/site-check.log, echoed."""
    log = os.path.join(LOGS, "site-check.log")
    reports = os.path.join(BUILD, "test-results")
    report = os.path.join(reports, "site.json")
    os.makedirs(reports, exist_ok=True)
    if os.path.exists(report):
        os.remove(report)
    with open(log, "w") as f:
        status = subprocess.call(["node", CHECK, "--site", out, "--repo", ROOT, "--mathjax", MATHJAX, "--report", report,
                                  "--screenshots", os.path.join(BUILD, "screenshots", "site")],
                                 stdout=f, stderr=subprocess.STDOUT)
    with open(log, encoding="utf-8", errors="replace") as f:
        lines = f.read().splitlines()
    for line in lines:
        if not re.fullmatch(r"\d+ passed, \d+ failed", line):  # the counts: printed once, by the caller
            print("     " + line, flush=True)
    try:
        with open(report, encoding="utf-8") as f:
            pages = json.load(f)["pages"]
    except (OSError, ValueError, KeyError):
        return 0, 1, ["check-site.mjs exited %d without a report: %s" % (status, lines[-1] if lines else "no output")]
    failures = ["%s: %s" % (p["page"], "; ".join(p["problems"][:3])) for p in pages if p["problems"]]
    return len(pages) - len(failures), len(failures), failures


def run(out=os.path.join(BUILD, "site")):
    """Builds and checks the site; returns (passed, failed, failures) pages (a failed build counts as one failure)."""
    pages, seconds, problems = build(out)
    for problem in problems:
        print("     " + problem, flush=True)
    if not pages:
        print("site: not built (see above)", flush=True)
        return 0, 1, problems or ["the site was not built"]
    print("site: %d pages built in %.1f s into %s" % (pages, seconds, os.path.relpath(out, ROOT)), flush=True)
    started = time.monotonic()
    passed, failed, failures = check(out)
    print("site: browser check of %d pages took %.1f s" % (passed + failed, time.monotonic() - started), flush=True)
    return passed, failed + (1 if problems else 0), problems + failures


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=os.path.join(BUILD, "site"))
    p, f, failures = run(parser.parse_args().out)
    results.write(p, f, failures=failures)
    print("%d passed, %d failed" % (p, f))
    sys.exit(1 if f else 0)
