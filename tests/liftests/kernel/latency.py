"""Round trip of a cell, our kernel next to IPython's (ipykernel), in one run: a report, not a test.

  PYTHONPATH=tests python3 -m liftests.kernel.latency [--cold] [--warm-up 20] [--repeat 30] [--data-dir DIR]
      [--second-jdk]

Our kernel as installed in build/jupyter (or --data-dir; Java 17 here) and, with --second-jdk, as installed for the
second JDK (liftests.kernel.jdks: Java 25 here, always the current build), each next to IPython's kernel: start to
first result (a println cell, from starting the process to its reply and idle); then our kernel is left idle until
its javac warm-up is over (as while a learner reads the notebook's opening; --cold leaves this out), and three
cells -- a trivial expression, a println, a typical 5-line tutorial cell -- run --warm-up rounds (their own first
runs), then --repeat timed rounds, our kernel and IPython's taking turns so that a change of the machine's
load hits both alike (one pair at a time: two kernels on two cores, not three). Prints the median (and 90th
percentile) from execute_request to both execute_reply and idle; where our kernel's time goes (its own per-phase
times, the execute_reply's metadata "timing_ms", and the rest: ZeroMQ, JSON, signing, the Python client); and the
floor under it: JShell by itself in the same JVM, used as the kernel uses it, without the kernel
(lif.kernel.JShellAlone, from kernel/src/test).
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time
import unittest

from liftests import JUPYTER_DATA, ROOT, layout
from liftests.kernel.client import Kernel, first_result, kernel_name
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


def ms(seconds):
    return "%.1f" % (seconds * 1000)


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def take_turns(kernels, code, warm_up, repeat):
    """Runs the three cells on the started kernels ({name: Kernel}), taking turns: warm_up rounds, then repeat
    timed ones. code(name, cell) is the source a kernel runs for a cell of CELLS. Returns ({(name, c): [s]},
    {(name, c): {phase: [ms]}}), the phases from each reply's metadata (our kernel's timing_ms)."""
    times, phases = {}, {}
    for round in range(warm_up + repeat):
        for c, cell in enumerate(CELLS):
            for name, kernel in kernels.items():
                run = kernel.run(code(name, cell))
                if run.status != "ok":
                    raise RuntimeError("%s failed %r: %s" % (name, cell[0], run.error))
                if round >= warm_up:
                    times.setdefault((name, c), []).append(run.seconds)
                    for phase, value in (run.metadata.get("timing_ms") or {}).items():
                        phases.setdefault((name, c), {}).setdefault(phase, []).append(value)
    return times, phases


WARMUP_THREAD = "lif-javac-warmu"  # the kernel's "lif-javac-warmup", as Linux names it (15 characters)


def settle(kernel, limit=90.0):
    """Waits until our kernel's idle javac warm-up is over (its thread gone) and the process has been idle for a
    second (under 0.05 s of CPU time), as after a learner's first minute of reading; IPython's kernel only idles.
    Returns the seconds waited; raises if that took over `limit` (a busy machine keeps the warm-up waiting)."""
    start = time.monotonic()
    while time.monotonic() - start < limit:
        busy = kernel.cpu_growth(1.0)[0] >= 0.05
        if not busy and not any(name == WARMUP_THREAD for name, _ in kernel.threads_cpu_seconds().values()):
            return time.monotonic() - start
    raise RuntimeError("the kernel did not settle within %.0f s (machine busy?)" % limit)


def start_kernels(specs, settled=False):
    """{name: Kernel} for {name: Kernel arguments}, started one after the other (and, if settled, each left to
    settle() before the next starts: two javac warm-ups would each wait for the other to be quiet); stops the ones
    started if a later one fails."""
    started = {}
    try:
        for name, spec in specs.items():
            started[name] = Kernel(**spec)
            if settled:
                settle(started[name])
    except BaseException:
        for kernel in started.values():
            kernel.close()
        raise
    return started


def jshell_alone(data_dir, settled, warm_up, repeat):
    """JShell by itself in the kernelspec's JVM (java, options, class-data archive, classpath, environment), no
    kernel: lif.kernel.JShellAlone (kernel/src/test), after what the kernel's idle javac warm-up does if settled. Its
    JSON line, or a string saying why there is none."""
    classes = os.path.join(ROOT, "kernel", "target", "test-classes")
    built = os.path.join(classes, "lif", "kernel", "JShellAlone.class")
    source = os.path.join(ROOT, "kernel", "src", "test", "java", "lif", "kernel", "JShellAlone.java")
    if not os.path.isfile(built) or os.path.getmtime(built) < os.path.getmtime(source):
        return "kernel/target/test-classes has no current JShellAlone.class (mvn -pl kernel -am test-compile)"
    with open(os.path.join(data_dir or JUPYTER_DATA, "kernels", kernel_name(), "kernel.json")) as f:
        spec = json.load(f)
    argv = spec["argv"]
    cp = argv.index("-cp")
    command = argv[:cp] + ["-cp", argv[cp + 1] + os.pathsep + classes, "lif.kernel.JShellAlone",
                           "settled" if settled else "cold", str(warm_up), str(repeat), FIRST["ours"][0]] + [
        cell[1] for cell in CELLS]
    env = {**os.environ, **spec["env"], layout.get("kernel.env.warmup"): "0"}
    try:
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    except subprocess.TimeoutExpired:
        return "JShellAlone took over 600 s"
    if done.returncode != 0:
        return "JShellAlone failed: %s" % done.stderr.strip()[-500:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=30, help="timed rounds of the three cells")
    # the JIT compiles javac's hot paths over the first few hundred snippets: the kernel's own javac warm-up does that
    # while it is idle (a learner reading), which a tight loop of cells never leaves it
    parser.add_argument("--cold", action="store_true",
                        help="time the cells right after the first one, without letting our kernel settle first (its "
                             "idle javac warm-up over); use with --warm-up 60 or more")
    parser.add_argument("--warm-up", type=int, default=20, help="rounds of the three cells run before timing")
    parser.add_argument("--starts", type=int, default=3, help="kernel starts per kernel for start to first result")
    parser.add_argument("--data-dir", help="Jupyter data folder of our kernelspec (default: build/jupyter); the "
                                           "second JDK's is always build/jupyter-second-jdk")
    parser.add_argument("--second-jdk", action="store_true",
                        help="also our kernel on the second JDK (Java 21+, see liftests.kernel.jdks): a minute more")
    args = parser.parse_args(argv)
    kernels = {"ours": {"data_dir": args.data_dir} if args.data_dir else {}}
    if args.second_jdk:
        try:
            kernels["ours2"] = {"data_dir": second_jdk_kernel()}
        except (unittest.SkipTest, subprocess.CalledProcessError, OSError) as e:
            print("(our kernel on a second JDK left out: %s)" % e)
    kernels["IPython"] = {"name": "python3"}

    starts = {name: [] for name in kernels}
    for _ in range(args.starts):
        for name, spec in kernels.items():
            starts[name].append(first_result(*FIRST["IPython" if name == "IPython" else "ours"], **spec))

    ours = [name for name in kernels if name != "IPython"]
    times, phases, label, alone, settled = {}, {}, {"IPython": "IPython"}, {}, {}
    for name in ours:  # each of ours with IPython's, taking turns
        pair = start_kernels({name: kernels[name], "IPython": kernels["IPython"]})
        try:
            if not args.cold:
                first = pair[name].run(FIRST["ours"][0])
                if first.status != "ok":
                    raise RuntimeError("%s failed its first cell: %s" % (name, first.error))
                settled[name] = settle(pair[name])
            pair_times, pair_phases = take_turns(pair, lambda n, cell: cell[2] if n == "IPython" else cell[1],
                                                 args.warm_up, args.repeat)
            java = pair[name].result("System.getProperty(\"java.version\")").strip('"').split(".")[0]
        finally:
            for kernel in pair.values():
                kernel.close()
        label[name] = "Java " + java
        for (n, c), values in pair_times.items():
            times[name, n, c] = values
        for c in range(len(CELLS)):
            phases[name, c] = pair_phases.get((name, c), {})
        alone[name] = jshell_alone(kernels[name].get("data_dir"), not args.cold, args.warm_up, args.repeat)

    print("cell round trip (execute_request to reply and idle), median of %d after %s%d warm-up rounds, ms (p90); each"
          " of our kernels taking turns with IPython's:" % (args.repeat, "" if args.cold else (
              "our kernel settled (left idle until its javac warm-up was over, as while a learner reads: %s) and " %
              ", ".join("%.0f s" % settled[n] for n in ours)), args.warm_up))
    for name in ours:
        print("  %-22s %18s %18s %7s" % ("cell", "ours (%s)" % label[name], "IPython", "ratio"))
        for c, cell in enumerate(CELLS):
            a, b = times[name, name, c], times[name, "IPython", c]
            print("  %-22s %18s %18s %6.1fx" % (
                cell[0], "%s (%s)" % (ms(statistics.median(a)), ms(percentile(a, 0.9))),
                "%s (%s)" % (ms(statistics.median(b)), ms(percentile(b, 0.9))), statistics.median(a) / statistics.median(b)))
    print("start to first result, median of %d starts: %s" % (args.starts, ", ".join(
        "%s %.2f s" % ("IPython" if n == "IPython" else "ours (%s)" % label[n], statistics.median(starts[n]))
        for n in kernels)))
    print("where our kernel's time goes (medians, ms): before (the busy and execute_input messages), split into"
          " snippets, compile (JShell: javac, wrapping), load (with stop checks), run, render, cell (the rest of"
          " running it: threads, output, bookkeeping), after (result message, history); other = what these leave;"
          " outside = ZeroMQ, the Python client")
    for name in ours:
        for c, cell in enumerate(CELLS):
            if not phases[name, c]:
                continue
            samples = dict(phases[name, c])
            inside = samples.pop("total", None)
            med = {phase: statistics.median(values) for phase, values in samples.items()}
            # other and outside per round trip, then their medians (medians of parts do not add up to one of sums)
            rounds = range(len(times[name, name, c]))
            outside = [times[name, name, c][i] * 1000 - inside[i] for i in rounds] if inside else [0.0]
            other = [inside[i] - sum(v[i] for v in samples.values()) for i in rounds] if inside else [0.0]
            print("  %-8s %-22s %s, other %.1f; outside %.1f" % (
                label[name], cell[0], ", ".join("%s %.1f" % kv for kv in med.items()),
                statistics.median(other), statistics.median(outside)))
    print("the floor: JShell alone in the same JVM (java, options, archive, classpath), used as the kernel uses it"
          " (imports, expression variables dropped, unused classes forgotten) but without the kernel: no messages,"
          " snippets run on the calling thread (lif.kernel.JShellAlone); right after each kernel's run, %ssame rounds:"
          % ("" if args.cold else "after what the kernel's idle javac warm-up does, then the "))
    for name in ours:
        a = alone[name]
        if isinstance(a, str):
            print("  %-8s (none: %s)" % (label[name], a))
            continue
        print("  %-8s start: JVM %.2f s + JShell %.2f s + imports %.2f s + first cell %.2f s = %.2f s; %scells: %s ms" % (
            label[name], a["jvm_ms"] / 1000, a["jshell_ms"] / 1000, a["imports_ms"] / 1000,
            a["first_cell_ms"] / 1000, (a["jvm_ms"] + a["jshell_ms"] + a["imports_ms"] + a["first_cell_ms"]) / 1000,
            "" if args.cold else "warm-up %.0f s, " % a["settle_s"], " / ".join("%.1f" % v for v in a["cells_ms"])))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
