"""Round trip of a cell, our kernel next to IPython's (ipykernel), in one run: a report, not a test.

  PYTHONPATH=tests python3 -m liftests.kernel.latency [--repeat 30] [--data-dir DIR]

For each kernel: start to first result (a println cell, from starting the process to its reply and idle),
then three cells -- a trivial expression, a println, a typical 5-line tutorial cell -- each run --warm-up
times (the JVM's JIT compiles javac meanwhile), then --repeat times, the two kernels and the three cells taking turns so that a change of the
machine's load hits all alike. Prints the median (and 90th percentile) from execute_request to both
execute_reply and idle, and, for our kernel, where its time goes: the kernel's own per-phase times (the
execute_reply's metadata "timing_ms") and the rest (ZeroMQ, JSON, signing, the Python client).
"""
import argparse
import statistics
import sys
import unittest

from liftests.kernel.client import Kernel, first_result
from liftests.kernel.jdks import second_jdk_kernel

CELLS = [  # (what, ours, IPython's)
    ("1 + 1", "1 + 1", "1 + 1"),
    ("println", 'System.out.println("x");', 'print("x")'),
    ("5-line tutorial cell",
     "double tMax = 150e-3;   // s\n"
     "double dt = 1e-3;       // s\n"
     "int stepEnd = (int) (tMax / dt);\n"
     "double v = -60e-3;      // V\n"
     "for (int step = 0; step < stepEnd; step++) { v = v + dt / 20e-3 * (-60e-3 - v + 100e6 * 25e-11); }",
     "t_max = 150e-3   # s\n"
     "dt = 1e-3        # s\n"
     "step_end = int(t_max / dt)\n"
     "v = -60e-3       # V\n"
     "for step in range(step_end): v = v + dt / 20e-3 * (-60e-3 - v + 100e6 * 25e-11)"),
]
FIRST = {"ours": ('System.out.println("ready " + (20 * 2 + 2));', "ready 42"),
         "IPython": ('print("ready", 20 * 2 + 2)', "ready 42")}
FIRST["ours2"] = FIRST["ours"]


def ms(seconds):
    return "%.1f" % (seconds * 1000)


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=30)
    # the JIT compiles javac's hot paths over the first few hundred snippets (the kernel's own javac warm-up does
    # the same in idle time, which a tight loop of cells never leaves it)
    parser.add_argument("--warm-up", type=int, default=60, help="rounds of the three cells run before timing")
    parser.add_argument("--starts", type=int, default=3, help="kernel starts per kernel for start to first result")
    parser.add_argument("--data-dir", help="Jupyter data folder of our kernelspec (default: build/jupyter)")
    parser.add_argument("--no-second-jdk", action="store_true",
                        help="leave out our kernel on the second JDK (Java 21+, see liftests.kernel.behaviour)")
    args = parser.parse_args(argv)
    kernels = {"ours": {"data_dir": args.data_dir} if args.data_dir else {}}
    if not args.no_second_jdk:
        try:
            kernels["ours2"] = {"data_dir": second_jdk_kernel()}
        except unittest.SkipTest as e:
            print("(no second JDK: %s)" % e)
    kernels["IPython"] = {"name": "python3"}

    starts = {name: [] for name in kernels}
    for _ in range(args.starts):
        for name, spec in kernels.items():
            starts[name].append(first_result(*FIRST[name], **spec))

    open_kernels = {name: Kernel(**spec) for name, spec in kernels.items()}
    times = {(name, c): [] for name in kernels for c in range(len(CELLS))}
    phases = {(name, c): {} for name in kernels for c in range(len(CELLS))}
    javas = {}
    try:
        for round in range(args.warm_up + args.repeat):
            for c, cell in enumerate(CELLS):
                for name, kernel in open_kernels.items():
                    run = kernel.run(cell[2] if name == "IPython" else cell[1])
                    if run.status != "ok":
                        raise RuntimeError("%s failed %r: %s" % (name, cell[0], run.error))
                    if round >= args.warm_up:
                        times[name, c].append(run.seconds)
                        for phase, value in (run.metadata.get("timing_ms") or {}).items():
                            phases[name, c].setdefault(phase, []).append(value)
        for name, kernel in open_kernels.items():
            if name != "IPython":
                javas[name] = "ours (Java %s)" % kernel.result("System.getProperty(\"java.version\")").strip('"').split(".")[0]
    finally:
        for kernel in open_kernels.values():
            kernel.close()
    label = dict(javas, IPython="IPython")

    print("cell round trip (execute_request to reply and idle), median of %d after %d warm-up runs, ms (p90):"
          % (args.repeat, args.warm_up))
    print("  %-22s" % "cell" + "".join("%22s" % label[n] for n in kernels) + "".join(
        "  %s/IPython" % label[n].split("(")[1].rstrip(")") for n in javas))
    for c, cell in enumerate(CELLS):
        row = "  %-22s" % cell[0]
        for name in kernels:
            row += "%22s" % ("%s (%s)" % (ms(statistics.median(times[name, c])), ms(percentile(times[name, c], 0.9))))
        for name in javas:
            row += "  %10.1fx" % (statistics.median(times[name, c]) / statistics.median(times["IPython", c]))
        print(row)
    print("start to first result, median of %d starts: %s" % (args.starts, ", ".join(
        "%s %.2f s" % (label[n], statistics.median(starts[n])) for n in kernels)))
    print("where our kernel's time goes (medians, ms): split into snippets, compile (JShell: javac, wrapping),"
          " load (with stop checks), run, render; other = the rest of the kernel's handling (its messages, the"
          " cell's set-up); outside = ZeroMQ, the Python client")
    for name in javas:
        for c, cell in enumerate(CELLS):
            if not phases[name, c]:
                continue
            med = {phase: statistics.median(values) for phase, values in phases[name, c].items()}
            total = statistics.median(times[name, c]) * 1000
            inside = med.pop("total", sum(med.values()))
            print("  %-8s %-22s %s, other %.1f; outside %.1f" % (
                label[name].split("(")[1].rstrip(")"), cell[0], ", ".join("%s %.1f" % kv for kv in med.items()),
                inside - sum(med.values()), total - inside))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
