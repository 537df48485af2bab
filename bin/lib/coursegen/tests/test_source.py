"""coursegen.source: a valid source read into cells; each format error reported with its file and line."""
import os
import unittest

from coursegen import source
from coursegen.tests import Scratch, about, notebook


def parse(text, name="01-a"):
    """(Source, [problem lines]) of one source text."""
    with Scratch({name: text}) as s:
        problems = s.problems()
        parsed = source.parse(os.path.join(s.project.sources, name + ".nb"), problems)
        return parsed, list(problems)


class ValidSource(unittest.TestCase):
    TEXT = ("%% about 25\nyou will\n  test things\n\n- first objective,\n  on two lines\n- second\n\n"
            "%% md\n# 1. Title\n\n%% stub Exercise 4: do it\nint x = 0;   // TODO\n\n"
            "%% hint Exercise 4\nLook up.\n\n%% solution expect=ex04 bound=a<0.5,b<1e-3\nint x = 1;\n\n"
            "%% md solution\nonly here\n\n%% code hidden figure=ex07\nplot()\n\n%% reading\n- [A](https://a.org): why\n"
            "- [B](https://b.org):\n  more\n")

    def test_about_reading_and_cells(self):
        src, problems = parse(self.TEXT)
        self.assertEqual([], problems)
        self.assertEqual((25, "you will test things"), (src.about.minutes, src.about.summary))
        self.assertEqual(["- first objective,\n  on two lines", "- second"], src.about.objectives)
        self.assertEqual(["- [A](https://a.org): why", "- [B](https://b.org):\n  more"], src.reading)
        self.assertEqual("1. Title", src.title)
        self.assertEqual(["md", "stub", "hint", "solution", "md", "code"], [c.kind for c in src.cells])
        stub, hint, solution, only, code = src.cells[1:]
        self.assertEqual(("student", "Exercise 4", "Exercise 4: do it", 12), (stub.only, stub.exercise, stub.stub, stub.line))
        self.assertEqual(("student", "Exercise 4"), (hint.only, hint.exercise))
        self.assertEqual({"expect": "ex04", "bounds": [{"name": "a", "max": 0.5}, {"name": "b", "max": 1e-3}]},
                         solution.options)
        self.assertEqual("solution", only.only)
        self.assertEqual({"hidden": True, "figure": "ex07"}, code.options)
        self.assertEqual("plot()", code.text)
        self.assertTrue(src.solutions)

    def test_nosolutions(self):
        src, problems = parse("%% notebook nosolutions\n" + notebook())
        self.assertEqual(([], False), (problems, src.solutions))


class FormatErrors(unittest.TestCase):
    """Each branch names the file and the line, and the reading goes on to the end."""

    def assertProblem(self, text, line, words):
        _, problems = parse(text)
        where = "notebooks/src/01-a.nb" + (":%d:" % line if line else ":")
        hits = [p for p in problems if p.startswith(where) and words in p]
        self.assertTrue(hits, "no problem at %s with %r in %s" % (where, words, problems))

    def test_text_before_the_first_header(self):
        self.assertProblem("stray\n" + notebook(), 1, "text before the first")

    def test_unknown_header(self):
        self.assertProblem(notebook(body="%% cod\nx\n"), 12, "unknown header '%% cod'")

    def test_stub_without_exercise_text(self):
        self.assertProblem(notebook(body="%% stub do it\nx\n"), 12, "a stub header is")

    def test_hint_header(self):
        self.assertProblem(notebook(body="%% hint for 4\nx\n"), 12, "a hint header is")

    def test_hint_with_the_old_example_output(self):
        body = "%% stub Exercise 4: go\nx // TODO\n%% hint Exercise 4 expect=ex04\nx\n%% solution\ny\n"
        self.assertProblem(notebook(body=body), 14, "no longer shows the example output (expect=ex04)")

    def test_unknown_hint_word(self):
        body = "%% stub Exercise 4: go\nx // TODO\n%% hint Exercise 4 soon\nx\n%% solution\ny\n"
        self.assertProblem(notebook(body=body), 14, "unknown hint word 'soon'")

    def test_hint_without_a_stub(self):
        self.assertProblem(notebook(body="%% hint Exercise 9\nx\n"), 12, "which has no stub")

    def test_second_stub_of_an_exercise(self):
        body = "%% stub Exercise 4: a\nx // TODO\n%% solution\ny\n%% stub Exercise 4: b\nx // TODO\n%% solution\ny\n"
        self.assertProblem(notebook(body=body), 16, "a second stub of Exercise 4 (the first is at line 12)")

    def test_about_minutes(self):
        self.assertProblem(notebook(head=about().replace("about 10", "about ten")), 1, "'%% about MINUTES'")
        self.assertProblem(notebook(head=about().replace("about 10", "about 0")), 1, "a whole number > 0")

    def test_videos_are_gone(self):
        self.assertProblem(notebook(head=about().replace("about 10", "about 10 videos=1,3")), 1, "videos= is gone")

    def test_unknown_about_word(self):
        self.assertProblem(notebook(head=about().replace("about 10", "about 10 soon")), 1, "unknown about word")

    def test_about_missing_or_twice(self):
        self.assertProblem(notebook(head=""), None, "needs exactly one '%% about MINUTES' header, found 0")
        self.assertProblem(notebook() + "\n" + about(), 15, "found 2")

    def test_about_without_summary(self):
        self.assertProblem(notebook(head="%% about 5\n- a\n- b\n\n"), 1, "starts with the one-line summary")

    def test_objectives_count(self):
        self.assertProblem(notebook(head=about(objectives=["one"])), 1, "1 objectives: write 2 to 4")
        self.assertProblem(notebook(head=about(objectives=list("abcde"))), 1, "5 objectives")
        self.assertProblem(notebook(head="%% about 5\nyou will\n\n"), 1, "the objectives needs at least one")

    def test_objectives_are_a_list(self):
        self.assertProblem(notebook(head="%% about 5\nyou will\n\n- a\nb\n- c\n\n"), 5, "the objectives is a list")

    def test_reading(self):
        self.assertProblem(notebook(body="%% reading\n- a\n%% reading\n- b\n"), 14, "a second '%% reading'")
        self.assertProblem(notebook(body="%% reading\nsee the docs\n"), 13, "a further reading is a list")
        self.assertProblem(notebook(body="%% reading\n\n"), 12, "a further reading needs at least one")
        self.assertProblem(notebook(body="%% reading soon\n- a\n"), 12, "a reading header takes no words")

    def test_notebook_word(self):
        self.assertProblem("%% notebook nosolution\n" + notebook(), 1, "unknown notebook word 'nosolution'")

    def test_cell_header_words(self):
        self.assertProblem(notebook(body="%% md hidden\nx\n"), 12, "unknown md header word 'hidden'")
        self.assertProblem(notebook(body="%% code expects=ex01\nx\n"), 12, "unknown code header word 'expects=ex01'")
        self.assertProblem(notebook(body="%% code bound=a>1\nx\n"), 12, "a bound is NAME<MAX")

    def test_first_cell(self):
        self.assertProblem(about() + "%% code\nx\n", 7, "the first cell must be markdown")
        self.assertProblem(about() + "%% md student\n# A\n", 7, "the first cell must be markdown")
        self.assertProblem(about() + "%% md\nA\n", 7, "starting with '# title'")

    def test_all_problems_of_a_source_are_kept(self):
        _, problems = parse("stray\n" + about(objectives=["one"]) + "%% code\nx\n%% hint Exercise 2\n")
        self.assertEqual(4, len(problems), problems)   # stray text, objectives, first cell, hint without stub


if __name__ == "__main__":
    unittest.main()
