"""coursegen.site: where each file lands on the site, the links rewritten for it, which executed copies it needs
(the site itself is built and checked in a browser by `bin/run-tests site`)."""
import os
import unittest

import nbformat
from nbformat import v4

from coursegen import site
from coursegen.tests import Scratch, notebook


class Links(unittest.TestCase):
    def test_site_paths(self):
        self.assertEqual("02-a.html", site.site_path("notebooks/02-a.ipynb"))
        self.assertEqual("solutions/02-a.html", site.site_path("notebooks/solutions/02-a.ipynb"))
        self.assertEqual("index.html", site.site_path("notebooks/README.md"))
        self.assertEqual("images/ex05.png", site.site_path("notebooks/images/ex05.png"))
        self.assertIsNone(site.site_path("README.md"))

    def test_links_of_a_solution_notebook(self):
        text = ("[next](../03-b.ipynb) · [index](../README.md) · [same](02-a.ipynb#Set-up) ![x](../images/ex05.png) "
                "[kernels](../../README.md#other-java-kernels) [web](https://example.org/a.ipynb) [top](#Summary) "
                '<img src="../images/ex06.png">')
        self.assertEqual("[next](../03-b.html) · [index](../index.html) · [same](02-a.html#Set-up) "
                         "![x](../images/ex05.png) [kernels](https://github.com/o/r/blob/HEAD/README.md#other-java-kernels) "
                         "[web](https://example.org/a.ipynb) [top](#Summary) <img src=\"../images/ex06.png\">",
                         site.rewrite_links(text, "notebooks/solutions/02-a.ipynb", "o/r"))

    def test_links_of_a_student_notebook_and_the_index(self):
        self.assertEqual("[s](solutions/02-a.html) [r](https://github.com/o/r/blob/HEAD/README.md)",
                         site.rewrite_links("[s](solutions/02-a.ipynb) [r](../README.md)", "notebooks/02-a.ipynb", "o/r"))
        self.assertEqual("[a](02-a.html) [s](solutions/02-a.html)",
                         site.rewrite_links("[a](02-a.ipynb) [s](solutions/02-a.ipynb)", "notebooks/README.md", "o/r"))


class ExecutedCopies(unittest.TestCase):
    def test_solutions_and_a_notebook_without_one_are_shown_run(self):
        with Scratch({"00-a": "%% notebook nosolutions\n" + notebook(), "01-b": notebook()}) as s:
            from coursegen import cli
            for path, text in cli.targets(s.project):
                s.write(s.project.rel(path), text)
            sources, repo = site.load(s.project)
            self.assertEqual("owner/repo", repo)
            self.assertEqual(["notebooks/00-a.ipynb", "notebooks/solutions/01-b.ipynb"], site.executed_pages(sources))
            executed = os.path.join(s.root, "build", "test-notebooks")
            self.assertEqual(["notebooks/00-a.ipynb", "notebooks/solutions/01-b.ipynb"],
                             site.unusable(s.project, sources, executed))
            nb = nbformat.read(os.path.join(s.project.notebooks, "00-a.ipynb"), as_version=4)
            s.write("build/test-notebooks/00-a.ipynb", nbformat.writes(nb))
            nb.cells[-1].source += "\nchanged"
            s.write("build/test-notebooks/solutions/01-b.ipynb", nbformat.writes(nb))
            self.assertEqual(["notebooks/solutions/01-b.ipynb"], site.unusable(s.project, sources, executed))
            nb = nbformat.read(os.path.join(s.project.notebooks, "00-a.ipynb"), as_version=4)
            nb.cells[-2].outputs = [v4.new_output("error", ename="E", evalue="", traceback=[])]
            s.write("build/test-notebooks/00-a.ipynb", nbformat.writes(nb))
            self.assertEqual(["notebooks/00-a.ipynb", "notebooks/solutions/01-b.ipynb"],
                             site.unusable(s.project, sources, executed))


class Contents(unittest.TestCase):
    def test_shared_css(self):
        page = ('<html><head><meta charset="utf-8"><script src="p.js"></script><style type="text/css">a{}</style>\n'
                '<style>b{}</style></head><body><style>c{}</style></body></html>')
        self.assertEqual(('<html><head><meta charset="utf-8"><script src="p.js"></script><link rel="stylesheet" '
                          'href="../site.css">\n</head><body><style>c{}</style></body></html>', "a{}\nb{}"),
                         site.shared_css(page, "../site.css"))

    def test_figures_math_and_errors(self):
        fig = v4.new_output("display_data", data={site.PLOTLY_MIME: {"data": [{}, {}]}, "text/html": "<div>"})
        nb = v4.new_notebook(cells=[v4.new_markdown_cell("cost `$5` and ```\n$x$\n```"),
                                    v4.new_code_cell("a", id="c1", outputs=[fig]),
                                    v4.new_code_cell("b", id="c2", outputs=[v4.new_output("error", ename="E", evalue="",
                                                                                          traceback=[])])])
        self.assertEqual([2], site.figures(nb))
        self.assertFalse(site.has_math(nb))
        nb.cells[0].source += " and $V_m$"
        self.assertTrue(site.has_math(nb))
        self.assertEqual(["c2"], site.errors(nb))


if __name__ == "__main__":
    unittest.main()
