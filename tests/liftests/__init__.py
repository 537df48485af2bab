"""The project's test tools, one package (run everything with bin/run-tests, which launches `python3 -m liftests`).

  liftests.run                     the whole run: the one list of suites, their counts and times
  liftests.results                 a suite's counts handed to liftests.run as a JSON file
  liftests.surefire                sums Maven Surefire reports
  liftests.html_export             an executed notebook as HTML whose plots draw offline
  liftests.browser                 JupyterLab, Notebook 7, classic Notebook, HTML in headless Chromium (tests/browser)
  liftests.bundles                 report: exported HTML with the served plotly.js against the old bundle
  liftests.binder                  the Python half of the Binder rehearsal (tests/binder/rehearse-binder)
  liftests.notebooks.execute       every notebook through the Java kernel, on copies, with its checks
  liftests.notebooks.checks        what a cell's metadata asks: sample output, numpy reference figure, image
  liftests.notebooks.images        the notebooks' PNG figures, drawn in Chromium (bin/generate-notebooks --images)
  liftests.notebooks.jshell_portability   every notebook cell in the JDK's own JShell
  liftests.notebooks.timing        the speed report (printed, not asserted)
  liftests.kernel.client           one Jupyter client of our kernel: start, run a cell, interrupt, stop
  liftests.kernel.behaviour        the kernel: conformance suite, interrupts, floods, memory, life cycle
  liftests.kernel.latency          report: a cell's round trip and start to first result, next to IPython's kernel
                                   and JShell alone; latency_compare: installed kernels taking turns (report)
  liftests.kernel.jdks             the second JDK the kernel is tested on, and the kernel installed for it
  liftests.kernel.start_cycles     kernel start-up reliability; start_compare and warmup_effect: reports
  liftests.site                    the course site (build/site) built and checked in Chromium (tests/site)
  liftests.selftest                the tools' own unit tests (python3 -m unittest discover -s tests/liftests/selftest)

Each tool runs as `PYTHONPATH=tests build/venv/bin/python -m liftests.<module> ...` (the venv bin/run-tests makes
from binder/requirements.txt). Data they compare against stays in tests/notebooks/ (numpy references, sample
outputs, the timing baseline); results go to build/.
"""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUILD = os.path.join(ROOT, "build")
LOGS = os.path.join(BUILD, "logs")
JUPYTER_DATA = os.path.join(BUILD, "jupyter")  # bin/start-notebooks and the tests install the kernel here
DATA = os.path.join(ROOT, "tests", "notebooks")

sys.path.insert(0, os.path.join(ROOT, "bin", "lib"))
import layout  # noqa: E402,F401  bin/lib/layout.py: versions and built files, from target/layout.properties


def jupyter_path():
    """JUPYTER_PATH with the project-local kernelspec first, then the caller's."""
    return os.pathsep.join(p for p in (JUPYTER_DATA, os.environ.get("JUPYTER_PATH")) if p)


def extract_plotly(target):
    """Copies the pinned plotly.js out of the built lif jar (lib/pom.xml packs it) to target, with the jar's own
    lif.plot.PlotlyJs (as bin/install-kernel does); returns target."""
    import subprocess

    jar = layout.path("lib.jar")
    if not os.path.isfile(jar):
        raise FileNotFoundError(jar)
    subprocess.run(["java", "-cp", jar, "lif.plot.PlotlyJs", "--to", target], check=True, stdout=subprocess.DEVNULL)
    return target


def module_env(env=None):
    """An environment in which `python3 -m liftests.<module>` finds this package."""
    env = dict(os.environ if env is None else env)
    tests = os.path.join(ROOT, "tests")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (tests, env.get("PYTHONPATH")) if p)
    return env
