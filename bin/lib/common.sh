# Shared by the bin/ commands: checks that explain themselves, the build, the Jupyter install.
# Sourced, not run. Every failure is one line on stderr and a non-zero exit, never a stack trace.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUILD="$ROOT/build"
LOGS="$BUILD/logs"
JUPYTER_DATA="$BUILD/jupyter"          # project-local Jupyter data folder: our kernelspec lives here
mkdir -p "$LOGS"

die() { echo "error: $*" >&2; exit 1; }
say() { echo "==> $*" >&2; }

is_root() { [ "$(id -u)" = 0 ]; }
is_debian() { [ -f /etc/debian_version ] && command -v apt-get >/dev/null 2>&1; }

apt_install() {   # apt_install LOGNAME PACKAGE...
  local log="$LOGS/apt-$1.log"; shift
  say "installing Debian packages: $* (log: ${log#$ROOT/})"
  if [ -z "${LIF_APT_UPDATED:-}" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -q >"$log" 2>&1 || die "apt-get update failed (no network?): see $log"
    export LIF_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >>"$log" 2>&1 \
    || die "apt-get install $* failed: see $log"
}

need_java() {
  command -v java >/dev/null 2>&1 || die "Java 17 or newer is needed and 'java' is not on PATH (Debian: apt-get install openjdk-17-jdk-headless)"
  local v
  v=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  case "$v" in 1.*|9|10|11|12|13|14|15|16|"") die "Java 17 or newer is needed, found Java ${v:-unknown} at $(command -v java) (set JAVA_HOME/PATH to a JDK 17+)";; esac
  command -v javac >/dev/null 2>&1 || die "a JDK is needed (javac not found next to java $v); install openjdk-17-jdk-headless"
}

need_maven() {
  command -v mvn >/dev/null 2>&1 || die "Maven is needed and 'mvn' is not on PATH (Debian: apt-get install maven)"
}

# Runs Maven quietly; on failure explains the usual cause in one line and points at the log.
mvn_run() {   # mvn_run LOGNAME ARGS...
  local log="$LOGS/mvn-$1.log"; shift
  if ! (cd "$ROOT" && mvn -B "$@") >"$log" 2>&1; then
    if grep -qE "Could not (transfer|resolve)|UnknownHost|Network is unreachable|Connection refused|Connect timed out" "$log"; then
      die "Maven could not download what the build needs (no network?). The first build needs Maven Central; later runs work offline. Log: $log"
    fi
    grep -E "^\[ERROR\]" "$log" | head -15 >&2
    grep -q "spotless" "$log" && grep -q "violations" "$log" && echo "error: Java files differ from the project's format: run mvn spotless:apply" >&2
    die "Maven failed: mvn $* (full log: $log)"
  fi
}

# Versions and built files, as Maven wrote them at the last build (see src/layout/layout.properties).
LAYOUT="$ROOT/target/layout.properties"
layout() {   # layout KEY: prints KEY's value, e.g. layout lib.jar -> lib/target/lif-1.0.0.jar
  [ -f "$LAYOUT" ] || die "target/layout.properties not found: build the project first (mvn -q package -DskipTests)"
  local line
  while IFS= read -r line; do
    [ "${line%%=*}" = "$1" ] && { printf '%s\n' "${line#*=}"; return 0; }
  done <"$LAYOUT"
  die "target/layout.properties has no key $1"
}

# Builds the jars if they are missing or older than any source or pom.
build_if_needed() {
  local stale=0 jar
  if [ ! -f "$LAYOUT" ]; then stale=1; else
    for jar in "$ROOT/$(layout lib.jar)" "$ROOT/$(layout kernel.jar)"; do [ -f "$jar" ] || stale=1; done
  fi
  if [ $stale = 0 ] && [ -n "$(find "$ROOT/pom.xml" "$ROOT/src/layout" "$ROOT/lib/pom.xml" "$ROOT/lib/src/main" "$ROOT/kernel/pom.xml" "$ROOT/kernel/src/main" -newer "$ROOT/$(layout lib.jar)" -type f -print -quit 2>/dev/null)" ]; then
    stale=1
  fi
  if [ $stale = 1 ]; then
    need_maven
    say "building the library (mvn package, tests skipped; log: build/logs/mvn-package.log)"
    mvn_run package package -DskipTests
  fi
}

# The Python side of the course (JupyterLab, Notebook 7, plotly's renderer, nbclient/nbconvert for the tests) is
# pinned once, in binder/requirements.txt, the file Binder reads; bin/start-notebooks and bin/run-tests install
# exactly that into build/venv. The venv is made again from scratch whenever that file changes, so it never
# holds anything the file does not name; otherwise it is reused without touching the network.
VENV="$BUILD/venv"
REQUIREMENTS="$ROOT/binder/requirements.txt"

ensure_venv() {   # prints the venv's python
  local stamp="$VENV/requirements.txt" py="${LIF_PYTHON:-python3}"
  if [ -x "$VENV/bin/python" ] && cmp -s "$REQUIREMENTS" "$stamp"; then echo "$VENV/bin/python"; return 0; fi
  command -v "$py" >/dev/null 2>&1 || die "Python 3.9 or newer is needed to install Jupyter, and '$py' is not on PATH (Debian: apt-get install python3-venv; or set LIF_PYTHON)"
  "$py" -c 'import sys; sys.exit(sys.version_info < (3, 9))' 2>/dev/null \
    || die "Python 3.9 or newer is needed to install Jupyter; $py is $("$py" -V 2>&1) (set LIF_PYTHON to a newer python)"
  rm -rf "$VENV"
  if ! "$py" -m venv "$VENV" >"$LOGS/venv.log" 2>&1; then
    rm -rf "$VENV"
    is_root && is_debian || die "'$py -m venv' failed (Debian/Ubuntu: apt-get install python3-venv): see $LOGS/venv.log"
    apt_install venv python3-venv
    "$py" -m venv "$VENV" >>"$LOGS/venv.log" 2>&1 || die "'$py -m venv' failed: see $LOGS/venv.log"
  fi
  say "installing JupyterLab, Notebook 7 and plotly, as pinned in binder/requirements.txt, into build/venv (log: build/logs/pip-venv.log)"
  # --retries 0: where an index is unreachable, pip fails at once instead of retrying for minutes
  if ! "$VENV/bin/python" -m pip install --retries 0 --timeout 3 --disable-pip-version-check -r "$REQUIREMENTS" \
      >"$LOGS/pip-venv.log" 2>&1; then
    rm -rf "$VENV"
    die "pip install -r binder/requirements.txt failed (the first start needs the Python package index): see $LOGS/pip-venv.log"
  fi
  cp "$REQUIREMENTS" "$stamp"
  echo "$VENV/bin/python"
}

# The Jupyter kernel conformance suite (jupyter_kernel_test) is not on every package index, but Debian packages it
# (python3-jupyter-kernel-test, pure Python). A .pth file in the venv puts that one package, and nothing else of
# Debian's, on the venv's path, where it runs with the venv's jupyter_client (liftests.kernel.behaviour adapts 0.4.5 to
# jupyter_client 8).
DEBIAN_KERNEL_TEST=/usr/lib/python3/dist-packages/jupyter_kernel_test
ensure_kernel_test() {   # ensure_kernel_test VENV_PYTHON
  local site
  site=$("$1" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])') || die "cannot ask $1 for its site-packages"
  [ -f "$site/debian-jupyter-kernel-test.pth" ] && return 0
  if [ ! -d "$DEBIAN_KERNEL_TEST" ]; then
    is_root && is_debian || die "the kernel tests need the Jupyter kernel test suite: apt-get install python3-jupyter-kernel-test"
    apt_install kernel-test python3-jupyter-kernel-test
  fi
  mkdir -p "$VENV/debian"
  ln -sfn "$DEBIAN_KERNEL_TEST" "$VENV/debian/jupyter_kernel_test"
  echo "$VENV/debian" >"$site/debian-jupyter-kernel-test.pth"
}

# What the browser tests need: Debian's chromium, Node.js with playwright-core (tests/browser, pinned), and Debian's
# classic Notebook 6 for its one cheap check (without it that check is reported as skipped).
ensure_browser_tools() {
  local missing=()
  command -v chromium >/dev/null 2>&1 || [ -n "${CHROMIUM:-}" ] || missing+=(chromium)
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
  classic_python >/dev/null || missing+=(jupyter-notebook)
  [ -f /usr/share/javascript/mathjax/MathJax.js ] || missing+=(libjs-mathjax)   # the course site's formulas, offline
  if [ ${#missing[@]} -gt 0 ]; then
    if is_root && is_debian; then apt_install browser "${missing[@]}"
    elif [[ " ${missing[*]} " == *" chromium "* ]] || [[ " ${missing[*]} " == *" npm "* ]] || [[ " ${missing[*]} " == *" libjs-mathjax "* ]]; then
      die "the browser tests need Debian's chromium (or CHROMIUM set to a Chromium binary), Node.js 18+ with npm and libjs-mathjax: apt-get install chromium nodejs npm libjs-mathjax"
    fi
  fi
  if [ ! -d "$ROOT/tests/browser/node_modules/playwright-core" ]; then
    (cd "$ROOT/tests/browser" && npm ci --prefer-offline --no-audit --no-fund) >"$LOGS/npm-ci.log" 2>&1 \
      || die "npm ci in tests/browser failed (the first run needs the npm registry): see $LOGS/npm-ci.log"
  fi
}

# Prints the python of Debian's classic Notebook 6 (jupyter-notebook), or fails quietly.
classic_python() {
  /usr/bin/python3 -c 'import notebook, sys; sys.exit(int(notebook.__version__.split(".")[0]) != 6)' 2>/dev/null \
    && echo /usr/bin/python3
}

# Installs our kernelspec into the project-local data folder when missing or older than the jars.
install_kernel_if_needed() {   # install_kernel_if_needed PYTHON
  local spec
  spec="$JUPYTER_DATA/kernels/$(layout kernel.name)/kernel.json"
  if [ ! -f "$spec" ] || [ "$ROOT/$(layout lib.jar)" -nt "$spec" ] || [ "$ROOT/$(layout kernel.jar)" -nt "$spec" ] || [ "$ROOT/$(layout kernel.init)" -nt "$spec" ] || [ "$ROOT/$(layout kernel.jit.directives)" -nt "$spec" ] || [ "$ROOT/bin/install-kernel" -nt "$spec" ]; then
    "$1" "$ROOT/bin/install-kernel" --data-dir "$JUPYTER_DATA" >&2 || die "installing the kernel failed"
  fi
}
