"""Benchmark of the kernel's background javac warm-up (kernel/README.md): starts the installed kernel
with the warm-up on and off, lets it sit idle, then times a 6-statement cell 5 times; prints medians and
their ratio. Reports only. Run with the python that has jupyter_client, after bin/install-kernel:

  PYTHONPATH=tests build/venv/bin/python -m liftests.kernel.warmup_effect [IDLE_SECONDS]     (default 25)
"""
import statistics
import sys
import time

from liftests import layout
from liftests.kernel.client import Kernel

CELL = """double tMax = 0.150;
double dt = 0.001;
int stepEnd = (int) (tMax / dt);
double[] ts = new double[stepEnd];
for (int s = 0; s < stepEnd; s++) { ts[s] = s * dt; }
String line = String.format("%.3f", ts[1]);
"""


def median_cell_time(warmup_seconds, idle):
    with Kernel(env={layout.get("kernel.env.warmup"): warmup_seconds}) as k:
        k.run("int first = 0;")
        time.sleep(idle)
        return statistics.median(k.run(CELL).seconds for _ in range(5))


def main():
    idle = float(sys.argv[1]) if len(sys.argv) > 1 else 25.0
    off = median_cell_time("0", idle)
    on = median_cell_time("25", idle)
    print("6-statement cell after %g s idle: warm-up off %.3f s, on %.3f s (%.2fx faster)" % (idle, off, on, off / on))


if __name__ == "__main__":
    main()
