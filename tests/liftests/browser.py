"""The course in headless Chromium, where learners open it: JupyterLab 4 and Notebook 7 (served by
bin/start-notebooks, the README's command, from build/venv), the classic Notebook 6 (Debian's) and exported HTML.

  PYTHONPATH=tests build/venv/bin/python -m liftests.browser [--frontend NAME]... [--pages REGEX]
      (bin/run-tests browser runs it all; the options narrow it down while working on it: frontends lab,
      notebook7, classic, html; pages whose name matches REGEX)

In JupyterLab (and Notebook 7 on the pages where its shell matters, see stage()): every solution notebook, Run All
from the menu, no error and every figure drawn as the saved notebook's plotly outputs say (titles, axis titles,
traces, points); every learner notebook run untouched, each stub failing with the hint its own source throws, every
other figure drawn (learner notebooks whose code cells equal their solution's are covered by the solution's run); a
parameter edited and its figure re-run; the interrupt button on `while (true) {}`, Kernel > Restart, Tab completion
and Shift+Tab signature help; a saved notebook reopened untrusted on a fresh page. The classic Notebook: a cheap
check (the figure fixture), since learners on older Jupyter installs still open the course there; exported
HTML: the notebooks Lab saved, opened from disk.
tests/browser/run.mjs drives the browser; this module stages copies of the notebooks (build/browser), starts the
servers, writes the plan, and turns the results into a table of pages x checks. Screenshots: build/screenshots.
"""
import glob
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import time
import urllib.request

from liftests import BUILD, LOGS, ROOT, jupyter_path, layout, results
from liftests.kernel.client import free_port

STAGE = os.path.join(BUILD, "browser")
SHOTS = os.path.join(BUILD, "screenshots")
RUN_MJS = os.path.join(ROOT, "tests", "browser", "run.mjs")
FIXTURES = os.path.join(ROOT, "tests", "browser", "fixtures")
LAB = ["lab", "notebook7"]
LANES = ["lane-0", "lane-1"]  # folders below the JupyterLab server's, one per lane of tests/browser/run.mjs
PARAMETER = "tau"  # the parameter a learner edits to test a hypothesis
STUB_HINT = re.compile(r'UnsupportedOperationException\(\s*"((?:[^"\\]|\\.)*)"')


def code_cells(nb):
    return [(i, c) for i, c in enumerate(nb["cells"]) if c["cell_type"] == "code"]


def source(cell):
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def read(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def stubs(nb):
    """[{cell, label, hint}] of a learner notebook: each stub cell (metadata lif.stub) and the message its source
    throws (None when it throws none, which the check reports)."""
    out = []
    for i, cell in code_cells(nb):
        label = cell.get("metadata", {}).get("lif", {}).get("stub")
        if label:
            m = STUB_HINT.search(source(cell))
            hint = re.sub(r"\\(.)", r"\1", m.group(1)) if m else None
            out.append({"cell": i, "label": label, "hint": hint if hint and hint.startswith(label) else None})
    return out


def parameter_edit(nb):
    """The first cell that sets PARAMETER and the first later figure cell (lif.figure metadata) using it, with the
    cell's text before and after halving the value; None when the notebook has no such pair."""
    assign = re.compile(r"^(\s*double\s+%s\s*=\s*)([^;]+);" % PARAMETER, re.M)
    for i, cell in code_cells(nb):
        m = assign.search(source(cell))
        if not m:
            continue
        for j, later in code_cells(nb):
            meta = later.get("metadata", {}).get("lif", {})
            if j > i and "figure" in meta and re.search(r"\b%s\b" % PARAMETER, source(later)):
                text = source(cell)
                edited = text[:m.start(2)] + "(%s) / 2" % m.group(2).strip() + text[m.end(2):]
                return {"cell": i, "figureCell": j, "original": text, "edited": edited,
                        "what": "%s halved" % PARAMETER}
    return None


def scratch(imports_cell):
    """A notebook a learner might make: the imports cell, a busy loop to interrupt, a next cell, the public static
    methods of Lif (what Tab completion must offer), an empty cell to type in."""
    cells = [imports_cell,
             'System.out.println("looping");\nwhile (true) {}',
             'System.out.println("the next cell ran");',
             "Arrays.stream(Lif.class.getMethods())\n"
             "    .filter(m -> java.lang.reflect.Modifier.isStatic(m.getModifiers()))\n"
             '    .map(m -> m.getName() + "(" + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName)\n'
             '        .collect(Collectors.joining(", ")) + ")")\n'
             "    .distinct().sorted().forEach(System.out::println);",
             ""]
    nb = {"nbformat": 4, "nbformat_minor": 5, "cells": [
        {"cell_type": "code", "id": "scratch-%d" % k, "metadata": {}, "execution_count": None, "outputs": [],
         "source": text} for k, text in enumerate(cells)],
          "metadata": {"kernelspec": {"name": layout.get("kernel.name"),
                                      "display_name": layout.get("kernel.display.name"), "language": "java"}}}
    plan = {"name": "scratch", "notebook": "scratch.ipynb", "imports": 0, "loop": 1, "loopStarted": "looping",
            "next": 2, "nextText": "the next cell ran", "members": 3, "blank": 4, "className": "Lif"}
    return nb, plan


def stage():
    """Copies of what the browser opens (build/browser/jupyterlab, .../classic) and the pages to run in each.

    JupyterLab gets every page. Notebook 7 is Lab's notebook panel (the same cells, outputs, renderers and Run All)
    in another shell, so it gets the pages where the shell matters: the first notebook a learner opens, the notebook
    of the edit check as learner and as solution (also reopened), the figure fixture and the scratch notebook. Each
    page is {name, notebook, frontends, reopen (frontends where it is reopened after saving), stubs, edit}."""
    shutil.rmtree(STAGE, ignore_errors=True)
    lab_root, classic_root = os.path.join(STAGE, "jupyterlab"), os.path.join(STAGE, "classic")
    shutil.copytree(FIXTURES, os.path.join(classic_root, "fixtures"))
    for lane in LANES:
        shutil.copytree(os.path.join(ROOT, "notebooks"), os.path.join(lab_root, lane),
                        ignore=shutil.ignore_patterns("src", "*.md"))
        shutil.copytree(FIXTURES, os.path.join(lab_root, lane, "fixtures"))

    def page(name, **more):
        return dict({"name": name, "notebook": name + ".ipynb", "frontends": ["lab"], "reopen": [], "stubs": []},
                    **more)
    learners, solutions, covered, edit, edited = [], [], [], None, None
    for path in sorted(glob.glob(os.path.join(ROOT, "notebooks", "solutions", "*.ipynb"))):
        name = os.path.basename(path)[:-6]
        solutions.append(page("solutions/" + name))
        if edit is None:
            edit = parameter_edit(read(path))
            if edit:
                edited = name
                solutions[-1].update(edit=edit, frontends=LAB, reopen=LAB)
    for path in sorted(glob.glob(os.path.join(ROOT, "notebooks", "*.ipynb"))):
        name = os.path.basename(path)[:-6]
        nb, solution = read(path), os.path.join(ROOT, "notebooks", "solutions", name + ".ipynb")
        if os.path.exists(solution) and [source(c) for _, c in code_cells(nb)] == \
                [source(c) for _, c in code_cells(read(solution))]:
            covered.append(name)
            continue
        first = not learners
        learners.append(page(name, stubs=stubs(nb), frontends=LAB if first or name == edited else ["lab"]))
    # the figure fixture first in its lane (no figure drawn in that page before, so plotly.js is loaded for its first
    # figure): the first figure of a page against the later ones, Lab and Notebook 7 next to classic. (ten-figures,
    # ten figure cells in a row, is the bundles report's page: one more fixture here cost a minute of the run.)
    fixtures = [page("fixtures/plots-demo", frontends=LAB + ["classic"])]
    # two lanes run at once, each on its own copy of the notebooks: Lab's solutions in one; Lab's fixture and learner
    # notebooks, then Notebook 7 and the classic Notebook in the other (about the same time each)
    for p in fixtures + learners + solutions:
        p["lanes"] = {f: int(f != "lab" or p not in solutions) for f in p["frontends"]}
    setup = read(os.path.join(ROOT, "notebooks", "00-setup-check.ipynb"))
    nb, scratch_plan = scratch(source(code_cells(setup)[0][1]))
    with open(os.path.join(lab_root, LANES[0], "scratch.ipynb"), "w") as f:
        json.dump(nb, f, indent=1)
    return lab_root, classic_root, fixtures + learners + solutions, scratch_plan, covered, edit


def server_env(name, token):
    """The environment of a test server: our kernelspec found, and its own config, data (notebook signatures) and
    workspace folders, so nothing of the user's Jupyter set-up leaks in."""
    home = os.path.join(STAGE, "jupyter-" + name)
    # no "official Jupyter news?" prompt over the notebook, no update check (the servers have no network)
    settings = os.path.join(home, "config", "lab", "user-settings", "@jupyterlab", "apputils-extension")
    os.makedirs(settings, exist_ok=True)
    with open(os.path.join(settings, "notification.jupyterlab-settings"), "w") as f:
        json.dump({"fetchNews": "false", "checkForUpdates": False}, f)
    return dict(os.environ, JUPYTER_TOKEN=token, JUPYTER_PATH=jupyter_path(),
                JUPYTER_CONFIG_DIR=os.path.join(home, "config"), JUPYTER_DATA_DIR=os.path.join(home, "data"),
                JUPYTER_RUNTIME_DIR=os.path.join(home, "runtime"))


def classic_python():
    """Debian's python with the classic Notebook 6 (bin/lib/common.sh classic_python), or None."""
    found = subprocess.run(["bash", "-c", 'source "$0" && classic_python', os.path.join(ROOT, "bin", "lib", "common.sh")],
                           capture_output=True, text=True)
    return found.stdout.strip() or None


def start(name, argv, root, log):
    """Starts a Jupyter server on root; returns (process, {url, token, root})."""
    port, token = free_port(), secrets.token_hex(16)
    argv = [a.replace("{port}", str(port)).replace("{root}", root) for a in argv]
    process = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, env=server_env(name, token), cwd=ROOT)
    return process, {"url": "http://127.0.0.1:%d/" % port, "token": token, "root": root}


def wait_ready(server, process=None, seconds=180):
    """True once the server answers (polled), False when its process ended or the time ran out."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and (process is None or process.poll() is None):
        try:
            with urllib.request.urlopen("%sapi/status?token=%s" % (server["url"], server["token"]), timeout=2):
                return True
        except OSError:
            time.sleep(0.1)
    return False


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()


def servers(lab_root, classic_root, with_lab=True):
    """Starts JupyterLab (bin/start-notebooks) and the classic Notebook, when there; returns ({name: server},
    processes, notes)."""
    root_flag = ["--allow-root"] if os.geteuid() == 0 else []
    wanted, notes = [], []
    if with_lab:
        wanted.append(("jupyterlab", [os.path.join(ROOT, "bin", "start-notebooks"), "--no-browser", "--port", "{port}",
                                      "--notebook-dir", "{root}"], lab_root))
    classic = classic_python()
    if classic:
        wanted.append(("classic", [classic, "-m", "notebook", "--no-browser", "--ip=127.0.0.1", "--port={port}",
                                   "--port-retries=0", "--notebook-dir={root}"] + root_flag, classic_root))
    else:
        notes.append("classic Notebook: skipped (Debian's jupyter-notebook is not installed; run as root to install it)")
    started = {}
    for name, argv, root in wanted:
        with open(os.path.join(LOGS, "browser-%s-server.log" % name), "w") as log:
            started[name] = start(name, argv, root, log)
    processes = [process for process, _ in started.values()]
    for name, (process, server) in started.items():
        if not wait_ready(server, process):
            for p in processes:
                stop(p)
            raise RuntimeError("the %s server did not start: see build/logs/browser-%s-server.log" % (name, name))
    return {name: server for name, (_, server) in started.items()}, processes, notes


def table(checks, frontends, order=()):
    """Lines of a table: one row per page, one column per frontend; in each cell the page's checks there, short:
    "ran" (Run All, no error) or "N stubs" (each failed with its hint), figures drawn/expected, "edit" (a parameter
    edited and its figure re-run), "re N/N" (reopened untrusted: shown from the saved PNG or drawn), "json N/N"
    (reopened without the PNGs: drawn from the plotly JSON), "stop N ms" (interrupt), then the scratch checks."""
    def short(c):
        if not c["ok"]:
            return "FAIL " + c["check"]
        count = re.match(r"(\d+/\d+)", c["detail"] or "")
        count = count.group(1) if count else ""
        return {"cells": "%d stubs" % c.get("stubs", 0) if c.get("stubs") else "ran", "figures": count,
                "reopened": "re " + count, "reopened, no PNG": "json " + count,
                "interrupt": "stop %s ms" % c.get("interruptMs"), "edit and re-run": "edit",
                "completion": "Tab", "signature": "Shift+Tab"}.get(c["check"], c["check"])
    rows = {}
    for c in checks:
        if c["check"] != "close" or not c["ok"]:
            rows.setdefault(c["page"], {}).setdefault(c["frontend"], []).append(short(c))
    place = {name: k for k, name in enumerate(order)}
    cells = [[page] + [", ".join(by.get(f, ["-"])) for f in frontends]
             for page, by in sorted(rows.items(), key=lambda item: place.get(item[0], -1))]
    widths = [max(len(r[k]) for r in cells + [["page"] + frontends]) for k in range(len(frontends) + 1)]
    return ["  ".join(x.ljust(w) for x, w in zip(r, widths)).rstrip() for r in [["page"] + frontends] + cells]


def timing_lines(timings):
    """The figure-draw times per frontend: the first figure of each fresh page, and the later ones."""
    def median(xs):
        xs = sorted(x for x in xs if x is not None)
        return xs[len(xs) // 2] if xs else None

    def summary(ts, key):
        firsts = [t[key]["first"] for t in ts if t.get(key)]
        later = [t[key] for t in ts if t.get(key) and t[key]["laterCount"]]
        return "first figure median %s ms, worst %s ms; later figures median %s ms, worst %s ms" % (
            median(firsts), max((x for x in firsts if x is not None), default=None),
            median(x["laterMedian"] for x in later), max((x["laterWorst"] for x in later), default=None))

    lines = ["figure drawn (ms) after its cell ended [0: before] / after its output entered the page; HTML: after "
             "the page started loading"]
    by = {}
    for t in timings:
        by.setdefault(t["frontend"], []).append(t)
    for frontend, ts in by.items():
        if frontend == "html":
            lines.append("  %-9s %d pages: %s" % (frontend, len(ts), summary(ts, "sinceLoad")))
            continue
        lines.append("  %-9s %d pages, after the cell: %s" % (frontend, len(ts), summary(ts, "afterEnd")))
        lines.append("  %-9s %d pages, after the output: %s" % ("", len(ts), summary(ts, "afterOutput")))
    for t in timings:
        if t["page"] == "fixtures/plots-demo" and t["frontend"] != "html":
            lines.append("  plots-demo in %s: after the cell: %s" % (t["frontend"], summary([t], "afterEnd")))
            lines.append("  plots-demo in %s: after the output: %s" % (t["frontend"], summary([t], "afterOutput")))
    return lines


def run_plan(plan, name, script=RUN_MJS):
    """Runs a node script of tests/browser on a plan; returns (exit status, the results file parsed or None)."""
    path = os.path.join(BUILD, name + "-plan.json")
    with open(path, "w") as f:
        json.dump(plan, f, indent=1)
    status = subprocess.call(["node", script, path], cwd=ROOT)
    try:
        return status, read(plan["results"])
    except (OSError, ValueError):
        return status, None


def main(argv):
    import argparse
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--frontend", action="append", choices=LAB + ["classic", "html"])
    parser.add_argument("--pages", default="", help="only the pages whose name matches this regular expression")
    args = parser.parse_args(argv)
    lab_root, classic_root, pages, scratch_plan, covered, edit = stage()
    pages = [p for p in pages if re.search(args.pages, p["name"])]
    shutil.rmtree(SHOTS, ignore_errors=True)
    notes = []
    try:
        ready, processes, notes = servers(lab_root, classic_root)
    except RuntimeError as e:
        results.write(0, 1, failures=[str(e)])
        print("error: %s" % e, file=sys.stderr)
        return 1
    wanted = args.frontend or LAB + ["classic", "html"]
    frontends = [f for f in LAB + ["classic"] if f in wanted and (f != "classic" or "classic" in ready)]
    html = {"from": "lab", "root": lab_root, "out": os.path.join(STAGE, "html"), "python": sys.executable,
            "pythonpath": os.path.join(ROOT, "tests"),
            "plotly": os.path.join(BUILD, "jupyter", "nbextensions", "lif-plotly", "plotly.js")}
    plan = {"servers": ready, "frontends": frontends, "pages": pages, "folders": LANES,
            "scratch": scratch_plan if re.search(args.pages, "scratch") else None,
            "html": html if "html" in wanted else None,
            "screenshots": SHOTS, "results": os.path.join(STAGE, "results.json")}
    try:
        status, got = run_plan(plan, "browser")
    finally:
        for process in processes:
            stop(process)
    if got is None or got.get("setupError"):
        failure = "the browser run did not finish: %s (see build/logs/browser.log)" % (got or {}).get("setupError", status)
        results.write(0, 1, notes=notes, failures=[failure])
        print("error: " + failure, file=sys.stderr)
        return 1
    checks = got["checks"]
    failed = [c for c in checks if not c["ok"]]
    notes += table(checks, frontends + ["html"], [p["name"] for p in pages])
    if covered:
        notes.append("learner notebooks with their solution's code cells, covered by its run: " + ", ".join(covered))
    if edit is None:
        notes.append("no solution notebook sets %s in one cell and draws it in a later figure cell: the edit check "
                     "did not run" % PARAMETER)
    notes += timing_lines(got["timings"])
    notes.append("%d requests to other hosts blocked (offline): %s" % (
        len(got["blocked"]), ", ".join(sorted(set(u.split("?")[0] for u in got["blocked"])))[:300]))
    failures = ["%s %s %s: %s" % (c["frontend"], c["page"], c["check"], "; ".join(c["problems"])[:400]) for c in failed]
    if edit is None:
        failures.append("no %s edit check: no notebook qualifies" % PARAMETER)
    for line in notes:
        print(line)
    results.write(len(checks) - len(failed), len(failed) + (edit is None), skipped=int("classic" not in ready),
                  notes=notes, failures=failures)
    return 1 if failed or edit is None or status != 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
