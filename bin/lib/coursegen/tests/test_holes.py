"""coursegen.holes: a stub equals its solution outside its holes; a difference is named with its line."""
import os
import unittest

from coursegen import holes, source
from coursegen.tests import Scratch, notebook

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


def problems_of(body):
    with Scratch({"01-a": notebook(body=body)}) as s:
        problems = s.problems()
        holes.check(source.parse(os.path.join(s.project.sources, "01-a.nb"), problems), problems)
        return list(problems)


class Holes(unittest.TestCase):
    def test_stub_equal_outside_its_todo_hole_passes(self):
        self.assertEqual([], problems_of(STUB))   # whitespace differs, the TODO line is the hole

    def test_a_change_outside_the_holes_is_named_with_its_line(self):
        found = problems_of(STUB.replace("double v = eL;   // V", "double v = 0;   // V", 1))
        self.assertEqual(1, len(found), found)
        self.assertTrue(found[0].startswith("notebooks/src/01-a.nb:13: Exercise 4: the stub differs"), found)
        self.assertIn("double v = 0;", found[0])

    def test_a_solution_line_missing_from_the_stub_is_refused(self):
        # (a line next to a hole counts as part of the hole: a hole stands for the solution lines between
        # the equal lines around it)
        found = problems_of(STUB.replace("double v = eL;   // V\n", "", 1))
        self.assertEqual(1, len(found), found)
        self.assertIn("(nothing; the solution has 'double v = eL; // V')", found[0])

    def test_commented_out_lines_are_holes(self):
        self.assertEqual([], problems_of("%% stub Exercise 1: uncomment\n// double dt = 1e-3;\n"
                                         "String line = \"\";   // TODO\n%% solution\ndouble dt = 1e-3;\n"
                                         "String line = PyFormat.repr(dt);\n"))

    def test_a_stub_without_solution(self):
        found = problems_of("%% stub Exercise 3: go\nx // TODO\n%% md\nnext\n")
        self.assertEqual(["notebooks/src/01-a.nb:12: Exercise 3 has no solution cell after its stub"], found)


if __name__ == "__main__":
    unittest.main()
