"""The whole test run, suite by suite (bin/run-tests installs what it needs, then launches this).

  python3 -m liftests [SUITE ...]      all suites, in this order, or only those named

Each suite prints a line "NAME  N passed, N failed"; the last line of the run is "N passed, N failed"
(", N skipped" when something was skipped) and the exit status is 1 on any failure. Logs, executed
notebooks, HTML exports and screenshots land in build/.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import time

from liftests import BUILD, DATA, LOGS, ROOT, browser, module_env, site, surefire

COMMON = os.path.join(ROOT, "bin", "lib", "common.sh")

SUITES = {
    "unit": "unit tests and the Java format (mvn verify)",
    "sources": "the committed notebooks are what notebooks/src generates",
    "notebooks": "every notebook through the Java kernel, on copies, checked against numpy references",
    "jshell": "every cell in the JDK's own JShell (IJava/JJava stand-in), and every stub run untouched",
    "tools": "the test tools' own unit tests (liftests.selftest)",
    "speed": "speed report: each notebook top to bottom, then each cell re-run (printed, not asserted)",
    "kernel": "the kernel: conformance suite, interrupts, output floods, memory, life cycle",
    "startup": "kernel start-up cycles through jupyter_client and a Notebook server (LIF_KERNEL_CYCLES)",
    "browser": "plots in headless Chromium: the live Notebook, then the exported HTML",
    "site": "the course site (build/site) from the executed notebooks, checked in headless Chromium",
    "binder": "Binder rehearsal: fresh clone, binder/postBuild as a non-root user, network cut off (root)",
}


class Tally:
    def __init__(self):
        self.passed = self.failed = self.skipped = 0

    def record(self, name, passed, failed, skipped=0):
        self.passed += passed
        self.failed += failed
        self.skipped += skipped
        print("%-28s %d passed, %d failed" % (name, passed, failed), flush=True)

    def summary(self):
        line = "%d passed, %d failed" % (self.passed, self.failed)
        return line + (", %d skipped" % self.skipped if self.skipped else "")


def say(text):
    print("==> " + text, file=sys.stderr, flush=True)


def shell(function, *args):
    """Runs one function of bin/lib/common.sh (the same build and install steps bin/ uses)."""
    return subprocess.call(["bash", "-c", 'source "$0" && "$@"', COMMON, function] + list(args))


def module(name, *args, stdout=None, stderr=None):
    """Runs `python -m liftests.<name> args`; returns its exit status."""
    return subprocess.call([sys.executable, "-m", "liftests." + name] + list(args), cwd=ROOT, env=module_env(),
                           stdout=stdout, stderr=stderr)


def logged(name, log, *args):
    """module() with stdout and stderr in build/logs/<log>; returns (status, the log's lines)."""
    path = os.path.join(LOGS, log)
    with open(path, "w") as out:
        status = module(name, *args, stdout=out, stderr=subprocess.STDOUT)
    with open(path, encoding="utf-8", errors="replace") as f:
        return status, f.read().splitlines()


def parse_counts(line, with_skipped=False):
    """(passed, failed[, skipped]) from a line "N passed, N failed[, N skipped]", or None."""
    m = re.fullmatch(r"\s*(\d+) passed, (\d+) failed(?:, (\d+) skipped)?\s*", line or "")
    if not m:
        return None
    counts = (int(m.group(1)), int(m.group(2)), int(m.group(3) or 0))
    return counts if with_skipped else counts[:2]


def unit(tally):
    for module_dir in ("lib", "kernel"):
        shutil.rmtree(os.path.join(ROOT, module_dir, "target", "surefire-reports"), ignore_errors=True)
    log = os.path.join(LOGS, "mvn-verify.log")
    with open(log, "w") as out:
        built = subprocess.call(["mvn", "-B", "verify"], cwd=ROOT, stdout=out, stderr=subprocess.STDOUT) == 0
    if not built:
        text = open(log, encoding="utf-8", errors="replace").read()
        for line in [line for line in text.splitlines() if line.startswith("[ERROR]")][:20]:
            print(line)
        if re.search(r"Could not (transfer|resolve)", text):
            print("error: Maven could not download what the build needs (no network?); the first build needs "
                  "Maven Central", file=sys.stderr)
        if "spotless" in text and "violations" in text:
            print("error: Java files differ from the project's format: run mvn spotless:apply", file=sys.stderr)
    passed, failed, skipped = surefire.count(
        [os.path.join(ROOT, m, "target", "surefire-reports") for m in ("lib", "kernel")])
    tally.record("unit tests", passed, max(failed, 0 if built else 1), skipped)
    return built


def sources(tally):
    ok = subprocess.call([sys.executable, os.path.join(ROOT, "bin", "generate-notebooks"), "--check"]) == 0
    tally.record("notebook sources", int(ok), int(not ok))


def notebooks(tally):
    out = os.path.join(BUILD, "test-notebooks")
    shutil.rmtree(out, ignore_errors=True)
    module("notebooks.execute", "--out", out)
    try:
        with open(os.path.join(out, "results.json")) as f:
            results = json.load(f)
        tally.record("notebooks", results["passed"], results["failed"])
    except (OSError, ValueError, KeyError):
        tally.record("notebooks", 0, 1)


def jshell(tally):
    for name, log, args in (("jshell portability", "jshell-portability.log", ()),
                            ("untouched stub hints", "untouched-stubs.log", ("--stubs",))):
        status, lines = logged("notebooks.jshell_portability", log, *args)
        if status == 0:
            print(lines[-1] if lines else "")
        else:
            for line in [line for line in lines if not line.startswith("ok")][-15:]:
                print(line)
        tally.record(name, int(status == 0), int(status != 0))


def tools(tally):
    status, lines = logged("selftest", "test-tools.log")
    counts = parse_counts(lines[-1] if lines else "")
    if status != 0:
        for line in lines[-15:]:
            print(line)
    if counts is None or (status != 0 and counts[1] == 0):
        counts = (0, 1)
    tally.record("test tools", *counts)


def speed(tally):
    notebooks = [os.path.join(ROOT, "notebooks", "00-setup-check.ipynb")] + sorted(
        os.path.join(ROOT, "notebooks", "solutions", f)
        for f in os.listdir(os.path.join(ROOT, "notebooks", "solutions")) if f.endswith(".ipynb"))
    baseline = os.path.join(DATA, "timing-baseline.json")
    for title, name, pause in (("right after Run All (the kernel's javac warm-up has had no idle time):", "timing", []),
                               ("as a learner runs cells, 1 s apart (the warm-up runs in the pauses):",
                                "timing-pauses", ["--pause", "1"])):
        print(title, flush=True)
        status, lines = logged("notebooks.timing", name + ".log", *pause, "--baseline", baseline,
                               "--json", os.path.join(LOGS, name + ".json"), *notebooks)
        for line in lines:
            if "re-runs over" not in line:
                print(line)
    # a report: nothing recorded


KERNEL_FIGURES = re.compile(r"^(interrupt|20 interrupts|Java [0-9]+:|200,000|next cell|kernel heap|heap committed|"
                            r"OutOfMemory|StackOverflow|System.exit|parent killed)")


def kernel(tally):
    with open(os.path.join(LOGS, "kernel-tests.out"), "w") as out, \
            open(os.path.join(LOGS, "kernel-tests.err"), "w") as err:
        module("kernel.behaviour", stdout=out, stderr=err)
    for line in open(os.path.join(LOGS, "kernel-tests.err"), encoding="utf-8", errors="replace"):
        if KERNEL_FIGURES.match(line) and not line.startswith(("lif-kernel", "late line")):
            print(line.rstrip())
    lines = open(os.path.join(LOGS, "kernel-tests.out"), encoding="utf-8", errors="replace").read().splitlines()
    counts = parse_counts(lines[-1] if lines else "", with_skipped=True) or (0, 1, 0)
    if counts[1]:
        for line in [line for line in lines if line.startswith(("FAIL:", "ERROR:"))][:20]:
            print(line)
    # skips: the suite's pager test (no pager payloads); the Java 20+ test where no such JDK is installed
    tally.record("kernel behaviour", *counts)


def startup(tally):
    client, server = (os.environ.get("LIF_KERNEL_CYCLES") or "50 20").split()
    say("kernel start-up: %s cycles through jupyter_client, %s through the Notebook server" % (client, server))
    ok = module("kernel.start_cycles", "--client", client, "--server", server) == 0
    tally.record("kernel start-up cycles", int(ok), int(not ok))


def browser_suite(tally):
    tally.record("browser (live + HTML)", *browser.run())


def binder(tally):
    if os.geteuid() != 0:
        print("skipped: the Binder rehearsal needs root (it adds a user and cuts the network); CI runs it as root")
        tally.record("binder rehearsal", 0, 0, 1)
        return
    log = os.path.join(LOGS, "binder-rehearsal.log")
    with open(log, "w") as out:
        ok = subprocess.call([os.path.join(ROOT, "tests", "binder", "rehearse-binder")], stdout=out,
                             stderr=subprocess.STDOUT) == 0
    if not ok:
        for line in open(log, encoding="utf-8", errors="replace").read().splitlines()[-20:]:
            print(line)
    tally.record("binder rehearsal", int(ok), int(not ok))


STEPS = {"sources": sources, "notebooks": notebooks, "jshell": jshell, "tools": tools, "speed": speed,
         "kernel": kernel, "startup": startup, "browser": browser_suite, "site": site.suite, "binder": binder}


def selected(args):
    """The suites to run, in the run's order; a SystemExit naming the unknown ones."""
    unknown = [a for a in args if a not in SUITES]
    if unknown:
        raise SystemExit("error: unknown suite %s (allowed: %s)" % (", ".join(unknown), ", ".join(SUITES)))
    return [s for s in SUITES if not args or s in args]


def main(args):
    if args[:1] in (["-h"], ["--help"]):
        print(__doc__)
        for name, text in SUITES.items():
            print("  %-10s %s" % (name, text))
        return 0
    suites = selected(args)
    os.makedirs(LOGS, exist_ok=True)
    started = time.monotonic()
    tally = Tally()
    if "unit" in suites:
        say("unit tests and the Java format (mvn verify; log: build/logs/mvn-verify.log)")
        if not unit(tally):
            print("error: the build failed; skipping the other suites (see build/logs/mvn-verify.log)",
                  file=sys.stderr)
            print(tally.summary())
            return 1
    elif shell("build_if_needed") != 0:
        tally.record("build", 0, 1)
        print(tally.summary())
        return 1
    if any(s not in ("unit", "sources", "jshell", "tools", "binder") for s in suites) \
            and shell("install_kernel_if_needed", sys.executable) != 0:
        tally.record("kernel install", 0, 1)
        print(tally.summary())
        return 1
    for name in suites:
        if name != "unit":
            say("%s: %s" % (name, SUITES[name]))
            STEPS[name](tally)
    print("tests took %d s" % (time.monotonic() - started))
    print(tally.summary())
    return 1 if tally.failed else 0
