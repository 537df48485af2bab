"""Report, not a test (bin/run-tests bundles; not in the default run): the first figure of a fresh page with the
plotly.js we serve against the old 10.8 MB plotly.js-dist bundle, in the classic Notebook and in exported HTML
(tests/browser/bundles.mjs). The old bundle comes from its webjar in Maven's cache, when a build before the switch
left it there; without it the report says so.

  PYTHONPATH=tests build/venv/bin/python -m liftests.bundles
"""
import os
import shutil
import sys
import zipfile

from liftests import BUILD, LOGS, ROOT, browser, results

OLD_PLOTLY_JAR = os.path.expanduser(
    "~/.m2/repository/org/webjars/npm/plotly.js-dist/2.35.3/plotly.js-dist-2.35.3.jar")
OLD_PLOTLY_ENTRY = "META-INF/resources/webjars/plotly.js-dist/2.35.3/plotly.js"
STAGE = os.path.join(BUILD, "bundles")


def old_plotly():
    """The old bundle, copied out of its webjar into build/, or None when Maven's cache has none."""
    if not os.path.isfile(OLD_PLOTLY_JAR):
        return None
    target = os.path.join(BUILD, "old-plotly", "plotly.js")
    os.makedirs(os.path.dirname(target), exist_ok=True)
    try:
        with zipfile.ZipFile(OLD_PLOTLY_JAR) as jar, jar.open(OLD_PLOTLY_ENTRY) as src, open(target, "wb") as dst:
            shutil.copyfileobj(src, dst)
    except (KeyError, OSError, zipfile.BadZipFile):
        return None
    return target


def main():
    old = old_plotly()
    if old is None:
        results.write(0, 0, 1, notes=["no old plotly.js-dist 2.35.3 webjar in ~/.m2: nothing to compare"])
        return 0
    shutil.rmtree(STAGE, ignore_errors=True)
    shutil.copytree(os.path.join(ROOT, "tests", "browser", "fixtures"), STAGE)
    ready, processes, notes = browser.servers(None, STAGE, with_lab=False)
    if "classic" not in ready:
        results.write(0, 0, 1, notes=notes)
        return 0
    plan = {"servers": ready, "notebook": "ten-figures.ipynb", "oldPlotly": old,
            "servedPlotly": os.path.join(BUILD, "jupyter", "nbextensions", "lif-plotly", "plotly.js"),
            "out": STAGE, "python": sys.executable, "pythonpath": os.path.join(ROOT, "tests"),
            "results": os.path.join(LOGS, "bundles.json")}
    try:
        status, got = browser.run_plan(plan, "bundles", os.path.join(ROOT, "tests", "browser", "bundles.mjs"))
    finally:
        for process in processes:
            browser.stop(process)
    if status != 0 or got is None:
        results.write(0, 1, failures=["tests/browser/bundles.mjs exited %s: see build/logs/bundles.log" % status])
        return 1
    results.write(0, 0, notes=notes + got["lines"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
