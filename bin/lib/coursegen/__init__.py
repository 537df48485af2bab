"""The course generator: notebooks/src/*.nb become the student and solution notebooks, the course index, the
course block of README.md and the static course site. bin/generate-notebooks is its command line; that
command's docstring is the source format.

  coursegen.problems   every problem found, with its FILE:LINE, reported together at the end
  coursegen.source     one .nb source read into cells, its "about" and its "reading"
  coursegen.holes      each stub against its solution, outside the learner's holes
  coursegen.imports    kernel/init.jsh's import lines and what each brings (its trailing // comment)
  coursegen.course     the sources in order; the course table, notebooks/README.md, README.md's block
  coursegen.notebook   one notebook (student or solution) as nbformat cells: banner, imports, hints, links
  coursegen.cli        bin/generate-notebooks: what the sources generate, written or compared
  coursegen.site       the static course site (nbconvert), built by `bin/run-tests site`

Tests: coursegen/tests, run in the tools suite (tests/liftests/selftest/test_coursegen.py loads them).
Standard library and nbformat only (the site: nbconvert).
"""
import os

import layout  # bin/lib/layout.py: target/layout.properties, where the kernel's name is written once


class Project:
    """The files the generator reads and writes, under one root (the repository, or a test's scratch copy)."""

    def __init__(self, root):
        self.root = root
        self.sources = os.path.join(root, "notebooks", "src")
        self.notebooks = os.path.join(root, "notebooks")
        self.solutions = os.path.join(root, "notebooks", "solutions")
        self.images = os.path.join(root, "notebooks", "images")
        self.index = os.path.join(root, "notebooks", "README.md")
        self.samples = os.path.join(root, "tests", "notebooks", "sample-output")
        self.init_jsh = os.path.join(root, "kernel", "init.jsh")
        self.readme = os.path.join(root, "README.md")
        self.layout_file = os.path.join(root, "target", "layout.properties")

    def kernel(self):
        """(name, display name) of the kernelspec, from target/layout.properties."""
        return layout.get("kernel.name", self.layout_file), layout.get("kernel.display.name", self.layout_file)

    def rel(self, path):
        return os.path.relpath(path, self.root)


REPOSITORY = Project(layout.ROOT)
