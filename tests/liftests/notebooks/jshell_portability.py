"""Runs notebook code cells in the JDK's own JShell engine, without our kernel, and fails on any error.

  python3 -m liftests.notebooks.jshell_portability            every code cell of notebooks/00-setup-check.ipynb and of the solution
                                   notebooks, in order, one fresh JShell per notebook
  python3 -m liftests.notebooks.jshell_portability --stubs    every student notebook with exercise stubs, each stub run untouched (its
                                   `throw` line removed): its self-check must print the hint for what is
                                   missing (UNTOUCHED below); the other cells must run without error

The only classpath is the library's (the lif jar and its runtime-deps, as target/layout.properties names them) and the
only start-up imports are the jshell tool's DEFAULT ones: what IJava or JJava give a notebook, so a cell that
silently needs our kernel's init script fails here. Cells are cut into snippets as the kernels cut them
(JShellRun.java); a figure left as a cell's last expression just evaluates, nothing is displayed. Nothing
is written next to the notebooks: the cells go to a temporary folder. Prints one line per failing cell and a
last line "jshell: N cells run, E errors" (with --stubs: "untouched stubs: N checked, E wrong").
Exit status 0 when there is no error. Needs a JDK (java on PATH) and a built library (mvn package).
"""
import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

from liftests import ROOT, layout

HERE = os.path.dirname(os.path.abspath(__file__))
NOTEBOOKS = os.path.join(ROOT, "notebooks")
RUNNER = os.path.join(HERE, "JShellRun.java")

# The hint each exercise's untouched stub must print (a fragment of its "Exercise N: ..." line).
UNTOUCHED = {
    "Exercise 1": "the printed line is empty: uncomment the eight declarations",
    "Exercise 2": "all values are 0: write the current I(t) in the line double i = ...",
    "Exercise 3": "still holds the placeholder TODO: replace \"TODO%n\" by a format",
    "Exercise 4": "v never changes (every line prints the same v): replace v = v;",
    "Exercise 5": "the figure has no series yet: store t and i in ts and is",
    "Exercise 6": "the figure has no series yet: record t and v in ts and vs",
    "Exercise 7": "still E_L = -0.06 V, where v starts: draw xi from rng.random()",
    "Exercise 8": "vN is empty: make it a changeable list of n copies of eL",
    "Exercise 9": "means: all values are 0: compute vMean in the loop",
    "Exercise 10": "stds: all values are 0: in the loop, build vVarN with a stream",
    "Exercise 11": "still E_L = -0.06 V, where v starts: fill the current array i from u",
    "Exercise 12": "still E_L = -0.06 V, where v starts: write the update of v[step], with iStep",
    "Exercise 13": "vN: all values are still E_L = -0.06 V, where v starts: fill the current table i from u",
    "Exercise 14": "vMean: all values are 0: compute vMean[step] and vStd[step]",
}


def classpath():
    try:
        jar, deps = layout.path("lib.jar"), sorted(glob.glob(os.path.join(layout.path("lib.deps"), "*.jar")))
    except layout.MissingLayout as e:
        sys.exit("error: %s" % e)
    if not os.path.exists(jar) or not deps:
        sys.exit("error: build the library first (mvn -q package -DskipTests): %s or its runtime-deps missing" % jar)
    return os.pathsep.join([jar] + deps)


def code_cells(path, untouched_stubs):
    """(cell index in the notebook, source, stub exercise or None) for each code cell."""
    with open(path, encoding="utf-8") as f:
        nb = json.load(f)
    out = []
    for index, cell in enumerate(nb["cells"]):
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        stub = cell.get("metadata", {}).get("lif", {}).get("stub")
        if stub and untouched_stubs:
            source = "\n".join(x for x in source.split("\n")
                               if not x.strip().startswith("throw new UnsupportedOperationException("))
        out.append((index, source, stub))
    return out


def run(notebooks, untouched_stubs, java="java"):
    work = tempfile.mkdtemp(prefix="jshell-portability-")
    try:
        plan = {}
        for k, path in enumerate(notebooks):
            folder = os.path.join(work, "nb%02d" % k)
            os.makedirs(folder)
            cells = code_cells(path, untouched_stubs)
            plan["nb%02d" % k] = (path, cells)
            for n, (_, source, _) in enumerate(cells):
                with open(os.path.join(folder, "cell-%03d.java" % n), "w", encoding="utf-8") as f:
                    f.write(source)
        proc = subprocess.run([java, RUNNER, classpath()] + [os.path.join(work, d) for d in sorted(plan)],
                              capture_output=True, text=True)
        if proc.returncode != 0:
            print(proc.stdout[-2000:] + proc.stderr[-3000:], file=sys.stderr)
            raise SystemExit("error: JShellRun failed (exit %d)" % proc.returncode)
        results = []   # (notebook path, cell index, stub, ok, message, output lines)
        for line in proc.stdout.split("\n"):
            if line.startswith("CELL "):
                _, folder, n, status = line.split(" ", 3)
                path, cells = plan[folder]
                index, _, stub = cells[int(n)]
                ok = status == "OK"
                results.append([path, index, stub, ok, "" if ok else status[len("ERROR "):], []])
            elif line.startswith("OUT ") and results:
                results[-1][5].append(line[4:])
        expected = sum(len(cells) for _, cells in plan.values())
        if len(results) != expected:
            raise SystemExit("error: JShellRun reported %d cells, expected %d" % (len(results), expected))
        return results
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stubs", action="store_true", help="run the student notebooks' stubs untouched")
    parser.add_argument("notebooks", nargs="*", help="notebooks to run (default: see above)")
    args = parser.parse_args()
    if args.notebooks:
        notebooks = args.notebooks
    elif args.stubs:
        notebooks = sorted(glob.glob(os.path.join(NOTEBOOKS, "[0-9]*.ipynb")))
    else:
        notebooks = [os.path.join(NOTEBOOKS, "00-setup-check.ipynb")] + \
            sorted(glob.glob(os.path.join(NOTEBOOKS, "solutions", "*.ipynb")))
    if args.stubs:
        with_stubs = []
        for path in notebooks:
            if any(stub for _, _, stub in code_cells(path, True)):
                with_stubs.append(path)
        notebooks = with_stubs
    results = run(notebooks, args.stubs)
    errors = 0
    for path, index, stub, ok, message, _ in results:
        if ok:
            continue
        if args.stubs and stub:
            # an untouched stub may stop after its self-check (Exercise 6's figure has no series yet): the
            # learner sees the hint, then the error; what counts is the hint, checked below
            print("note  %s cell %d (%s, untouched): %s" % (os.path.relpath(path, ROOT), index, stub, message[:200]))
            continue
        errors += 1
        print("ERROR %s cell %d: %s" % (os.path.relpath(path, ROOT), index, message[:500]))
    if not args.stubs:
        print("jshell: %d cells run, %d errors" % (len(results), errors))
        return 1 if errors else 0
    checked, wrong = 0, 0
    for path, index, stub, ok, message, output in results:
        if not stub:
            continue
        checked += 1
        verdicts = [x for x in output if x.startswith(stub + ": ")]
        want = UNTOUCHED.get(stub)
        if want is None:
            wrong += 1
            print("WRONG %s: no expected hint in UNTOUCHED" % stub)
        elif not verdicts or not any(want in v for v in verdicts):
            wrong += 1
            print("WRONG %s (%s cell %d): expected a self-check line with %r, got %r"
                  % (stub, os.path.relpath(path, ROOT), index, want, verdicts or output[-3:]))
        else:
            print("ok    %s untouched: %s" % (stub, verdicts[0]))
    print("untouched stubs: %d checked, %d wrong; %d cells run, %d errors" % (checked, wrong, len(results), errors))
    return 1 if (wrong or errors or checked != len(UNTOUCHED)) else 0


if __name__ == "__main__":
    sys.exit(main())
