"""Cell round trip of installed kernels, taking turns on the same machine: a report, not a test.

  PYTHONPATH=tests python3 -m liftests.kernel.latency_compare [--settle] [--warm-up 60] [--repeat 30] NAME=DIR...

The three cells of liftests.kernel.latency, each kernel (ours, in that data folder's kernels/) running them in turn
so that machine load hits all alike: --warm-up rounds, then --repeat timed ones. Prints, per cell and kernel, the
median round trip (execute_request to reply and idle) and the kernel's own per-phase medians (timing_ms). For a
change of the kernel: install the version before it into another folder (bin/install-kernel --data-dir DIR from a
checkout of it) and compare it with build/jupyter.
"""
import argparse
import statistics
import sys

from liftests.kernel.latency import CELLS, start_kernels, take_turns


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--warm-up", type=int, default=60, help="rounds of the three cells run before timing")
    parser.add_argument("--repeat", type=int, default=30, help="timed rounds of the three cells")
    parser.add_argument("--settle", action="store_true",
                        help="let each kernel settle first (its idle javac warm-up over, as for a learner reading)")
    parser.add_argument("kernels", nargs="+", metavar="NAME=DIR")
    args = parser.parse_args(argv)
    specs = {}
    for k in args.kernels:
        name, sep, data_dir = k.partition("=")
        if not sep or not name or name in specs:
            parser.error("each kernel is NAME=JUPYTER_DATA_DIR, each NAME once: %r" % k)
        specs[name] = {"data_dir": data_dir}
    kernels = start_kernels(specs, settled=args.settle)
    try:
        times, phases = take_turns(kernels, lambda name, cell: cell[1], args.warm_up, args.repeat)
    finally:
        for kernel in kernels.values():
            kernel.close()
    print("cell round trip, median of %d after %s%d warm-up rounds, kernels taking turns, ms (the kernel's own phases):"
          % (args.repeat, "settling, then " if args.settle else "", args.warm_up))
    for c, cell in enumerate(CELLS):
        for name in kernels:
            own = ", ".join("%s %.1f" % (p, statistics.median(v)) for p, v in phases.get((name, c), {}).items())
            print("  %-22s %-8s %6.1f  (%s)" % (cell[0], name, statistics.median(times[name, c]) * 1000, own))
    return 0


if __name__ == "__main__":
    sys.exit(main())
