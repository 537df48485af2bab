"""coursegen.imports, and the imports table kept true: every class that kernel/init.jsh's comments name is in
the package of its line (looked up with javap in the built jars and the JDK)."""
import glob
import os
import re
import subprocess
import unittest

import layout
from coursegen import REPOSITORY, imports
from coursegen.tests import Scratch

CLASS_TOKEN = re.compile(r"`([A-Z]\w*)(?:\.(\w+))?`")   # `Stats`, or `Variance.SAMPLE` (a class and its member)
DECLARATION = re.compile(r"^[\w\s]*\b(?:class|interface|enum|record)\s+([\w.$]+)")


def read(init_jsh):
    with Scratch({}, init_jsh=init_jsh) as s:
        problems = s.problems()
        return imports.read(s.project.init_jsh, problems), list(problems)


def named(found):
    """{class: {members}} that the import lines and their comments name, fully qualified."""
    wanted = {}
    for i in found:
        if i.static:
            owner, member = i.target.rsplit(".", 1)
            wanted.setdefault(owner, set()).add(member)
        for simple, member in CLASS_TOKEN.findall(i.brings):
            if i.static:
                continue   # a static import's comment shows calls, not classes of a package
            qualified = i.target[:-2] + "." + simple if i.target.endswith(".*") else i.target
            if not qualified.endswith("." + simple):
                qualified += "#wrong:" + simple   # a single-class import names another class: never found
            wanted.setdefault(qualified, set()).update([member] if member else [])
    return wanted


def javap(classes):
    """{class: its public members' lines} of the classes javap finds in the lif jar, its runtime deps and the JDK
    (one JVM for all; a class it cannot find is left out)."""
    classpath = os.pathsep.join([layout.path("lib.jar")] + sorted(glob.glob(os.path.join(layout.path("lib.deps"), "*.jar"))))
    run = subprocess.run(["javap", "-J-XX:TieredStopAtLevel=1", "-cp", classpath, "-public"] + sorted(classes),
                         capture_output=True, text=True)
    members, current = {}, None
    for line in run.stdout.splitlines():
        m = DECLARATION.match(line)
        if m:
            current = members.setdefault(m.group(1), [])
        elif current is not None:
            current.append(line)
    return members


def missing(wanted, members):
    """What is not there: "Class" or "Class.member"."""
    out = []
    for qualified, names in sorted(wanted.items()):
        if qualified not in members:
            out.append(qualified)
            continue
        body = "\n".join(members[qualified])
        out += ["%s.%s" % (qualified, n) for n in sorted(names) if not re.search(r"[\s.]%s[(;]" % re.escape(n), body)]
    return out


class Reading(unittest.TestCase):
    def test_each_import_with_what_it_brings(self):
        found, problems = read("// x\nimport java.util.*;   // `List`\nimport static lif.Check.check; // `check(4, v)`\n")
        self.assertEqual([], problems)
        self.assertEqual([("import java.util.*;", "java.util.*", False, "`List`", 2),
                          ("import static lif.Check.check;", "lif.Check.check", True, "`check(4, v)`", 3)],
                         [(i.statement, i.target, i.static, i.brings, i.line) for i in found])

    def test_an_import_without_its_comment(self):
        _, problems = read("import java.util.*;   // `List`\nimport lif.*;\n")
        self.assertEqual(["kernel/init.jsh:2: say what import lif.*; brings in a trailing // comment (the notebooks' "
                          "imports table shows it)"], problems)

    def test_an_import_line_it_cannot_read(self):
        _, problems = read("import java.util.*; int x = 1; // `List`\n")
        self.assertTrue(problems and problems[0].startswith("kernel/init.jsh:1: not an import line"), problems)

    def test_no_imports(self):
        self.assertEqual((["kernel/init.jsh: no import lines"]), read("// nothing\n")[1])


class TableTrueToThePackages(unittest.TestCase):
    """Needs the build (mvn -q package -DskipTests): the lif jar and its runtime dependencies."""

    @classmethod
    def setUpClass(cls):
        from coursegen.problems import Problems
        problems = Problems(REPOSITORY)
        cls.real = named(imports.read(REPOSITORY.init_jsh, problems))
        cls.problems = list(problems)
        # a table with the old mistake (Ar1Theory under lif.stats) and members that do not exist
        cls.wrong = named(read("import lif.stats.*;  // `Stats`, `Ar1Theory`, `Variance.SAMPLE`, `Variance.MEDIAN`\n"
                               "import static lif.Check.checkAll;  // `checkAll()`\n")[0])
        cls.members = javap(set(cls.real) | set(cls.wrong))

    def test_every_class_named_is_in_the_package_of_its_line(self):
        self.assertEqual([], self.problems)
        for expected in ("lif.Ar1Theory", "lif.stats.Variance", "lif.plot.PlotlyFigure", "java.util.List", "lif.Check"):
            self.assertIn(expected, self.real)
        self.assertEqual([], missing(self.real, self.members),
                         "kernel/init.jsh's comments name classes its lines do not import")

    def test_the_check_finds_a_class_under_the_wrong_package(self):
        self.assertEqual(["lif.Check.checkAll", "lif.stats.Ar1Theory", "lif.stats.Variance.MEDIAN"],
                         missing(self.wrong, self.members))


if __name__ == "__main__":
    unittest.main()
