"""One .nb source read into cells (the format: bin/generate-notebooks' docstring). Every problem is added to
`problems` with its line, and reading goes on, so that one run names them all."""
import os
import re
from dataclasses import dataclass, field

HEADER = re.compile(r"^%% (\S+)(.*)$")
CELL_KINDS = ("md", "code", "stub", "solution", "hint")
META_KINDS = ("about", "reading", "notebook")  # not cells: what the source says about its notebook
STUB_TEXT = re.compile(r"^(Exercise \d+):\s*\S")
HINT_TEXT = re.compile(r"^Exercise \d+$")
BOUND = re.compile(r"^([A-Za-z0-9_.-]+)<([-+0-9.eE]+)$")
CODE_KEYS = ("expect", "exponent", "figure", "image")
TITLE = re.compile(r"^# (.+)$")
OBJECTIVES = (2, 4)


@dataclass
class Cell:
    kind: str
    line: int                   # the header's line
    index: int = 0              # the header's position in the source (notebook cell ids are made from it)
    only: str = None            # "student" or "solution": in that notebook only
    options: dict = field(default_factory=dict)
    exercise: str = None        # stub and hint: "Exercise 4"
    stub: str = None            # stub: its header's text, "Exercise 4: what to do"
    numbered: list = field(default_factory=list)  # (line, text) under the header, blank lines at both ends cut

    @property
    def text(self):
        return "\n".join(text for _, text in self.numbered)


@dataclass
class About:
    minutes: int
    summary: str                # one line, for the course index
    objectives: list            # markdown list items ("- ..." and their indented continuation lines)


@dataclass
class Source:
    path: str
    name: str                   # the file name without .nb: the notebooks' name
    cells: list                 # the cells shown (md, code, stub, solution, hint), in order
    about: About = None
    reading: list = None        # markdown list items, or None
    solutions: bool = True      # False: no solution notebook (%% notebook nosolutions)
    title: str = ""

    @property
    def stubs(self):
        return [c for c in self.cells if c.kind == "stub"]


def parse(path, problems):
    """The Source of the .nb file at path; problems found are added to problems."""
    def problem(line, message):
        problems.add(path, line, message)

    with open(path, encoding="utf-8") as f:
        text_lines = f.read().split("\n")
    headers, current = [], None
    for number, line in enumerate(text_lines, 1):
        m = HEADER.match(line)
        if m:
            if m.group(1) in CELL_KINDS + META_KINDS:
                current = Cell(kind=m.group(1), line=number, index=len(headers))
                header(current, m.group(2).strip(), problem)
                headers.append(current)
                continue
            problem(number, "unknown header '%%%% %s' (allowed: %s)" % (m.group(1), ", ".join(CELL_KINDS + META_KINDS)))
        if current is None:
            if line.strip():
                problem(number, "text before the first '%% ' header")
        else:
            current.numbered.append((number, line))
    for cell in headers:
        while cell.numbered and cell.numbered[0][1] == "":
            cell.numbered.pop(0)
        while cell.numbered and cell.numbered[-1][1] == "":
            cell.numbered.pop()

    source = Source(path=path, name=os.path.basename(path)[:-len(".nb")],
                    cells=[c for c in headers if c.kind in CELL_KINDS])
    abouts = [c for c in headers if c.kind == "about"]
    if len(abouts) != 1:
        problem(abouts[1].line if abouts else None,
                "needs exactly one '%%%% about MINUTES' header, found %d" % len(abouts))
    if abouts and "minutes" in abouts[0].options:
        source.about = about(abouts[0], problem)
    readings = [c for c in headers if c.kind == "reading"]
    if len(readings) > 1:
        problem(readings[1].line, "a second '%% reading': one list per notebook")
    if readings:
        source.reading = list_items(readings[0].numbered, readings[0].line, "a further reading", problem)
    source.solutions = not any(c.options.get("nosolutions") for c in headers if c.kind == "notebook")
    first = source.cells[0] if source.cells else None
    m = TITLE.match(first.text.split("\n")[0]) if first and first.kind == "md" and first.only is None else None
    if m:
        source.title = m.group(1).strip()
    else:
        problem(first.line if first else None,
                "the first cell must be markdown (in both notebooks) starting with '# title'")
    exercises(source, problem)
    return source


def header(cell, rest, problem):
    """Fills in what the header line says after its kind (rest); a problem for each word it cannot use."""
    where = cell.line
    if cell.kind == "stub":
        m = STUB_TEXT.match(rest)
        if m:
            cell.only, cell.stub, cell.exercise = "student", rest, m.group(1)
        else:
            problem(where, "a stub header is '%%%% stub Exercise N: what to do', got %r" % rest)
        return
    if cell.kind == "hint":
        cell.only = "student"
        words = rest.split()
        if HINT_TEXT.match(" ".join(words[:2])):
            cell.exercise = " ".join(words[:2])
        else:
            problem(where, "a hint header is '%%%% hint Exercise N', got %r" % rest)
        for word in words[2:]:
            if word.split("=")[0] in ("expect", "image"):
                problem(where, "a hint no longer shows the example output (%s): the {{sample}} or {{image}} in "
                               "the markdown after the exercise shows it, once" % word)
            else:
                problem(where, "unknown hint word %r" % word)
        return
    if cell.kind == "about":
        words = rest.split()
        if words and words[0].isdigit() and int(words[0]) > 0:
            cell.options["minutes"] = int(words[0])
        else:
            problem(where, "an about header is '%%%% about MINUTES' (a whole number > 0), got %r" % rest)
        for word in words[1:]:
            if word.startswith("videos="):
                problem(where, "videos= is gone: name the videos in the markdown of the section they belong to")
            else:
                problem(where, "unknown about word %r" % word)
        return
    if cell.kind == "reading":
        if rest:
            problem(where, "a reading header takes no words, got %r" % rest)
        return
    if cell.kind == "notebook":
        for word in rest.split():
            if word == "nosolutions":
                cell.options["nosolutions"] = True
            else:
                problem(where, "unknown notebook word %r (allowed: nosolutions)" % word)
        return
    if cell.kind == "solution":
        cell.only = "solution"
    for word in rest.split():
        key, _, value = word.partition("=")
        if word in ("student", "solution") and cell.kind == "md":
            cell.only = word
        elif word == "hidden" and cell.kind != "md":
            cell.options["hidden"] = True
        elif key == "bound" and value and cell.kind != "md":
            bounds = []
            for part in value.split(","):
                m = BOUND.match(part)
                if m:
                    bounds.append({"name": m.group(1), "max": float(m.group(2))})
                else:
                    problem(where, "a bound is NAME<MAX (e.g. std-rel-error<0.02), got %r" % part)
            cell.options["bounds"] = bounds
        elif key in CODE_KEYS and value and cell.kind != "md":
            cell.options[key] = value
        else:
            problem(where, "unknown %s header word %r" % (cell.kind, word))


def list_items(numbered, header_line, what, problem):
    """The "- " items of numbered lines (each with its continuation lines indented by two spaces), or None."""
    items = []
    for number, line in numbered:
        if line.startswith("- ") and line[2:].strip():
            items.append([line])
        elif line.startswith("  ") and line.strip() and items:
            items[-1].append(line)
        elif line.strip():
            problem(number, "%s is a list: each item starts with '- ', its further lines are indented by two "
                            "spaces, got %r" % (what, line))
    if not items:
        problem(header_line, "%s needs at least one '- ' item" % what)
        return None
    return ["\n".join(item) for item in items]


def about(cell, problem):
    """The About of an about cell: the summary paragraph, then the list of objectives."""
    numbered = cell.numbered
    blank = next((k for k, (_, line) in enumerate(numbered) if not line.strip()), len(numbered))
    summary = " ".join(" ".join(line for _, line in numbered[:blank]).split())
    if not summary or summary.startswith("- "):
        problem(cell.line, "the about text starts with the one-line summary for the course index (\"you will "
                           "...\"), then a blank line and 2 to 4 '- ' objectives")
        return None
    objectives = list_items(numbered[blank:], cell.line, "the objectives", problem) or []
    if objectives and not OBJECTIVES[0] <= len(objectives) <= OBJECTIVES[1]:
        problem(cell.line, "%d objectives: write %d to %d" % ((len(objectives),) + OBJECTIVES))
    return About(minutes=cell.options["minutes"], summary=summary, objectives=objectives)


def exercises(source, problem):
    """Each exercise has one stub, and a hint only for an exercise with a stub."""
    stubs = {}
    for cell in source.stubs:
        if cell.exercise in stubs:
            problem(cell.line, "a second stub of %s (the first is at line %d)" % (cell.exercise, stubs[cell.exercise]))
        stubs.setdefault(cell.exercise, cell.line)
    for cell in source.cells:
        if cell.kind == "hint" and cell.exercise and cell.exercise not in stubs:
            problem(cell.line, "a hint for %s, which has no stub in this notebook" % cell.exercise)
