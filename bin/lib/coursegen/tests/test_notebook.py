"""coursegen.notebook and coursegen.cli: the notebooks a small course generates (banner, imports, links, reading,
the example output once), directive errors with their lines, and the repository's own notebooks."""
import contextlib
import io
import json
import os
import re
import unittest

import nbformat

from coursegen import REPOSITORY, cli, course
from coursegen.problems import SourceErrors
from coursegen.tests import Scratch, about, notebook

SETUP = "%% notebook nosolutions\n" + notebook(title="0. Set-up", body="%% md\n## The course\n\n{{course}}\n")
EXERCISE = notebook(title="1. Exercise", head=about(20, "you will do Exercise 1", ["write it", "check it", "print it"]),
                    body="""{{solutions}}

%% stub Exercise 1: print x
double x = 0;   // TODO

%% hint Exercise 1
Print it.

%% solution expect=ex01
double x = 1;

%% md
{{sample ex01}}

{{image ex05}}

%% reading
- [Formatter](https://docs.oracle.com/formatter): the % codes
""")


def generated(sources):
    """{path relative to the root: text} of what the sources generate."""
    with Scratch(sources) as s:
        return {s.project.rel(path): text for path, text in cli.targets(s.project)}


def problems(sources):
    with Scratch(sources) as s:
        with self_raises() as caught:
            cli.targets(s.project)
        return caught.exception.problems


@contextlib.contextmanager
def self_raises():
    class Caught:
        exception = None
    caught = Caught()
    try:
        yield caught
    except SourceErrors as e:
        caught.exception = e
    if caught.exception is None:
        raise AssertionError("no SourceErrors raised")


def markdown(nb):
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown"]


class SmallCourse(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.files = generated({"00-a": SETUP, "01-b": EXERCISE})
        cls.nb = {p: json.loads(t) for p, t in cls.files.items() if p.endswith(".ipynb")}
        cls.student = cls.nb["notebooks/01-b.ipynb"]
        cls.solution = cls.nb["notebooks/solutions/01-b.ipynb"]

    def test_the_files(self):
        self.assertEqual(["README.md", "notebooks/00-a.ipynb", "notebooks/01-b.ipynb", "notebooks/README.md",
                          "notebooks/solutions/01-b.ipynb"], sorted(self.files))

    def test_valid_with_unique_ids(self):
        for path, nb in self.nb.items():
            nbformat.validate(nbformat.from_dict(nb))
            ids = [c["id"] for c in nb["cells"]]
            self.assertEqual(len(ids), len(set(ids)), path)

    def test_same_bytes_every_time(self):
        self.assertEqual(self.files, generated({"00-a": SETUP, "01-b": EXERCISE}))

    def test_kernelspec_from_the_layout_file(self):
        for nb in self.nb.values():
            self.assertEqual({"name": "test-java", "display_name": "Java (test)", "language": "java"},
                             nb["metadata"]["kernelspec"])
        self.assertIn("The kernel this notebook names, *Java (test)*", markdown(self.student)[2])
        self.assertIn("**Java (test)** (`test-java`)", self.files["notebooks/README.md"])

    def test_banner_objectives_then_time(self):
        banner = markdown(self.student)[1]
        self.assertIn("**In this notebook you will**\n\n- write it\n- check it\n- print it\n\n**Time:** about 20 "
                      "minutes.\n\n> **The red errors are expected.**", banner)
        self.assertNotIn("red errors", markdown(self.solution)[1])
        self.assertNotIn("red errors", markdown(self.nb["notebooks/00-a.ipynb"])[1])   # no stubs there

    def test_imports_cell_from_init_jsh(self):
        self.assertEqual("import java.util.*;\nimport lif.*;\nimport static lif.Check.check;",
                         "".join(self.student["cells"][3]["source"]))
        self.assertIn("| `import lif.*;` | `Lif` |", markdown(self.student)[2])

    def test_reading_at_the_end_before_the_links(self):
        end = markdown(self.student)[-1]
        self.assertTrue(end.startswith("## Further reading\n\n- [Formatter](https://docs.oracle.com/formatter): the "
                                       "% codes\n\n← previous: [0. Set-up](00-a.ipynb)"), end)
        self.assertEqual("[course index](README.md) · next: [1. Exercise](01-b.ipynb) →",
                         markdown(self.nb["notebooks/00-a.ipynb"])[-1])   # no reading: only the links

    def test_solution_links_lead_to_the_exercise_notebooks_and_say_so(self):
        for text in (markdown(self.solution)[1], markdown(self.solution)[-1]):
            self.assertIn("← previous: [0. Set-up](../00-a.ipynb) · [course index](../README.md) · "
                          "*previous and next lead to the exercise notebooks*", text)
        self.assertIn("labpath=notebooks%2Fsolutions%2F01-b.ipynb", markdown(self.solution)[1])

    def test_the_example_output_once(self):
        for nb in (self.student, self.solution):
            text = "\n".join(markdown(nb))
            self.assertEqual(1, text.count("**SAMPLE OUTPUT**\n\n```\n1.0\n2.0\n```"))
            self.assertEqual(1, text.count("images/ex05.png"))
        self.assertIn("<details><summary><b>Hint</b> for Exercise 1</summary>\n\nPrint it.\n\n</details>",
                      markdown(self.student))

    def test_stub_cell(self):
        stub = [c for c in self.student["cells"] if c["metadata"].get("lif", {}).get("stub")][0]
        self.assertEqual({"tags": ["raises-exception"], "lif": {"stub": "Exercise 1"}}, stub["metadata"])
        self.assertTrue("".join(stub["source"]).startswith("// Fill in the code below, then delete the next line.\n"
                                                           "throw new UnsupportedOperationException(\"Exercise 1: "
                                                           "print x\");\ndouble x = 0;"))

    def test_the_stub_hint_is_java_text_as_written(self):
        nb = json.loads(generated({"00-a": SETUP, "01-b": EXERCISE.replace(
            "%% stub Exercise 1: print x", '%% stub Exercise 1: print x \u00b1 "y"')})["notebooks/01-b.ipynb"])
        stub = [c for c in nb["cells"] if c["metadata"].get("lif", {}).get("stub")][0]
        self.assertIn('throw new UnsupportedOperationException("Exercise 1: print x \u00b1 \\"y\\"");\n',
                      "".join(stub["source"]))

    def test_course_table_everywhere(self):
        row = "| [1. Exercise](%s01-b.ipynb) | you will do Exercise 1 | 20 min |"
        self.assertIn(row % "notebooks/", self.files["README.md"])
        self.assertIn(row % "", self.files["notebooks/README.md"])
        self.assertIn(row % "", "\n".join(markdown(self.nb["notebooks/00-a.ipynb"])))
        self.assertIn("| | **in all** | **about 0 h 30 min** |", self.files["README.md"])


class DirectiveErrors(unittest.TestCase):
    def test_unknown_directive_and_missing_files(self):
        found = problems({"01-b": notebook(body="%% md\n{{samples ex01}} {{sample ex09}}\n\n{{image ex99}}\n")})
        self.assertEqual(3, len(found), found)
        self.assertTrue(found[0].startswith("notebooks/src/01-b.nb:13: unknown directive '{{samples ex01}}'"), found)
        self.assertEqual("notebooks/src/01-b.nb:13: {{sample ex09}}: tests/notebooks/sample-output/ex09.txt not found",
                         found[1])
        self.assertEqual("notebooks/src/01-b.nb:15: {{image ex99}}: notebooks/images/ex99.png not found", found[2])

    def test_the_same_example_twice_in_one_notebook(self):
        body = ("%% stub Exercise 1: go\nx // TODO\n%% hint Exercise 1\n{{sample ex01}}\n%% solution\ny\n"
                "%% md\n{{sample ex01}}\n")
        self.assertEqual(["notebooks/src/01-b.nb:19: {{sample ex01}} is shown twice in the student notebook (first "
                          "at line 15): once is enough"], problems({"01-b": notebook(body=body)}))

    def test_once_in_each_notebook_is_fine(self):
        body = "%% md student\n{{image ex05}}\n%% md solution\n{{image ex05}}\n"
        self.assertIn("notebooks/solutions/01-b.ipynb", generated({"01-b": notebook(body=body)}))


class CommandLine(unittest.TestCase):
    def test_every_problem_of_every_source_then_exit_2_and_nothing_written(self):
        with Scratch({"01-a": "stray\n" + notebook(), "02-b": notebook(head=about(objectives=["one"]))}) as s:
            err = io.StringIO()
            with contextlib.redirect_stderr(err):
                status = cli.main([], "doc", s.project)
            self.assertEqual(2, status)
            self.assertEqual(["notebooks/src/01-a.nb:1: text before the first '%% ' header",
                              "notebooks/src/02-b.nb:1: 1 objectives: write 2 to 4",
                              "error: 2 problems in the sources; nothing written"], err.getvalue().splitlines())
            self.assertFalse(os.path.exists(os.path.join(s.project.notebooks, "01-a.ipynb")))

    def test_a_missing_build_is_a_problem_too(self):
        with Scratch({"01-a": notebook()}) as s:
            os.remove(s.project.layout_file)
            with self_raises() as caught:
                cli.targets(s.project)
            self.assertEqual(["target/layout.properties: not found: build the project first (mvn -q package -DskipTests)"],
                             caught.exception.problems)

    def test_check_names_stale_and_unmade_files(self):
        with Scratch({"01-a": notebook()}) as s:
            with contextlib.redirect_stdout(io.StringIO()):
                self.assertEqual(0, cli.main([], "doc", s.project))
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                self.assertEqual(0, cli.main(["--check"], "doc", s.project))
            s.write("notebooks/src/01-a.nb", notebook(title="B"))
            s.write("notebooks/solutions/09-old.ipynb", "{}")
            with contextlib.redirect_stdout(out):
                self.assertEqual(1, cli.main(["--check"], "doc", s.project))
            self.assertEqual(["stale: notebooks/01-a.ipynb (run bin/generate-notebooks)",
                              "stale: notebooks/solutions/01-a.ipynb (run bin/generate-notebooks)",
                              "stale: notebooks/README.md (run bin/generate-notebooks)",
                              "stale: README.md (run bin/generate-notebooks)",
                              "no source generates notebooks/solutions/09-old.ipynb: remove it"],
                             out.getvalue().splitlines())


class RepositoryNotebooks(unittest.TestCase):
    """The notebooks the repository's sources generate (in memory; --check compares them with the files)."""

    @classmethod
    def setUpClass(cls):
        cls.nb = {p: json.loads(t) for p, t in cli.targets(REPOSITORY) if p.endswith(".ipynb")}

    def test_every_notebook_starts_with_the_imports_of_init_jsh(self):
        with open(REPOSITORY.init_jsh, encoding="utf-8") as f:
            statements = [x.split("//")[0].strip() for x in f if x.startswith("import ")]
        for path, nb in self.nb.items():
            code = [c for c in nb["cells"] if c["cell_type"] == "code"]
            self.assertEqual(statements, "".join(code[0]["source"]).split("\n"), path)

    def test_binder_badge_of_the_notebook_itself(self):
        repo = course.binder_repo(REPOSITORY, None)
        for path, nb in self.nb.items():
            badge = "(%s)" % course.binder_url(repo, REPOSITORY.rel(path))
            self.assertIn(badge, "".join(nb["cells"][1]["source"]), path)

    def test_relative_links_resolve(self):
        for path, nb in self.nb.items():
            for text in markdown(nb):
                for link in re.findall(r"\]\(([^)#\s]+)", text):
                    if not link.startswith("http"):
                        self.assertTrue(os.path.exists(os.path.normpath(os.path.join(os.path.dirname(path), link))),
                                        "%s links to missing %s" % (path, link))

    def test_each_sample_output_and_example_figure_once(self):
        for path, nb in self.nb.items():
            text = "\n".join(markdown(nb))
            for image in set(re.findall(r"images/(ex[\w-]+)\.png", text)):
                self.assertEqual(1, text.count("images/%s.png" % image), (path, image))
            for sample in re.findall(r"\*\*SAMPLE OUTPUT\*\*\n\n```\n(.*?)```", text, re.S):
                self.assertEqual(1, text.count(sample), path)

    def test_stubs_have_hints_and_the_note_on_red_errors(self):
        for path, nb in self.nb.items():
            stubs = [c["metadata"]["lif"]["stub"] for c in nb["cells"] if c["metadata"].get("lif", {}).get("stub")]
            text = "\n".join(markdown(nb))
            self.assertEqual(bool(stubs), "The red errors are expected" in text, path)
            for stub in stubs:
                self.assertIn("<summary><b>Hint</b> for %s</summary>" % stub, text, path)


if __name__ == "__main__":
    unittest.main()
