"""Times notebooks through the Java kernel: kernel start, the whole notebook top to bottom, then a re-run
of each code cell (the slowest re-run is the one to watch).

  PYTHONPATH=tests python3 -m liftests.notebooks.timing [--repeat K] NOTEBOOK...
      (with the python that has jupyter_client: build/venv/bin/python)

With --repeat K every cell is re-run K times; each cell's slowest re-run above 0.3 s is listed.
With --baseline FILE each line also shows the last release's figures for the same notebook and pause
(tests/notebooks/timing-baseline.json: measured once with the release before, kept as data); --json FILE
writes this run's figures in that file's format.
With --pause S the script waits S seconds after the kernel is up and S seconds between cells, as a
learner who reads before running does (the kernel's background warm-up runs in such pauses).
A last line sums up: the slowest top-to-bottom run and the slowest single-cell re-run over all notebooks.
It reports; it asserts nothing (timings on a shared machine vary by 2x).
"""
import json
import os
import sys
import time

import nbformat

from liftests.kernel.client import Kernel


def main(args):
    repeat, pause, baseline, out = 1, 0.0, None, None
    while args[:1] in (["--repeat"], ["--pause"], ["--baseline"], ["--json"]):
        if args[0] == "--repeat":
            repeat = int(args[1])
        elif args[0] == "--pause":
            pause = float(args[1])
        elif args[0] == "--baseline":
            with open(args[1]) as f:
                baseline = json.load(f)
        else:
            out = args[1]
        args = args[2:]
    figures = {}
    key = "pause %g s" % pause
    worst_all, worst_rerun = (0.0, ""), (0.0, "")
    for path in args:
        nb = nbformat.read(path, as_version=4)
        cells = [c for c in nb.cells if c.cell_type == "code"]
        with Kernel() as kernel:
            up = time.monotonic() - kernel.started
            total = 0.0
            for c in cells:
                time.sleep(pause)
                total += kernel.run(c.source, timeout=120).seconds
            reruns = []
            for k, c in enumerate(cells):
                time.sleep(pause)
                reruns.append((max(kernel.run(c.source, timeout=120).seconds for _ in range(repeat)), k))
            worst, index = max(reruns)
            name = os.path.basename(path)
            before = ((baseline or {}).get(key) or {}).get(name)
            then = ("; last release: start %.2f s, all %.2f s, slowest re-run %.3f s"
                    % (before["start"], before["all"], before["slowest_rerun"])) if before else ""
            print("%s%s: kernel start %.2f s, all %d cells %.2f s, slowest re-run %.3f s (code cell %d)%s"
                  % (os.path.relpath(path), " (pauses %g s)" % pause if pause else "", up, len(cells), total, worst,
                     index, then), flush=True)
            figures[name] = {"start": round(up, 3), "all": round(total, 3), "slowest_rerun": round(worst, 3)}
            worst_all = max(worst_all, (total, name))
            worst_rerun = max(worst_rerun, (worst, "%s code cell %d" % (name, index)))
            slow = ["cell %d %.3f s" % (k, t) for t, k in reruns if t > 0.3]
            if slow:
                print("    re-runs over 0.3 s: " + ", ".join(slow), flush=True)
    if out:
        with open(out, "w") as f:
            json.dump({key: figures}, f, indent=1)
    if len(args) > 1:
        print("summary%s: slowest top to bottom %.2f s (%s); slowest single-cell re-run %.3f s (%s)"
              % (" (pauses %g s)" % pause if pause else "", worst_all[0], worst_all[1], worst_rerun[0],
                 worst_rerun[1]), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
