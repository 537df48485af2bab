"""A suite's result, handed to liftests.run as one JSON file instead of printed wording.

liftests.run starts each suite with the environment variable LIFTESTS_RESULT naming the file; the suite calls
write() once at its end. Run by hand (no LIFTESTS_RESULT), write() does nothing. The file:

    {"passed": N, "failed": N, "skipped": N,
     "notes": ["lines worth showing in the run's output: measured figures, tables"],
     "failures": ["one line per failed check"]}
"""
import json
import os

ENV = "LIFTESTS_RESULT"


def write(passed, failed, skipped=0, notes=(), failures=()):
    path = os.environ.get(ENV)
    if not path:
        return
    with open(path + ".tmp", "w", encoding="utf-8") as f:
        json.dump({"passed": passed, "failed": failed, "skipped": skipped, "notes": list(notes),
                   "failures": list(failures)}, f, indent=1)
    os.replace(path + ".tmp", path)


def write_unittest(result, notes=()):
    """write() for a unittest.TestResult: each test counts once; failures are named by their test."""
    failed = result.failures + result.errors
    write(result.testsRun - len(failed) - len(result.skipped), len(failed), len(result.skipped), notes,
          ["%s: %s" % (test.id(), trace.strip().splitlines()[-1]) for test, trace in failed])


def read(path):
    """The result in path as a dict with every key above, or None when the suite wrote none (or garbage)."""
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        counts = {k: int(data.get(k, 0)) for k in ("passed", "failed", "skipped")}
    except (OSError, ValueError, TypeError, AttributeError):
        return None
    return dict(counts, notes=[str(n) for n in data.get("notes", [])],
                failures=[str(n) for n in data.get("failures", [])])
