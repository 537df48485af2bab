"""Start to first result of two installed kernels, measured alternately on the same machine.

  python3 -m liftests.kernel.start_compare --cycles N NAME=JUPYTER_DATA_DIR NAME=JUPYTER_DATA_DIR

Each cycle starts the kernel ("lif-java" in that data folder's kernels/), runs one println cell, and stops
it; the two kernels take turns so machine load hits both alike. Prints median and worst per kernel and
their ratio. A report, not a test: bin/run-tests does not assert on it.
"""
import argparse
import statistics
import subprocess
import sys
import time

from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager

CODE = 'System.out.println("ready " + (20 * 2 + 2));'


def cycle(data_dir, timeout=120):
    ksm = KernelSpecManager(kernel_dirs=[data_dir + "/kernels"])
    km = KernelManager(kernel_name="lif-java", kernel_spec_manager=ksm)
    started = time.monotonic()
    km.start_kernel(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=timeout)
        msg_id = kc.execute(CODE)
        while True:
            msg = kc.get_iopub_msg(timeout=timeout)
            if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream" \
                    and "ready 42" in msg["content"]["text"]:
                return time.monotonic() - started
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cycles", type=int, default=10)
    parser.add_argument("kernels", nargs=2, metavar="NAME=DIR")
    args = parser.parse_args()
    kernels = [k.split("=", 1) for k in args.kernels]
    times = {name: [] for name, _ in kernels}
    for _ in range(args.cycles):
        for name, data_dir in kernels:
            times[name].append(cycle(data_dir))
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
