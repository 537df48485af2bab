"""One notebook of the course, student or solution, as an nbformat notebook: the source's cells shown in that
version, markdown directives expanded, and what every notebook gets (the banner after the first cell, the
imports cell, further reading and the links at the end)."""
import json
import os
import re

import nbformat
from nbformat import v4

from coursegen import course

DIRECTIVE = re.compile(r"\{\{([^{}]*)\}\}")
ARGUMENT_DIRECTIVES = ("sample", "image")        # {{sample ex02}}: shown at most once per notebook
PLAIN_DIRECTIVES = ("solutions", "credit", "course")
LANGUAGE_INFO = {"name": "java", "file_extension": ".jshell", "mimetype": "text/x-java-source"}
RED_ERRORS = ("> **The red errors are expected.** Each exercise cell starts with "
              "`throw new UnsupportedOperationException(\"Exercise N: ...\")`, so it stops with a red "
              "*Exercise N: ...* error until you fill in the code and delete that line. *Run All* may stop at "
              "the first one: run the cells below it one by one. Stuck? Each exercise has collapsible hints "
              "under it, and the solution notebook is linked above.")


class Context:
    """What every notebook of one run shares: the project, the sources in order, the imports, the Binder
    repository and the kernelspec (name, display name)."""

    def __init__(self, project, sources, imports, repo, kernel):
        self.project, self.sources, self.imports, self.repo, self.kernel = project, sources, imports, repo, kernel


def versions(src):
    return ("student", "solution") if src.solutions else ("student",)


def shown(src, version):
    return [c for c in src.cells if c.only in (None, version)]


def check_directives(src, project, problems):
    """A problem for each unknown directive, missing sample or image, and sample or image shown twice in one
    notebook (e.g. once in a hint and once after the exercise)."""
    for version in versions(src):
        seen = {}
        for cell in shown(src, version):
            if cell.kind not in ("md", "hint"):
                continue
            for number, line in cell.numbered:
                for m in DIRECTIVE.finditer(line):
                    words = m.group(1).split()
                    name = words[0] if words else ""
                    if name in PLAIN_DIRECTIVES and len(words) == 1:
                        continue
                    if name not in ARGUMENT_DIRECTIVES or len(words) != 2:
                        problems.add(src.path, number, "unknown directive %r (allowed: {{sample exNN}}, {{image "
                                                       "exNN}}, {{solutions}}, {{credit}}, {{course}})" % m.group(0))
                        continue
                    if name == "sample":
                        path = os.path.join(project.samples, words[1] + ".txt")
                    else:
                        path = os.path.join(project.images, words[1] + ".png")
                    if not os.path.isfile(path):
                        problems.add(src.path, number, "%s: %s not found" % (m.group(0), project.rel(path)))
                    key = tuple(words)
                    if key in seen:
                        problems.add(src.path, number, "%s is shown twice in the %s notebook (first at line %d): "
                                                       "once is enough" % (m.group(0), version, seen[key]))
                    seen.setdefault(key, number)


def expand(text, src, version, ctx):
    """text with its directives replaced (check_directives has passed)."""
    up = "../" if version == "solution" else ""

    def replace(m):
        words = m.group(1).split()
        if words[0] == "sample":
            with open(os.path.join(ctx.project.samples, words[1] + ".txt"), encoding="utf-8") as f:
                return "**SAMPLE OUTPUT**\n\n```\n" + f.read().rstrip("\n") + "\n```"
        if words[0] == "image":
            return "**Example output**\n\n![Example output](%simages/%s.png)" % (up, words[1])
        if words[0] == "credit":
            return "*" + course.CREDIT + "*"
        if words[0] == "course":
            return course.table(ctx.sources, lambda s: up + s.name + ".ipynb")
        if version == "student":
            return ("**Solutions** to this notebook's exercises: [solutions/%s.ipynb](solutions/%s.ipynb) "
                    "(try first!)" % (src.name, src.name))
        return ("This is the **solution** notebook. The exercise version, with the stubs to fill in, is "
                "[../%s.ipynb](../%s.ipynb)." % (src.name, src.name))

    return DIRECTIVE.sub(replace, text)


def nav_line(ctx, position, version):
    """Previous notebook, course index, next notebook. From a solution notebook, previous and next lead to the
    exercise notebooks (the course's sequence), and the line says so."""
    up = "../" if version == "solution" else ""
    parts = []
    if position > 0:
        before = ctx.sources[position - 1]
        parts.append("← previous: [%s](%s%s.ipynb)" % (before.title, up, before.name))
    parts.append("[course index](%sREADME.md)" % up)
    if position + 1 < len(ctx.sources):
        after = ctx.sources[position + 1]
        parts.append("next: [%s](%s%s.ipynb) →" % (after.title, up, after.name))
    if version == "solution":
        parts.append("*previous and next lead to the exercise notebooks*")
    return " · ".join(parts)


def path_in_repo(src, version):
    return ("notebooks/solutions/%s.ipynb" if version == "solution" else "notebooks/%s.ipynb") % src.name


def banner(ctx, position, version, prefix):
    src = ctx.sources[position]
    badge = "[![Binder](https://mybinder.org/badge_logo.svg)](%s)" % course.binder_url(ctx.repo, path_in_repo(src, version))
    text = [badge + " " + nav_line(ctx, position, version), "", "**In this notebook you will**", ""]
    text += src.about.objectives
    text += ["", "**Time:** about %d minutes." % src.about.minutes]
    if version == "student" and src.stubs:
        text += ["", RED_ERRORS]
    return v4.new_markdown_cell("\n".join(text), id=prefix + "-banner")


def imports_cells(ctx, prefix):
    rows = ["| `%s` | %s |" % (i.statement, i.brings) for i in ctx.imports]
    md = "\n".join([
        "## Imports",
        "",
        "Java finds a class by its full name, such as `lif.LifParameters` or `java.util.List`; an `import` line "
        "lets the code below use the short name (`LifParameters`, `List`), like Python's `from lif import *`. "
        "The kernel this notebook names, *%s*, already ran these lines when it started, so "
        "running the cell again changes nothing. On another Java kernel (IJava, JJava, plain `jshell`) this "
        "cell is what makes the names below known: **run it first**." % ctx.kernel[1],
        "",
        "<details><summary>What each line brings</summary>",
        "",
        "| line | brings |",
        "|---|---|",
    ] + rows + [
        "",
        "A `*` imports every class of a package. The same lines are the kernel's start-up script "
        "(`kernel/init.jsh`): one list, used by both.",
        "",
        "</details>",
    ])
    code = "\n".join(i.statement for i in ctx.imports)
    return [v4.new_markdown_cell(md, id=prefix + "-imports-md"), v4.new_code_cell(code, id=prefix + "-imports")]


def end_cell(ctx, position, version, prefix):
    src = ctx.sources[position]
    text = ["## Further reading", ""] + src.reading + [""] if src.reading else []
    return v4.new_markdown_cell("\n".join(text + [nav_line(ctx, position, version)]), id=prefix + "-end")


def hint_text(cell):
    # blank lines around the markdown inside <details>, so that every renderer treats it as markdown
    return "\n".join(["<details><summary><b>Hint</b> for %s</summary>" % cell.exercise, "", cell.text, "",
                      "</details>"])


def code_cell(cell, cell_id):
    metadata, text, lif = {}, cell.text, {}
    if cell.kind == "stub":
        text = ("// Fill in the code below, then delete the next line.\n"
                "throw new UnsupportedOperationException(%s);\n" % json.dumps(cell.stub, ensure_ascii=False) + text)
        metadata["tags"] = ["raises-exception"]
        lif["stub"] = cell.exercise
    options = cell.options
    if options.get("hidden"):
        metadata["jupyter"] = {"source_hidden": True}
    if "expect" in options:
        lif["expect"] = "sample-output/%s.txt" % options["expect"]
        if "exponent" in options:
            lif["exponent"] = options["exponent"]
    if "figure" in options:
        lif["figure"] = "reference/%s.json" % options["figure"]
    if "image" in options:
        lif["image"] = "images/%s.png" % options["image"]
    if "bounds" in options:
        lif["bounds"] = options["bounds"]
    if lif:
        metadata["lif"] = lif
    return v4.new_code_cell(text, id=cell_id, metadata=metadata)


def build(ctx, position, version):
    """The notebook of ctx.sources[position] in version ("student" or "solution"), as an nbformat node."""
    src = ctx.sources[position]
    prefix = src.name.split("-", 1)[0]
    cells = []
    for cell in shown(src, version):
        cell_id = "%s-%02d" % (prefix, cell.index)
        if cell.kind in ("md", "hint"):
            text = hint_text(cell) if cell.kind == "hint" else cell.text
            cells.append(v4.new_markdown_cell(expand(text, src, version, ctx), id=cell_id))
            if len(cells) == 1:   # after the title cell
                cells.append(banner(ctx, position, version, prefix))
                cells += imports_cells(ctx, prefix)
        else:
            cells.append(code_cell(cell, cell_id))
    cells.append(end_cell(ctx, position, version, prefix))
    name, display = ctx.kernel
    nb = v4.new_notebook(cells=cells, metadata={
        "kernelspec": {"name": name, "display_name": display, "language": "java"}, "language_info": LANGUAGE_INFO})
    nbformat.validate(nb)
    return nb


def dumps(nb):
    """The notebook file's bytes, as text: nbformat's JSON (sorted keys, one-space indent) and a final newline."""
    return nbformat.writes(nb) + "\n"
