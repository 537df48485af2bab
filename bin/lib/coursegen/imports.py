"""The import lines of kernel/init.jsh, each with what it brings: the trailing `// ...` comment on that line, in
markdown (classes in backticks), shown in every notebook's imports table. One list for the kernel's start-up
and the notebooks' imports cell."""
import re
from dataclasses import dataclass

IMPORT = re.compile(r"^(import\s+(static\s+)?([\w.]+(?:\.\*)?)\s*;)\s*(?://\s*(.*?))?\s*$")


@dataclass
class Import:
    statement: str      # "import lif.*;"
    target: str         # "lif.*", or for a static import the member: "lif.Check.check"
    static: bool
    brings: str         # markdown
    line: int


def read(path, problems):
    """The import lines of path, in order; problems for an import line without its comment, or none at all."""
    found, seen = [], False
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f.read().split("\n"), 1):
            if not line.strip().startswith("import "):
                continue
            seen = True
            m = IMPORT.match(line.strip())
            if not m:
                problems.add(path, number, "not an import line the notebooks can show: %r" % line.strip())
            elif not m.group(4):
                problems.add(path, number, "say what %s brings in a trailing // comment (the notebooks' imports "
                                           "table shows it)" % m.group(1))
            else:
                found.append(Import(statement=m.group(1), target=m.group(3), static=bool(m.group(2)),
                                    brings=m.group(4), line=number))
    if not seen:
        problems.add(path, None, "no import lines")
    return found
