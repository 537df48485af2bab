"""The project's versions and built files, as Maven wrote them into target/layout.properties.

Maven fills that file in from src/layout/layout.properties and the root pom.xml's properties at every build
(mvn package): the jars' names, plotly.js's version and its place in the lif jar are set there once and read
here by bin/install-kernel and the test tools (tests/liftests). bin/lib/common.sh reads the same file.
"""
import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FILE = os.path.join(ROOT, "target", "layout.properties")


class MissingLayout(Exception):
    """target/layout.properties is not there: the project has not been built (mvn package)."""


def read(path=FILE):
    """The file's keys and values (lines KEY=VALUE; # starts a comment)."""
    if not os.path.isfile(path):
        raise MissingLayout("%s not found: build the project first (mvn -q package -DskipTests)"
                            % os.path.relpath(path, ROOT))
    values = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#") and "=" in line:
                key, value = line.split("=", 1)
                values[key.strip()] = value.strip()
    return values


def get(key, path=FILE):
    """One value, e.g. get("plotly.version") -> "2.35.3"; a KeyError names the key and the file."""
    values = read(path)
    if key not in values:
        raise KeyError("%s has no key %r (keys: %s)" % (path, key, ", ".join(sorted(values))))
    return values[key]


def path(key, layout_file=FILE):
    """A path value as an absolute path under the project root, e.g. path("lib.jar")."""
    return os.path.join(ROOT, get(key, layout_file))
