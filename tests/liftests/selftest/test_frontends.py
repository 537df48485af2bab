"""liftests.browser and liftests.binder: what they read from the notebooks, the pins and the README."""
import os
import tempfile
import unittest

from liftests import binder, browser


def code(text, **metadata):
    return {"cell_type": "code", "metadata": metadata, "source": text, "outputs": []}


def notebook(*cells):
    return {"cells": [{"cell_type": "markdown", "metadata": {}, "source": "# title"}] + list(cells)}


class StubsTest(unittest.TestCase):
    def test_each_stub_with_the_hint_its_source_throws(self):
        nb = notebook(code("int x = 1;"),
                      code('// fill in\nthrow new UnsupportedOperationException("Exercise 5: say \\"hi\\"");',
                           lif={"stub": "Exercise 5"}))
        self.assertEqual([{"cell": 2, "label": "Exercise 5", "hint": 'Exercise 5: say "hi"'}], browser.stubs(nb))

    def test_a_stub_without_its_own_hint_has_none(self):
        nb = notebook(code("throw new IllegalStateException();", lif={"stub": "Exercise 1"}),
                      code('throw new UnsupportedOperationException("Exercise 2: other");', lif={"stub": "Exercise 1"}))
        self.assertEqual([None, None], [s["hint"] for s in browser.stubs(nb)])


class ParameterEditTest(unittest.TestCase):
    def test_the_parameter_cell_and_the_first_later_figure_cell_using_it(self):
        nb = notebook(code("double dt = 1e-3;\ndouble tau = 20e-3;   // s"),
                      code("Plots.figure().add(ts, vs)", lif={"figure": "reference/ex05.json"}),
                      code("v = v + dt / tau * (eL - v);\nPlots.figure()", lif={"figure": "reference/ex06.json"}),
                      code("tau * 2", lif={"figure": "reference/ex07.json"}))
        edit = browser.parameter_edit(nb)
        self.assertEqual((1, 3), (edit["cell"], edit["figureCell"]))
        self.assertEqual("double dt = 1e-3;\ndouble tau = (20e-3) / 2;   // s", edit["edited"])
        self.assertEqual(nb["cells"][1]["source"], edit["original"])

    def test_none_without_such_a_pair(self):
        self.assertIsNone(browser.parameter_edit(notebook(code("double tau = 0.02;"), code("tau"))))
        self.assertIsNone(browser.parameter_edit(notebook(code("Plots.figure()", lif={"figure": "x"}),
                                                          code("double tau = 0.02;"))))


class TableTest(unittest.TestCase):
    def test_one_row_per_page_one_column_per_frontend(self):
        checks = [
            {"frontend": "lab", "page": "04", "check": "cells", "ok": True, "detail": "", "stubs": 2},
            {"frontend": "lab", "page": "04", "check": "figures", "ok": True, "detail": "2/2 drawn"},
            {"frontend": "lab", "page": "04", "check": "close", "ok": True, "detail": ""},
            {"frontend": "html", "page": "04", "check": "figures", "ok": False, "detail": "1/2 drawn"},
            {"frontend": "lab", "page": "scratch", "check": "interrupt", "ok": True, "detail": "", "interruptMs": 212},
        ]
        lines = browser.table(checks, ["lab", "notebook7", "html"])
        self.assertEqual(["page", "lab", "notebook7", "html"], lines[0].split())
        self.assertRegex(lines[1], r"^04\s+2 stubs, 2/2\s+-\s+FAIL figures$")
        self.assertRegex(lines[2], r"^scratch\s+stop 212 ms\s+-\s+-$")


class PinsTest(unittest.TestCase):
    def test_pins_skip_comments_and_refuse_anything_else(self):
        self.assertEqual({"jupyterlab": "4.6.4", "prompt-toolkit": "3.0.53"},
                         binder.pins(["# a comment", "", "jupyterlab==4.6.4  # why", "prompt_toolkit==3.0.53"]))
        with self.assertRaisesRegex(ValueError, "not a pin"):
            binder.pins(["plotly>=7"])

    def test_differences_name_missing_other_and_unpinned_packages(self):
        wanted = {"jupyterlab": "4.6.4", "plotly": "7.1.0"}
        got = binder.differences(wanted, {"jupyterlab": "4.6.4", "plotly": "5.24.1", "numpy": "2.1.0"}, "env")
        self.assertEqual(["env: plotly 5.24.1, binder/requirements.txt pins 7.1.0",
                          "env: numpy 2.1.0 is installed, binder/requirements.txt does not name it"], got)
        self.assertEqual(["env: plotly not installed, binder/requirements.txt pins 7.1.0"],
                         binder.differences(wanted, {"jupyterlab": "4.6.4"}, "env"))
        self.assertEqual([], binder.differences(wanted, dict(wanted), "env"))

    def test_the_committed_requirements_are_all_pins(self):
        with open(os.path.join(browser.ROOT, "binder", "requirements.txt"), encoding="utf-8") as f:
            pins = binder.pins(f)
        self.assertEqual("7.1.0", pins["plotly"])


class LabpathTest(unittest.TestCase):
    def test_the_badge_link_names_the_notebook(self):
        with tempfile.NamedTemporaryFile("w", suffix=".md", delete=False) as f:
            f.write("[![Binder](https://mybinder.org/badge_logo.svg)](https://mybinder.org/v2/gh/o/r/HEAD"
                    "?labpath=notebooks%2F00-setup-check.ipynb)\n")
        self.addCleanup(os.remove, f.name)
        self.assertEqual("notebooks/00-setup-check.ipynb", binder.labpath(f.name))

    def test_the_readme_names_a_notebook_that_exists(self):
        self.assertTrue(os.path.isfile(os.path.join(browser.ROOT, binder.labpath())))
