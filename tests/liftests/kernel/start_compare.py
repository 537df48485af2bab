"""Start to first result of two installed kernels, measured alternately on the same machine.

  python3 -m liftests.kernel.start_compare --cycles N NAME=JUPYTER_DATA_DIR NAME=JUPYTER_DATA_DIR

Each cycle starts the kernel (ours, in that data folder's kernels/), runs one println cell, and stops it; the
two kernels take turns so machine load hits both alike. Prints median and worst per kernel and their ratio.
A report, not a test: bin/run-tests does not assert on it.
"""
import argparse
import statistics
import sys

from liftests.kernel.client import first_result

CODE = 'System.out.println("ready " + (20 * 2 + 2));'


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cycles", type=int, default=10)
    parser.add_argument("kernels", nargs=2, metavar="NAME=DIR")
    args = parser.parse_args()
    kernels = [k.split("=", 1) for k in args.kernels]
    times = {name: [] for name, _ in kernels}
    for _ in range(args.cycles):
        for name, data_dir in kernels:
            times[name].append(first_result(CODE, "ready 42", data_dir=data_dir))
    medians = {}
    for name, _ in kernels:
        medians[name] = statistics.median(times[name])
        print("%-10s start to first result: median %.2f s, worst %.2f s (%d cycles)"
              % (name, medians[name], max(times[name]), args.cycles))
    (a, _), (b, _) = kernels
    print("ratio %s / %s: %.2f" % (a, b, medians[a] / medians[b]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
