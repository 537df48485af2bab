"""Checks an executed notebook's outputs against committed reference data, driven by cell metadata:

  {"lif": {"expect": "sample-output/ex02.txt"}}   the cell's stdout equals that file (paths under tests/notebooks/),
           "exponent": "E"                        ... once the file's exponent "e" is written "E" (Java println)
  {"lif": {"figure": "reference/ex07.json"}}      the cell's application/vnd.plotly.v1+json has the
                                                  reference's traces, x and y equal within 1e-12 relative
  {"lif": {"bounds": [{"name": "std-rel-error", "max": 0.02}]}}
                                                  the cell prints a line "std-rel-error = <number>" and
                                                  |number| < max (numeric agreement asserted by the tests)
  {"lif": {"image": "images/ex07.png"}}           notebooks/images/ex07.json records the SHA-256 of this
                                                  cell's figure JSON: the committed image is current
And in every code cell but a learner stub: each printed self-check verdict ("Exercise N: ...", from
check(n, answer)) is "Exercise N: correct"; and no accidental result: a cell shows an execute_result only
for a figure (plotly JSON, or HTML that draws with plotly), never an object's default text such as
"java.io.PrintStream@1b6d3586" (what a cell ending in System.out.printf(...) shows in every kernel).
Standard library only. Each function returns a list of problems (strings); empty means the check passed.
"""
import base64
import hashlib
import json
import math
import os
import re
import struct

from liftests import DATA, ROOT

NOTEBOOKS = os.path.join(ROOT, "notebooks")
PLOTLY = "application/vnd.plotly.v1+json"
RELATIVE = 1e-12
VERDICT = re.compile(r"^Exercise \d+: ")


def stdout_of(cell):
    return "".join(o.get("text", "") for o in cell.get("outputs", [])
                   if o.get("output_type") == "stream" and o.get("name") == "stdout")


def figure_of(cell):
    """The last plotly JSON the cell displayed, or None; typed arrays decoded (see decode_typed_arrays)."""
    found = None
    for o in cell.get("outputs", []):
        if PLOTLY in o.get("data", {}):
            found = o["data"][PLOTLY]
    return None if found is None else decode_typed_arrays(found)


_DTYPES = {"f8": "d", "float64": "d", "f4": "f", "float32": "f"}


def decode_typed_arrays(value):
    """A copy of plotly JSON with its typed arrays ({"dtype": "f8", "bdata": base64, "shape": "r,c"}) as lists
    of numbers, written as lif.plot.PlotlyJson writes decimals: whole values below 1e15 as ints, NaN and
    infinities as None."""
    if isinstance(value, dict):
        if isinstance(value.get("bdata"), str) and value.get("dtype") in _DTYPES:
            code = _DTYPES[value["dtype"]]
            raw = base64.b64decode(value["bdata"])
            numbers = [_plain(x) for x in struct.unpack("<%d%s" % (len(raw) // struct.calcsize(code), code), raw)]
            shape = [int(n) for n in str(value.get("shape", len(numbers))).split(",")]
            if len(shape) == 2:
                return [numbers[r * shape[1]:(r + 1) * shape[1]] for r in range(shape[0])]
            return numbers
        return {k: decode_typed_arrays(v) for k, v in value.items()}
    if isinstance(value, list):
        return [decode_typed_arrays(v) for v in value]
    return value


def _plain(x):
    if math.isnan(x) or math.isinf(x):
        return None
    if x == int(x) and abs(x) < 1e15 and not (x == 0 and math.copysign(1, x) < 0):
        return int(x)
    return x


def figure_digest(figure):
    """SHA-256 of the figure JSON (typed arrays decoded) in a canonical form (sorted keys, no spaces, floats as
    repr): the same figure gives the same digest whichever way its arrays were written."""
    text = json.dumps(decode_typed_arrays(figure), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def check_expect(cell, meta):
    with open(os.path.join(DATA, meta["expect"]), encoding="utf-8") as f:
        expected = f.read()
    if meta.get("exponent") == "E":
        expected = expected.replace("e", "E")
    actual = stdout_of(cell)
    if actual == expected:
        return []
    a, e = actual.split("\n"), expected.split("\n")
    for k in range(max(len(a), len(e))):
        got = a[k] if k < len(a) else "<no line>"
        want = e[k] if k < len(e) else "<no line>"
        if got != want:
            return ["printed output differs from %s at line %d: got %r, expected %r"
                    % (meta["expect"], k + 1, got, want)]
    return ["printed output differs from %s" % meta["expect"]]


def close(got, want, scale):
    return abs(got - want) <= RELATIVE * max(abs(got), abs(want), scale)


def check_figure(cell, meta):
    figure = figure_of(cell)
    if figure is None:
        return ["no %s output (the cell should end with a figure)" % PLOTLY]
    with open(os.path.join(DATA, meta["figure"]), encoding="utf-8") as f:
        reference = json.load(f)["traces"]
    traces = figure.get("data", [])
    if len(traces) != len(reference):
        return ["figure has %d traces, %s has %d" % (len(traces), meta["figure"], len(reference))]
    for k, (trace, ref) in enumerate(zip(traces, reference)):
        for axis in ("x", "y"):
            got, want = trace.get(axis) or [], ref[axis]
            if len(got) != len(want):
                return ["trace %d (%s): %d %s values, reference %d" % (k, ref["name"], len(got), axis, len(want))]
            # relative to each value, with a floor relative to the array's largest magnitude (values near 0)
            scale = max((abs(w) for w in want), default=0.0)
            for n, (g, w) in enumerate(zip(got, want)):
                if g is None or not close(g, w, scale):
                    return ["trace %d (%s) %s[%d] = %r, reference %r (%s)"
                            % (k, ref["name"], axis, n, g, w, meta["figure"])]
    return []


def check_image(cell, meta):
    figure = figure_of(cell)
    if figure is None:
        return ["no %s output to compare with %s" % (PLOTLY, meta["image"])]
    png = os.path.join(NOTEBOOKS, meta["image"])
    record = os.path.splitext(png)[0] + ".json"
    if not os.path.exists(png) or not os.path.exists(record):
        return ["%s or its record is missing: run bin/generate-notebooks --images" % meta["image"]]
    with open(record, encoding="utf-8") as f:
        recorded = json.load(f).get("sha256")
    if recorded != figure_digest(figure):
        return ["%s is stale (the figure changed): run bin/generate-notebooks --images" % meta["image"]]
    return []


def check_bounds(cell, meta):
    """Each bound: a printed line "NAME = <number>" with |number| < max."""
    problems = []
    text = stdout_of(cell)
    for bound in meta["bounds"]:
        value = None
        for line in text.split("\n"):
            head, sep, rest = line.partition("=")
            if sep and head.strip() == bound["name"] and rest.split():
                try:
                    value = float(rest.split()[0])
                except ValueError:
                    pass
        if value is None:
            problems.append("no printed line \"%s = <number>\" (bound < %g)" % (bound["name"], bound["max"]))
        elif not abs(value) < bound["max"]:
            problems.append("%s = %r, expected |value| < %g" % (bound["name"], value, bound["max"]))
    return problems


def check_verdicts(cell):
    """The self-checks the cell ran (printed lines "Exercise N: ...") all said correct."""
    return ["self-check says %r" % line for line in stdout_of(cell).split("\n")
            if VERDICT.match(line) and not line.endswith(": correct")]


# an object's default toString, ClassName@hash, also for arrays ("[D@1b6d3586", "[Ljava.lang.String;@6d06d69c"),
# alone in the output or wrapped in HTML tags
OBJECT_TEXT = re.compile(r"^\s*(<[^>]*>\s*)*\[*[A-Za-z_$][\w$.;]*@[0-9a-f]+\s*(<[^>]*>\s*)*$")


def result_text(data):
    """The text/plain or text/html of an output's data, as one string."""
    out = []
    for mime in ("text/plain", "text/html"):
        value = data.get(mime)
        if value is not None:
            out.append("".join(value) if isinstance(value, list) else str(value))
    return out


def check_results(cell):
    """execute_results only for figures; never an object's default toString (Class@hash)."""
    problems = []
    for o in cell.get("outputs", []):
        if o.get("output_type") not in ("execute_result", "display_data"):
            continue
        data = o.get("data", {})
        texts = result_text(data)
        if any(OBJECT_TEXT.match(t) for t in texts):
            problems.append("shows an accidental result %r (a cell ending in an expression such as "
                            "System.out.printf(...) shows its value; end it with a statement)"
                            % next(t for t in texts if OBJECT_TEXT.match(t)).strip()[:80])
        elif o.get("output_type") == "execute_result" and PLOTLY not in data \
                and not any("plotly" in t.lower() for t in texts):
            problems.append("shows a result that is not a figure: %r" % ((texts or [str(data)])[0].strip()[:80]))
    return problems


def check_notebook(nb):
    problems = []
    for index, cell in enumerate(nb.get("cells", [])):
        meta = cell.get("metadata", {}).get("lif", {})
        if cell.get("cell_type") != "code" or meta.get("stub"):
            continue
        problems += ["cell %d: %s" % (index, p) for p in check_verdicts(cell)]
        problems += ["cell %d: %s" % (index, p) for p in check_results(cell)]
        for key, check in (("expect", check_expect), ("figure", check_figure), ("image", check_image),
                           ("bounds", check_bounds)):
            if key in meta:
                problems += ["cell %d: %s" % (index, p) for p in check(cell, meta)]
    return problems
