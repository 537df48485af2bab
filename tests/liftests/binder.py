"""The Python half of the Binder rehearsal (tests/binder/rehearse-binder runs the rest as root).

  python -m liftests.binder versions REQUIREMENTS PYTHON...
      every pin of REQUIREMENTS installed at its version in each PYTHON's environment, and nothing else there;
      exit 1 naming each difference
  python -m liftests.binder lab URL TOKEN ROOT
      the notebook the README's Binder badge opens (its labpath), opened in the JupyterLab at URL serving ROOT, Run All
      from the menu in headless Chromium (tests/browser/run.mjs), every figure drawn; exit 1 on a failed check
"""
import os
import re
import subprocess
import sys
import urllib.parse

from liftests import BUILD, ROOT, browser

BADGE = re.compile(r"mybinder\.org/v2/[^)\s]*[?&]labpath=([^)&\s]+)")


def labpath(readme=os.path.join(ROOT, "README.md")):
    """The path the README's Binder badge opens in JupyterLab, relative to the repository root."""
    with open(readme, encoding="utf-8") as f:
        m = BADGE.search(f.read())
    if not m:
        raise ValueError("README.md has no Binder badge with a labpath")
    return urllib.parse.unquote(m.group(1))


def canonical(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(lines):
    """{name: version} of the `name==version` lines (comments and blank lines skipped); a ValueError on others."""
    out = {}
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        m = re.fullmatch(r"([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;]+)", line)
        if not m:
            raise ValueError("not a pin (name==version): %r" % line)
        out[canonical(m.group(1))] = m.group(2)
    return out


def differences(wanted, installed, where):
    """Lines naming each pin missing or at another version in `installed`, and each package it has unpinned."""
    lines = []
    for name, version in sorted(wanted.items()):
        if installed.get(name) != version:
            lines.append("%s: %s %s, binder/requirements.txt pins %s" % (
                where, name, installed.get(name, "not installed"), version))
    lines += ["%s: %s %s is installed, binder/requirements.txt does not name it" % (where, name, installed[name])
              for name in sorted(set(installed) - set(wanted))]
    return lines


def versions(requirements, pythons):
    with open(requirements, encoding="utf-8") as f:
        wanted = pins(f)
    problems = []
    for python in pythons:
        frozen = subprocess.run([python, "-m", "pip", "freeze", "--disable-pip-version-check"], capture_output=True,
                                text=True, check=True).stdout.splitlines()
        problems += differences(wanted, pins(frozen), python)
    for line in problems:
        print(line)
    print("%d pins of binder/requirements.txt checked in %d environments: %d differences"
          % (len(wanted), len(pythons), len(problems)))
    return 1 if problems else 0


def lab(url, token, root):
    notebook = labpath()
    if not browser.wait_ready({"url": url, "token": token}):
        print("error: no JupyterLab answers at %s" % url)
        return 1
    plan = {"servers": {"jupyterlab": {"url": url, "token": token, "root": root}}, "frontends": ["lab"],
            "pages": [{"name": notebook, "notebook": notebook, "frontends": ["lab"], "reopen": [], "stubs": []}],
            "screenshots": os.path.join(BUILD, "screenshots", "binder"),
            "results": os.path.join(BUILD, "binder-results.json")}
    status, got = browser.run_plan(plan, "binder")
    if got is None:
        print("error: the browser run did not finish (exit %s)" % status)
        return 1
    failed = [c for c in got["checks"] if not c["ok"]]
    if sum(c.get("figures", 0) for c in got["checks"]) == 0:
        failed.append("no figure")
        print("FAIL %s: no figure drawn; the set-up check must draw one" % notebook)
    return 1 if failed or status else 0


def main(args):
    if len(args) >= 3 and args[0] == "versions":
        return versions(args[1], args[2:])
    if len(args) == 4 and args[0] == "lab":
        return lab(*args[1:])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
