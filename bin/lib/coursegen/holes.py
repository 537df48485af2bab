"""Each stub against its solution: equal outside the learner's holes (the rule: bin/generate-notebooks'
docstring, STUBS AND SOLUTIONS)."""
import difflib


def norm(line):
    return " ".join(line.split())


def check(source, problems):
    """Adds a problem for each stub that differs from the solution cells after it outside its holes, at the
    stub's first differing line."""
    cells = source.cells
    for k, cell in enumerate(cells):
        if cell.kind != "stub":
            continue
        solution = []
        for later in cells[k + 1:]:
            if later.kind == "solution":
                solution += [line for _, line in later.numbered]
            elif later.kind in ("md", "code") and solution:
                break
        if not solution:
            problems.add(source.path, cell.line, "%s has no solution cell after its stub" % cell.exercise)
            continue
        sol = [norm(x) for x in solution if x.strip()]
        sol_set = set(sol)
        stub, where = [], []
        for number, x in cell.numbered:
            if not x.strip():
                continue
            n = norm(x)
            if n.startswith("// ") and n[3:] in sol_set:
                n = n[3:]   # a commented-out line the learner uncomments
            stub.append(n)
            where.append(number)
        matcher = difflib.SequenceMatcher(None, stub, sol, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal" or any("TODO" in x for x in stub[i1:i2]):
                continue
            if i1 < i2:
                line, what = where[i1], stub[i1]
            else:
                line = where[i1] if i1 < len(where) else (where[-1] if where else cell.line)
                what = "(nothing; the solution has %r)" % sol[j1]
            problems.add(source.path, line, "%s: the stub differs from its solution outside a TODO hole at: %s"
                         % (cell.exercise, what))
            break
