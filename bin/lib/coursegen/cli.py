"""bin/generate-notebooks: every file the sources generate, written, or compared with the committed one."""
import argparse
import glob
import os
import subprocess
import sys

import layout
from coursegen import REPOSITORY, course, imports, notebook
from coursegen.problems import Problems, SourceErrors


def targets(project=REPOSITORY):
    """(path, text) of every file the sources generate: the notebooks, the course index, README.md. Raises
    SourceErrors naming every problem found, before anything is made."""
    problems = Problems(project)
    sources = course.load(project, problems)
    for src in sources:
        notebook.check_directives(src, project, problems)
    found = imports.read(project.init_jsh, problems)
    repo = course.binder_repo(project, problems)
    parts = course.readme_parts(project, problems)
    try:
        kernel = project.kernel()
    except layout.MissingLayout:
        problems.add(project.layout_file, None, "not found: build the project first (mvn -q package -DskipTests)")
    except KeyError as e:
        problems.add(project.layout_file, None, "lacks the kernelspec's name (keys kernel.name, kernel.display.name): "
                                                "%s" % e)
    if len(problems):
        raise SourceErrors(problems)
    ctx = notebook.Context(project, sources, found, repo, kernel)
    out = []
    for position, src in enumerate(sources):
        for version in notebook.versions(src):
            folder = project.notebooks if version == "student" else project.solutions
            out.append((os.path.join(folder, src.name + ".ipynb"), notebook.dumps(notebook.build(ctx, position, version))))
    out.append((project.index, course.index_text(sources, kernel)))
    out.append((project.readme, course.readme_text(parts, sources)))
    return out


def unmade(project, generated):
    """Notebooks in notebooks/ and notebooks/solutions/ that no source generates (left from a removed source)."""
    made = {path for path, _ in generated}
    return sorted(p for folder in (project.notebooks, project.solutions)
                  for p in glob.glob(os.path.join(folder, "*.ipynb")) if p not in made)


def read(path):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except FileNotFoundError:
        return None


def images(project):
    """Executes the solution notebooks and redraws the images from their figures (liftests.notebooks.images)."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        p for p in (os.path.join(project.root, "tests"), os.environ.get("PYTHONPATH")) if p))
    return subprocess.call([sys.executable, "-m", "liftests.notebooks.images", "--draw"], env=env)


def main(argv, doc, project=REPOSITORY):
    parser = argparse.ArgumentParser(prog="bin/generate-notebooks", description=doc,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare only; exit 1 naming every stale file")
    parser.add_argument("--images", action="store_true", help="redraw notebooks/images from the solution notebooks")
    args = parser.parse_args(argv)
    if args.images:
        return images(project)
    try:
        generated = targets(project)
    except SourceErrors as e:
        for problem in e.problems:
            print(problem, file=sys.stderr)
        print("error: %d problem%s in the sources; nothing written" % (len(e.problems), "" if len(e.problems) == 1 else "s"),
              file=sys.stderr)
        return 2
    if args.check:
        stale = [path for path, text in generated if read(path) != text]
        for path in stale:
            print("stale: %s (run bin/generate-notebooks)" % project.rel(path))
        for path in unmade(project, generated):
            print("no source generates %s: remove it" % project.rel(path))
        return 1 if stale or unmade(project, generated) else 0
    for path, text in generated:
        if read(path) != text:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            print("wrote %s" % project.rel(path))
    for path in unmade(project, generated):
        print("warning: no source generates %s: remove it" % project.rel(path), file=sys.stderr)
    return 0
