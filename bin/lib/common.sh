# Shared by the bin/ commands: checks that explain themselves, the build, the Jupyter install.
# Sourced, not run. Every failure is one line on stderr and a non-zero exit, never a stack trace.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUILD="$ROOT/build"
LOGS="$BUILD/logs"
JUPYTER_DATA="$BUILD/jupyter"          # project-local Jupyter data folder: our kernelspec lives here
KERNEL_NAME="lif-java"
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

# Prints the python that runs Jupyter (has notebook or jupyterlab), or nothing.
jupyter_python() {
  local py
  for py in ${LIF_PYTHON:-} python3 /usr/bin/python3 python; do
    command -v "$py" >/dev/null 2>&1 || continue
    if "$py" -c "import jupyter_client, notebook" >/dev/null 2>&1 || "$py" -c "import jupyter_client, jupyterlab" >/dev/null 2>&1; then
      command -v "$py"; return 0
    fi
  done
  return 1
}

# Installs Jupyter if missing: Debian packages when root on Debian/Ubuntu, else pip --user, else explains.
ensure_jupyter() {   # ensure_jupyter [with-test-tools]
  local want_tests="${1:-}"
  local py
  if py=$(jupyter_python) && { [ -z "$want_tests" ] || "$py" -c "import nbclient, nbconvert, nbformat, jupyter_kernel_test" >/dev/null 2>&1; }; then
    echo "$py"; return 0
  fi
  if is_root && is_debian; then
    apt_install jupyter jupyter-notebook python3-nbclient python3-nbconvert python3-nbformat python3-ipykernel \
      python3-jupyter-kernel-test
  elif command -v python3 >/dev/null 2>&1 && python3 -m pip --version >/dev/null 2>&1; then
    say "installing Jupyter with pip --user (log: build/logs/pip-jupyter.log)"
    python3 -m pip install --user notebook==7.2.2 nbclient==0.10.0 nbconvert==7.16.4 jupyter_kernel_test==0.4.5 >"$LOGS/pip-jupyter.log" 2>&1 \
      || die "pip install --user notebook nbclient nbconvert failed: see $LOGS/pip-jupyter.log"
  else
    die "Jupyter is not installed. Install it, then run this again: as root on Debian/Ubuntu 'apt-get install jupyter-notebook python3-nbclient python3-nbconvert', elsewhere 'python3 -m pip install --user notebook nbclient nbconvert'"
  fi
  py=$(jupyter_python) || die "Jupyter was installed but no python on PATH can import it (tried python3, /usr/bin/python3); set LIF_PYTHON to the python that runs Jupyter"
  echo "$py"
}

# Installs our kernelspec into the project-local data folder when missing or older than the jars.
install_kernel_if_needed() {   # install_kernel_if_needed PYTHON
  local spec="$JUPYTER_DATA/kernels/$KERNEL_NAME/kernel.json"
  if [ ! -f "$spec" ] || [ "$ROOT/$(layout lib.jar)" -nt "$spec" ] || [ "$ROOT/$(layout kernel.jar)" -nt "$spec" ] || [ "$ROOT/kernel/init.jsh" -nt "$spec" ] || [ "$ROOT/bin/install-kernel" -nt "$spec" ]; then
    "$1" "$ROOT/bin/install-kernel" --data-dir "$JUPYTER_DATA" >&2 || die "installing the kernel failed"
  fi
}
