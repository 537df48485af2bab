"""The second JDK our kernel is tested on (Java 21+: Temurin 25 on these machines), and our kernel installed for it
from the same build: the kernel suite and the latency report share it."""
import glob
import os
import subprocess
import sys
import time
import unittest

from liftests import ROOT, layout
from liftests.kernel.client import kernel_name

SECOND_JDK_DATA = os.path.join(ROOT, "build", "jupyter-second-jdk")


def second_jdk():
    """JAVA_HOME of the newest JDK 21+ under /usr/lib/jvm (LIF_SECOND_JDK overrides), or None."""
    if os.environ.get("LIF_SECOND_JDK"):
        return os.environ["LIF_SECOND_JDK"]
    best = (0, None)
    for home in sorted(glob.glob("/usr/lib/jvm/*")):
        java = os.path.join(home, "bin", "java")
        if os.path.islink(home) or not os.path.isfile(java):
            continue
        shown = subprocess.run([java, "-XshowSettings:properties", "-version"], capture_output=True, text=True)
        for line in shown.stderr.splitlines():
            if line.strip().startswith("java.specification.version ="):
                feature = int(line.split("=")[1].strip().split(".")[0])
                best = max(best, (feature, home)) if feature >= 21 else best
    return best[1]


def second_jdk_kernel():
    """The Jupyter data folder of our kernel installed for the second JDK (installed again when the build or
    bin/install-kernel is newer); raises SkipTest where no JDK 21+ is installed."""
    home = second_jdk()
    if home is None:
        raise unittest.SkipTest("no JDK 21+ under /usr/lib/jvm (set LIF_SECOND_JDK to one)")
    spec = os.path.join(SECOND_JDK_DATA, "kernels", kernel_name(), "kernel.json")
    sources = [layout.path("lib.jar"), layout.path("kernel.jar"), layout.path("kernel.init"),
               layout.path("kernel.jit.directives"),
               os.path.join(ROOT, "bin", "install-kernel")]
    if not os.path.isfile(spec) or any(os.path.getmtime(f) > os.path.getmtime(spec) for f in sources) \
            or home not in open(spec).read():
        started = time.monotonic()
        subprocess.run([sys.executable, os.path.join(ROOT, "bin", "install-kernel"), "--data-dir", SECOND_JDK_DATA],
                       env=dict(os.environ, JAVA_HOME=home), check=True, stderr=subprocess.DEVNULL)
        print("kernel installed for %s in %.1f s" % (home, time.monotonic() - started), file=sys.stderr, flush=True)
    return SECOND_JDK_DATA
