"""Unit tests of the notebook tools: bin/generate-notebooks (the stub-against-solution check, the imports cell,
the course links and hints) and the runner's accidental-result check (liftests.notebooks.checks).
"""
import importlib.machinery
import importlib.util
import json
import os
import tempfile
import unittest

from liftests import ROOT
from liftests.notebooks import checks

loader = importlib.machinery.SourceFileLoader("generate_notebooks", os.path.join(ROOT, "bin", "generate-notebooks"))
spec = importlib.util.spec_from_loader("generate_notebooks", loader)
gen = importlib.util.module_from_spec(spec)
loader.exec_module(gen)

STUB = """%% stub Exercise 4: the Euler step
double v = eL;   // V
for (int step = 0; step < 10; step++) {
    System.out.println(v);
    v = v;   // TODO: one Euler step
}

%% solution
double v = eL;     // V
for (int step = 0; step < 10; step++) {
    System.out.println(v);
    v = v + dt / tau * (eL - v);
}
"""


def cells_of(text):
    with tempfile.NamedTemporaryFile("w", suffix=".nb", delete=False) as f:
        f.write(text)
    try:
        return gen.parse(f.name)
    finally:
        os.unlink(f.name)


class Holes(unittest.TestCase):
    def test_stub_equal_outside_its_todo_hole_passes(self):
        gen.check_holes("x.nb", cells_of(STUB))   # whitespace differs, the TODO line is the hole

    def test_a_change_outside_the_holes_is_refused(self):
        with self.assertRaises(gen.SourceError) as e:
            gen.check_holes("x.nb", cells_of(STUB.replace("double v = eL;   // V", "double v = 0;   // V", 1)))
        self.assertIn("Exercise 4", str(e.exception))
        self.assertIn("double v = 0;", str(e.exception))

    def test_a_solution_line_missing_from_the_stub_is_refused(self):
        # (a line next to a hole counts as part of the hole: a hole stands for the solution lines between
        # the equal lines around it)
        with self.assertRaises(gen.SourceError):
            gen.check_holes("x.nb", cells_of(STUB.replace("double v = eL;   // V\n", "", 1)))

    def test_commented_out_lines_are_holes(self):
        gen.check_holes("x.nb", cells_of("%% stub Exercise 1: uncomment\n// double dt = 1e-3;\n"
                                         "String line = \"\";   // TODO\n%% solution\ndouble dt = 1e-3;\n"
                                         "String line = PyFormat.repr(dt);\n"))


class Generated(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.targets = dict(gen.targets())
        cls.notebooks = {p: json.loads(t) for p, t in cls.targets.items() if p.endswith(".ipynb")}

    def test_every_notebook_starts_with_the_imports_of_init_jsh(self):
        with open(os.path.join(ROOT, "kernel", "init.jsh"), encoding="utf-8") as f:
            imports = [x.strip() for x in f if x.strip().startswith("import ")]
        self.assertTrue(imports)
        for path, nb in self.notebooks.items():
            code = [c for c in nb["cells"] if c["cell_type"] == "code"]
            self.assertEqual("".join(code[0]["source"]).split("\n"), imports, path)

    def test_every_notebook_has_binder_badge_links_and_further_reading(self):
        for path, nb in self.notebooks.items():
            text = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
            self.assertIn("https://mybinder.org/v2/gh/", text, path)
            self.assertIn("course index", text, path)
            self.assertIn("## Further reading", "".join(nb["cells"][-1]["source"]), path)
            self.assertIn("## Summary", text, path)
            name = os.path.basename(path)
            if not name.startswith("00"):
                self.assertIn("← previous", text, path)
            if not name.startswith("10"):
                self.assertIn("next:", text, path)

    def test_links_point_at_notebooks_that_exist(self):
        import re
        for path, nb in self.notebooks.items():
            for c in nb["cells"]:
                for link in re.findall(r"\]\(([^)#]+\.(?:ipynb|md))", "".join(c["source"])):
                    if link.startswith("http"):
                        continue
                    self.assertTrue(os.path.exists(os.path.normpath(os.path.join(os.path.dirname(path), link))),
                                    "%s links to missing %s" % (path, link))

    def test_student_notebooks_with_stubs_say_the_red_errors_are_expected_and_have_hints(self):
        for path, nb in self.notebooks.items():
            stubs = [c for c in nb["cells"] if c.get("metadata", {}).get("lif", {}).get("stub")]
            text = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
            if stubs:
                self.assertIn("The red errors are expected", text, path)
                for c in stubs:
                    self.assertIn("<summary><b>Hint</b> for %s</summary>" % c["metadata"]["lif"]["stub"], text)
            else:
                self.assertNotIn("The red errors are expected", text, path)


def result(data, kind="execute_result"):
    return {"cell_type": "code", "outputs": [{"output_type": kind, "data": data}]}


class AccidentalResults(unittest.TestCase):
    def test_an_objects_default_text_is_refused_in_any_mime_type(self):
        # what rapaio shows for a cell ending in System.out.printf(...): text/html only
        for data in ({"text/html": "java.io.PrintStream@67edde5"}, {"text/plain": ["java.io.PrintStream@1b6d3586"]},
                     {"text/html": "<pre>[D@1b6d3586</pre>"}):
            problems = checks.check_results(result(data))
            self.assertEqual(1, len(problems), data)
            self.assertIn("accidental result", problems[0])
        self.assertTrue(checks.check_results(result({"text/plain": "lif.Trajectory@5e9f23b4"}, "display_data")))

    def test_a_result_that_is_not_a_figure_is_refused(self):
        self.assertIn("not a figure", checks.check_results(result({"text/plain": "42"}))[0])

    def test_figures_and_printed_text_pass(self):
        self.assertEqual([], checks.check_results(result({checks.PLOTLY: {"data": []}, "text/html": "<div></div>"})))
        self.assertEqual([], checks.check_results(result({"text/html": "<div id='p'></div><script>Plotly.newPlot"})))
        printed = {"cell_type": "code", "outputs": [{"output_type": "stream", "name": "stdout",
                                                      "text": "java.io.PrintStream@1b6d3586\n"}]}
        self.assertEqual([], checks.check_results(printed))   # printed on purpose, not a result
