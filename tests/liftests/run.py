"""The whole test run, suite by suite (bin/run-tests installs Jupyter into build/venv, then launches this).

  python3 -m liftests [SUITE ...]      the default suites, in this order, or only those named

SUITES below is the one list of suites. Each runs as a process of its own, its output in build/logs/NAME.log; it
hands its counts back as a JSON file (liftests.results), or else passes or fails as a whole by its exit status.
Each suite prints a line "NAME  N passed, N failed"; the run ends with a table of the suites' counts and wall
times, and the last line "N passed, N failed" (", N skipped" when something was skipped). The exit status is 1 on
any failure. Executed notebooks, HTML exports, logs and screenshots land in build/.
"""
import collections
import glob
import os
import shutil
import subprocess
import sys
import time

from liftests import BUILD, DATA, LOGS, ROOT, module_env, results, surefire

COMMON = os.path.join(ROOT, "bin", "lib", "common.sh")
TIMING_NOTEBOOKS = [os.path.join(ROOT, "notebooks", "00-setup-check.ipynb")] + sorted(
    glob.glob(os.path.join(ROOT, "notebooks", "solutions", "*.ipynb")))


def unit():
    """mvn verify (unit tests and the Java format), counted from the Surefire reports; bin/lib/common.sh's mvn_run
    explains a failure."""
    for module_dir in ("lib", "kernel"):
        shutil.rmtree(os.path.join(ROOT, module_dir, "target", "surefire-reports"), ignore_errors=True)
    built = shell("mvn_run", "verify", "verify") == 0
    passed, failed, skipped = surefire.count(
        [os.path.join(ROOT, m, "target", "surefire-reports") for m in ("lib", "kernel")])
    return {"passed": passed, "failed": max(failed, 0 if built else 1), "skipped": skipped, "notes": [],
            "failures": [] if built else ["mvn verify failed: see build/logs/mvn-verify.log"]}


Suite = collections.namedtuple("Suite", "name text module command result echo report needs default")


def suite(name, text, module=None, command=None, result=None, echo=False, report=False, needs=(), default=True):
    """One entry of SUITES.

    module   a liftests module (with arguments) run as `python -m liftests.MODULE ARGS`; or
    command  any command, relative to the project root; or a function of this file returning a result dict
    result   where the suite writes its result file, if not where LIFTESTS_RESULT says
    echo     show the suite's output as it runs (else only its notes, and its log's end when it fails)
    report   a report, not a test: its output is shown and nothing is counted
    needs    what must be installed first: "kernel" (our kernelspec), "kernel-test" (jupyter_kernel_test),
             "browser" (Chromium, playwright-core, the classic Notebook), "root" (else the suite is skipped)
    default  part of a plain `bin/run-tests` (else it runs only when named)
    """
    return Suite(name, text, module, command, result, echo, report, tuple(needs), default)


NOTEBOOK_COPIES = os.path.join(BUILD, "test-notebooks")
SUITES = [
    suite("unit", "unit tests and the Java format (mvn verify)", command=unit),
    suite("sources", "the committed notebooks are what notebooks/src generates",
          command=[sys.executable, "bin/generate-notebooks", "--check"], echo=True),
    suite("notebooks", "every notebook through the Java kernel, on copies, checked against numpy references",
          module=["notebooks.execute", "--out", NOTEBOOK_COPIES], result=os.path.join(NOTEBOOK_COPIES, "results.json"),
          echo=True, needs=["kernel"]),
    suite("jshell", "every cell in the JDK's own JShell (IJava/JJava stand-in)",
          module=["notebooks.jshell_portability"]),
    suite("stubs", "every learner stub run untouched in JShell shows its hint",
          module=["notebooks.jshell_portability", "--stubs"]),
    suite("tools", "the test tools' own unit tests (liftests.selftest)", module=["selftest"]),
    suite("speed", "speed report: each notebook top to bottom, then each cell re-run (printed, not asserted)",
          module=["notebooks.timing", "--baseline", os.path.join(DATA, "timing-baseline.json"),
                  "--json", os.path.join(LOGS, "timing.json")] + TIMING_NOTEBOOKS, report=True, needs=["kernel"]),
    suite("speed-pauses", "the same, as a learner runs cells, 1 s apart (the kernel's warm-up runs in the pauses)",
          module=["notebooks.timing", "--pause", "1", "--baseline", os.path.join(DATA, "timing-baseline.json"),
                  "--json", os.path.join(LOGS, "timing-pauses.json")] + TIMING_NOTEBOOKS, report=True, needs=["kernel"],
          default=False),
    suite("kernel", "the kernel: conformance suite, interrupts, output floods, memory, life cycle",
          module=["kernel.behaviour"], needs=["kernel", "kernel-test"]),
    suite("latency", "report: a cell's round trip and start to first result, our kernel (Java 17) next to IPython's and"
                     " to JShell alone (kernel.latency --second-jdk adds Java 21+)",
          module=["kernel.latency"], report=True, needs=["kernel"]),
    suite("startup", "kernel start-up cycles through jupyter_client and a Notebook server (LIF_KERNEL_CYCLES)",
          module=["kernel.start_cycles", "--client", os.environ.get("LIF_KERNEL_CYCLES", "50 20").split()[0],
                  "--server", os.environ.get("LIF_KERNEL_CYCLES", "50 20").split()[-1]], echo=True, needs=["kernel"]),
    suite("browser", "JupyterLab, Notebook 7, the classic Notebook and exported HTML in headless Chromium",
          module=["browser"], needs=["kernel", "browser"]),
    suite("site", "the course site (build/site) from the executed notebooks, checked in headless Chromium",
          module=["site"], echo=True, needs=["kernel", "browser"]),
    suite("bundles", "report: the first figure of an exported HTML page, served plotly.js against the old 10.8 MB bundle",
          module=["bundles"], report=True, needs=["kernel", "browser"], default=False),
    suite("binder", "Binder rehearsal: fresh clone, binder/ as repo2docker uses it, JupyterLab offline (root)",
          command=["tests/binder/rehearse-binder"], echo=True, needs=["root", "browser"]),
]
BY_NAME = {s.name: s for s in SUITES}


class Tally:
    def __init__(self):
        self.rows = []  # (name, passed, failed, skipped, seconds)
        self.failures = []  # "suite: what failed", recalled at the end next to the table (CI shows a run's end)

    def record(self, name, passed, failed, skipped=0, seconds=0.0):
        self.rows.append((name, passed, failed, skipped, seconds))
        print("%-14s %d passed, %d failed%s" % (name, passed, failed, ", %d skipped" % skipped if skipped else ""),
              flush=True)

    def table(self):
        lines = ["%-14s %7s %7s %8s %8s" % ("suite", "passed", "failed", "skipped", "time")]
        for name, passed, failed, skipped, seconds in self.rows:
            lines.append("%-14s %7d %7d %8d %6.0f s" % (name, passed, failed, skipped, seconds))
        lines.append("%-14s %32.0f s" % ("all", sum(r[4] for r in self.rows)))
        return "\n".join(lines)

    def summary(self):
        passed, failed, skipped = (sum(r[k] for r in self.rows) for k in (1, 2, 3))
        return "%d passed, %d failed" % (passed, failed) + (", %d skipped" % skipped if skipped else "")


def say(text):
    print("==> " + text, file=sys.stderr, flush=True)


def shell(function, *args):
    """Runs one function of bin/lib/common.sh (the same build and install steps bin/ uses)."""
    return subprocess.call(["bash", "-c", 'source "$0" && "$@"', COMMON, function] + list(args))


def run(s):
    """Runs one suite; returns its result dict (see liftests.results), counted by exit status if it wrote none."""
    if callable(s.command):
        return s.command()
    log = os.path.join(LOGS, s.name + ".log")
    written = os.path.join(LOGS, s.name + ".result.json")
    result_file = s.result or written
    for stale in {written, result_file}:
        if os.path.exists(stale):
            os.remove(stale)
    env = module_env()
    env[results.ENV] = written
    argv = [sys.executable, "-m", "liftests." + s.module[0]] + s.module[1:] if s.module else list(s.command)
    with open(log, "w") as out:
        proc = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                errors="replace")
        for line in proc.stdout:
            out.write(line)
            out.flush()
            if s.echo or s.report:
                print(line, end="", flush=True)
        status = proc.wait()
    got = results.read(result_file)
    if got is None:
        got = {"passed": int(status == 0), "failed": int(status != 0), "skipped": 0, "notes": [], "failures": []}
    elif status != 0 and not got["failed"]:
        got["failed"] = 1
        got["failures"].append("exited with status %d" % status)
    if got["failed"] and not got["failures"] and not s.echo:
        with open(log, encoding="utf-8", errors="replace") as f:
            got["failures"] = ["(log) " + line.rstrip() for line in f.readlines()[-15:]]
    return got


def selected(args):
    """The suites to run, in the list's order: the default ones, or those named; a SystemExit naming unknown ones."""
    unknown = [a for a in args if a not in BY_NAME]
    if unknown:
        raise SystemExit("error: unknown suite %s (allowed: %s)" % (", ".join(unknown), ", ".join(BY_NAME)))
    return [s for s in SUITES if (s.name in args if args else s.default)]


def prepare(suites, built, tally):
    """Builds (unless mvn verify just did), and installs what the suites need; False when that failed."""
    needs = {n for s in suites for n in s.needs}
    steps = [] if built else [("build", ["build_if_needed"])]
    if "kernel" in needs:
        steps.append(("kernel install", ["install_kernel_if_needed", sys.executable]))
    if "kernel-test" in needs:
        steps.append(("kernel test suite", ["ensure_kernel_test", sys.executable]))
    if "browser" in needs:
        steps.append(("browser tools", ["ensure_browser_tools"]))
    for name, call in steps:
        if shell(*call) != 0:
            tally.record(name, 0, 1)
            return False
    return True


def timed(s, tally):
    """Runs one suite and records its counts and wall time; returns its result."""
    if "root" in s.needs and os.geteuid() != 0:
        print("%s: skipped: it needs root; CI runs it as root" % s.name)
        tally.record(s.name, 0, 0, 1)
        return None
    say("%s: %s (log: build/logs/%s.log)" % (s.name, s.text, "mvn-verify" if s.name == "unit" else s.name))
    started = time.monotonic()
    got = run(s)
    for line in got["notes"]:
        print(line)
    for line in got["failures"][:20] if got["failed"] else []:
        print("  " + line)
    passed, skipped = (0, 0) if s.report else (got["passed"], got["skipped"])
    tally.record(s.name, passed, got["failed"], skipped, time.monotonic() - started)
    if got["failed"]:
        tally.failures.extend("%s: %s" % (s.name, line[:400]) for line in got["failures"][:5])
    return got


def main(args):
    if args[:1] in (["-h"], ["--help"]):
        print(__doc__)
        for s in SUITES:
            print("  %-13s %s%s" % (s.name, s.text, "" if s.default else " [only when named]"))
        return 0
    suites = selected(args)
    os.makedirs(LOGS, exist_ok=True)
    tally = Tally()
    built = suites[0].name == "unit"
    if built:  # first, alone: nothing else is worth running on a broken build
        if timed(suites.pop(0), tally)["failed"]:
            print("error: the build or its tests failed; skipping the other suites", file=sys.stderr)
            print(tally.summary())
            return 1
    if prepare(suites, built, tally):
        for s in suites:
            timed(s, tally)
    if tally.failures:
        print("what failed (first lines of each failed suite; the suite's log has the rest):")
        for line in tally.failures:
            print("  " + line)
    print(tally.table())
    print(tally.summary())
    return 1 if any(r[2] for r in tally.rows) else 0
