"""Plots in headless Chromium: every notebook served by bin/start-notebooks (the README's main command) and
opened in a live page, then exported to HTML and opened from disk (tests/browser/notebook-plots.mjs).

Each learner notebook is checked twice: as the learner gets it (NAME-student: its stubs fail, every other
figure must still draw) and as its solution (NAME). Returns (passed, failed); logs, JSON reports and
screenshots land in build/test-results/browser and build/screenshots.
"""
import glob
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile

from liftests import BUILD, LOGS, ROOT, module_env

MJS = os.path.join(ROOT, "tests", "browser", "notebook-plots.mjs")
# The old plotly.js (the unminified 10.8 MB plotly.js-dist 2.35.3 webjar of the release before), if Maven
# still has it: the 10-figure fixture's first figure is also timed with it, for the ratio.
OLD_PLOTLY_JAR = os.path.expanduser(
    "~/.m2/repository/org/webjars/npm/plotly.js-dist/2.35.3/plotly.js-dist-2.35.3.jar")
OLD_PLOTLY_ENTRY = "META-INF/resources/webjars/plotly.js-dist/2.35.3/plotly.js"

REPORTED = re.compile(r"(live|html) (timing|bundle comparison|plotly\.js)")  # figures worth echoing
# per notebook: extra arguments of the live check
EXPECT = {
    "00-setup-check": ["--min-figures", "1", "--expect-text", "t_max   = 0.15 s",
                       "--expect-text", "I_mean  = 2.5e-10 A"],
    "plots-demo": ["--min-figures", "1"],
    "ten-figures": ["--min-figures", "10"],
}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stage_notebooks(folder):
    """Copies the notebooks to check into folder: learner notebooks as NAME-student, solutions as NAME."""
    for path in glob.glob(os.path.join(ROOT, "notebooks", "*.ipynb")) + \
            glob.glob(os.path.join(ROOT, "tests", "browser", "fixtures", "*.ipynb")):
        shutil.copy(path, folder)
    for solution in sorted(glob.glob(os.path.join(ROOT, "notebooks", "solutions", "*.ipynb"))):
        name = os.path.basename(solution)
        if os.path.exists(os.path.join(folder, name)):
            os.replace(os.path.join(folder, name), os.path.join(folder, name[:-6] + "-student.ipynb"))
        shutil.copy(solution, folder)
    return sorted(glob.glob(os.path.join(folder, "*.ipynb")))


def old_plotly():
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


def wait_for_server(server, port, token, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            return False
        try:
            with urllib.request.urlopen("http://127.0.0.1:%d/api/status?token=%s" % (port, token), timeout=2):
                return True
        except OSError:
            time.sleep(0.2)
    return False


def export(notebook, html, plotly_src, log):
    with open(log, "a") as out:
        status = subprocess.call([sys.executable, "-m", "liftests.html_export", notebook, html,
                                  "--plotly-src", plotly_src], stdout=out, stderr=out, cwd=ROOT,
                                 env=module_env())
    return status == 0


def node(args, log):
    with open(log, "w") as out:
        return subprocess.call(["node", MJS] + args, stdout=out, stderr=out) == 0


def last_line(path, pattern=None):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            lines = [line.rstrip("\n") for line in f if pattern is None or re.search(pattern, line)]
    except OSError:
        return ""
    return lines[-1] if lines else ""


def run():
    folder = os.path.join(BUILD, "browser-notebooks")
    shots = os.path.join(BUILD, "screenshots")
    results = os.path.join(BUILD, "test-results", "browser")
    for d in (folder, shots, results):
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
    notebooks = stage_notebooks(folder)
    old = old_plotly()
    port, token = free_port(), secrets.token_hex(16)
    with open(os.path.join(LOGS, "notebook-server.log"), "w") as server_log:
        server = subprocess.Popen(
            [os.path.join(ROOT, "bin", "start-notebooks"), "--no-browser", "--port", str(port),
             "--notebook-dir", folder], stdout=server_log, stderr=server_log,
            env=dict(os.environ, JUPYTER_TOKEN=token))
    try:
        if not wait_for_server(server, port, token):
            print("error: bin/start-notebooks did not serve Jupyter; see build/logs/notebook-server.log",
                  file=sys.stderr)
            return 0, 1
        passed = failed = 0
        for nb in notebooks:
            name = os.path.basename(nb)[:-6]
            live_log = os.path.join(results, name + "-live.log")
            html_log = os.path.join(results, name + "-html.log")
            extra = list(EXPECT.get(name, ["--student"] if name.endswith("-student") else []))
            html_extra = []
            if name == "ten-figures" and old:
                extra += ["--old-plotly", old]
                html_extra = ["--old-html", os.path.join(folder, name + "-old-plotly.html")]
            ok = node(["live", "--url", "http://127.0.0.1:%d/" % port, "--token", token,
                       "--notebook", name + ".ipynb", "--screenshots", os.path.join(shots, name), "--save",
                       "--report", os.path.join(results, name + "-live.json"), "--min-figures", "0"] + extra,
                      live_log)
            ok = ok and export(nb, os.path.join(folder, name + ".html"),
                               "../jupyter/nbextensions/lif-plotly/plotly.js", live_log)
            ok = ok and (not html_extra or export(nb, os.path.join(folder, name + "-old-plotly.html"),
                                                  "../old-plotly/plotly.js", live_log))
            ok = ok and node(["html", "--html", os.path.join(folder, name + ".html"), "--ipynb", nb,
                              "--screenshots", os.path.join(shots, name),
                              "--report", os.path.join(results, name + "-html.json"), "--min-figures", "0"]
                             + html_extra, html_log)
            if ok:
                passed += 1
                print("PASS browser %s (live: %s; exported HTML: %s)"
                      % (name, last_line(live_log, r"passed, [0-9]+ failed"), last_line(html_log)), flush=True)
                for log in (live_log, html_log):
                    for line in open(log, encoding="utf-8", errors="replace"):
                        if REPORTED.search(line):
                            print("     " + line.rstrip(), flush=True)
            else:
                failed += 1
                print("FAIL browser %s: see build/test-results/browser/%s-*.log" % (name, name), flush=True)
                for log in (live_log, html_log):
                    if os.path.exists(log):
                        tail = open(log, encoding="utf-8", errors="replace").read().splitlines()[-5:]
                        for line in tail:
                            print("     " + line, flush=True)
        ten = os.path.join(folder, "ten-figures.ipynb")
        if os.path.exists(ten):
            print("a saved notebook with 10 figures: %d bytes" % os.path.getsize(ten))
        return passed, failed
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    p, f = run()
    print("%d passed, %d failed" % (p, f))
    sys.exit(1 if f else 0)
