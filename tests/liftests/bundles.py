"""Report, not a test (bin/run-tests bundles; not in the default run): the first figure of a fresh page with the
plotly.js we serve against the old 10.8 MB plotly.js-dist bundle, in the classic Notebook and in exported HTML
(tests/browser/bundles.mjs). The old bundle comes from its webjar on Maven Central (org.webjars.npm:plotly.js-dist,
fetched into Maven's cache the first time).

  PYTHONPATH=tests build/venv/bin/python -m liftests.bundles
"""
import os
import shutil
import subprocess
import sys
import zipfile

from liftests import BUILD, LOGS, ROOT, browser, results

OLD_VERSION = "2.35.3"  # the release before used the unminified plotly.js-dist of the same plotly.js version
OLD_PLOTLY_JAR = os.path.expanduser(
    "~/.m2/repository/org/webjars/npm/plotly.js-dist/%s/plotly.js-dist-%s.jar" % (OLD_VERSION, OLD_VERSION))
OLD_PLOTLY_ENTRY = "META-INF/resources/webjars/plotly.js-dist/%s/plotly.js" % OLD_VERSION
STAGE = os.path.join(BUILD, "bundles")


def old_plotly():
    """The old bundle, copied out of its webjar into build/, or None when Maven could not fetch it."""
    if not os.path.isfile(OLD_PLOTLY_JAR):
        with open(os.path.join(LOGS, "bundles-mvn.log"), "w") as log:
            subprocess.call(["mvn", "-B", "-q", "dependency:get", "-Dtransitive=false",
                             "-Dartifact=org.webjars.npm:plotly.js-dist:%s" % OLD_VERSION], stdout=log, stderr=log)
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
        results.write(0, 1, failures=["Maven could not fetch org.webjars.npm:plotly.js-dist:%s: see "
                                      "build/logs/bundles-mvn.log" % OLD_VERSION])
        return 1
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
    results.write(0, 0, notes=notes)  # the lines themselves: in the output, which liftests.run shows for a report
    return 0


if __name__ == "__main__":
    sys.exit(main())
