"""Executes notebooks through the real Java kernel, on copies, and checks every cell.

  PYTHONPATH=tests python3 -m liftests.notebooks.execute [--out DIR] [--timeout S] [NOTEBOOK_OR_DIR ...]

Each notebook is copied to --out (default build/test-notebooks) and run there with nbclient; the
originals are never touched. A cell fails the notebook if it raises, unless it is a learner stub: a cell
tagged "raises-exception" with metadata {"lif": {"stub": "<text>"}} must raise an error whose text holds
"UnsupportedOperationException" and <text>, and nothing else passes for it. The executed copy and an HTML
export of each notebook stay in --out for review. Results go to --out/results.json.
Cells with {"lif": {"expect"|"figure"|"image": ...}} metadata are then checked against committed reference
data (printed SAMPLE OUTPUTs, numpy figure values, image digests), and no cell may show an accidental
result (an object's default text like java.io.PrintStream@1b6d3586, or any result that is not a figure):
see liftests.notebooks.checks. The time printed for each
notebook is the whole run, kernel start included; "cells" is from the first cell's start to the last
cell's end, as recorded by the kernel's replies.
Exit status: 0 when every notebook passes.
"""
import argparse
import contextlib
import io
import json
import os
import re
import shutil
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

from liftests import BUILD, ROOT, extract_plotly, html_export, jupyter_path, layout
from liftests.notebooks import checks


def find_notebooks(paths):
    found = []
    for path in paths:
        if os.path.isdir(path):
            for folder, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found += [os.path.join(folder, f) for f in sorted(files) if f.endswith(".ipynb")]
        else:
            found.append(path)
    return found


ANSI = re.compile(r"\x1b\[[0-9;]*m")


def error_text(output):
    traceback = ANSI.sub("", "\n".join(output.get("traceback", [])))
    return "%s: %s\n%s" % (output.get("ename", ""), output.get("evalue", ""), traceback)


def check_cells(nb):
    """Problems found in an executed notebook: errors outside stubs, stubs that did not fail as they should."""
    problems = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        stub = cell.metadata.get("lif", {}).get("stub")
        if stub:
            texts = [error_text(e) for e in errors]
            if not any("UnsupportedOperationException" in t and stub in t for t in texts):
                problems.append("cell %d: learner stub should raise UnsupportedOperationException(%r), got %s"
                                % (index, stub, (texts[0][:300] if texts else "no error")))
        elif errors:
            problems.append("cell %d raised: %s" % (index, error_text(errors[0])[:600]))
    return problems


def cells_seconds(nb):
    """Seconds from the first cell's execute_input to the last cell's execute_reply (kernel start excluded)."""
    from datetime import datetime
    starts, ends = [], []
    for cell in nb.cells:
        timing = cell.get("metadata", {}).get("execution", {})
        if "iopub.execute_input" in timing and "shell.execute_reply" in timing:
            starts.append(timing["iopub.execute_input"])
            ends.append(timing["shell.execute_reply"])
    if not starts:
        return None
    parse = lambda s: datetime.fromisoformat(s.replace("Z", "+00:00"))
    return round((parse(max(ends)) - parse(min(starts))).total_seconds(), 2)


def plotly_copy(out_root):
    """One plotly.js for every exported page under out_root (each page references it; none embeds it)."""
    target = os.path.join(out_root, "plotly.js")
    return target if os.path.exists(target) else extract_plotly(target)


def export_html(executed_path, html_path, plotly_js):
    """HTML export whose figures draw when opened from disk, offline (liftests.html_export)."""
    relative = os.path.relpath(plotly_js, os.path.dirname(html_path))
    with contextlib.redirect_stdout(io.StringIO()):
        status = html_export.main([executed_path, html_path, "--plotly-src", relative])
    if status != 0:
        raise RuntimeError("liftests.html_export exited with %d" % status)


def run(path, out_root, timeout, base, plotly_js):
    rel = os.path.relpath(os.path.abspath(path), base)
    copy = os.path.join(out_root, rel)
    os.makedirs(os.path.dirname(copy), exist_ok=True)
    shutil.copyfile(path, copy)
    nb = nbformat.read(copy, as_version=4)
    client = NotebookClient(nb, timeout=timeout, startup_timeout=120, kernel_name=layout.get("kernel.name"),
                            resources={"metadata": {"path": os.path.dirname(copy)}})
    started = time.monotonic()
    problems = []
    with open(os.path.splitext(copy)[0] + ".kernel.log", "w") as kernel_log:
        try:
            client.execute(stdout=kernel_log, stderr=kernel_log)  # the kernel's own chatter goes to the log
        except CellExecutionError:
            pass  # the error output is in the notebook: check_cells reports it
        except (CellTimeoutError, DeadKernelError) as e:
            problems.append("%s: %s" % (type(e).__name__, str(e).strip()[:600]))
        except Exception as e:  # the kernel failed to start, and the like: report, don't crash the run
            problems.append("%s: %s" % (type(e).__name__, e))
    seconds = time.monotonic() - started
    nbformat.write(nb, copy)
    problems += check_cells(nb)
    problems += checks.check_notebook(nb)
    try:
        export_html(copy, os.path.splitext(copy)[0] + ".html", plotly_js)
    except Exception as e:
        problems.append("HTML export failed: %s: %s" % (type(e).__name__, e))
    return {"notebook": rel, "seconds": round(seconds, 2), "cells_seconds": cells_seconds(nb),
            "problems": problems, "executed": copy}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", default=[os.path.join(ROOT, "notebooks")])
    parser.add_argument("--out", default=os.path.join(BUILD, "test-notebooks"))
    parser.add_argument("--timeout", type=int, default=120, help="seconds per cell (default 120)")
    args = parser.parse_args()
    os.environ["JUPYTER_PATH"] = jupyter_path()

    notebooks = find_notebooks(args.paths)
    if not notebooks:
        print("error: no notebooks found in %s" % " ".join(args.paths), file=sys.stderr)
        return 1
    base = os.path.commonpath([os.path.dirname(os.path.abspath(p)) for p in notebooks])
    os.makedirs(args.out, exist_ok=True)
    plotly_js = plotly_copy(args.out)
    results = []
    for path in notebooks:
        result = run(path, args.out, args.timeout, base, plotly_js)
        results.append(result)
        status = "PASS" if not result["problems"] else "FAIL"
        cells = result["cells_seconds"]
        print("%s %s (%.1f s; cells %s s)" % (status, result["notebook"], result["seconds"],
                                            "?" if cells is None else "%.2f" % cells), flush=True)
        for problem in result["problems"]:
            print("     " + problem.replace("\n", "\n     "), flush=True)
    failed = sum(1 for r in results if r["problems"])
    with open(os.path.join(args.out, "results.json"), "w") as out:
        json.dump({"passed": len(results) - failed, "failed": failed,  # liftests.results' keys, then the details
                   "failures": ["%s: %s" % (r["notebook"], r["problems"][0].splitlines()[0]) for r in results
                                if r["problems"]],
                   "notebooks": results}, out, indent=1)
    print("notebooks: %d passed, %d failed" % (len(results) - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
