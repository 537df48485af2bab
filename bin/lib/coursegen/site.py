"""The course as a static site, to read without running anything (built and checked by `bin/run-tests site`):

  OUT/index.html                 the course index: each notebook, what you will do, its time, its solution
  OUT/NN-name.html               a student notebook as the learner opens it (no outputs)
  OUT/solutions/NN-name.html     its solution notebook, executed (printed output, figures)
  OUT/images/, OUT/plotly.js     the example images; plotly.js (from the lif jar), one copy for every page
  OUT/site.css                   the pages' look (nbconvert's JupyterLab style, the bar), one copy for every page
  OUT/site.json                  what the browser check expects: each page, its figures, its Binder link

A notebook without a solution notebook (00-setup-check) is shown executed. Every page has a bar with the
course index, the other version of the notebook and a "launch on Binder" button for that notebook. The
notebooks' links are rewritten for the site: notebooks become their pages, notebooks/README.md the index,
other files of the repository their page on GitHub (the repository the README's Binder badge names).
Figures draw offline; formulas need MathJax from jsDelivr (pinned), so they typeset online.
"""
import html
import json
import os
import posixpath
import re
import shutil
from urllib.parse import unquote

import nbformat

from coursegen import course, notebook
from coursegen.problems import Problems, SourceErrors

TEMPLATES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "site_template")
MATHJAX = "https://cdn.jsdelivr.net/npm/mathjax@2.7.9/MathJax.js?config=TeX-AMS_CHTML-full,Safe"
PLOTLY_MIME = "application/vnd.plotly.v1+json"
MARKDOWN_LINK = re.compile(r"(\]\(|\b(?:href|src)=\")([^)\"\s]+)")
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
NOTEBOOK = re.compile(r"^notebooks/((?:solutions/)?[\w.-]+)\.ipynb$")
STYLE = re.compile(r"<style[^>]*>.*?</style>\s*", re.S)


def executed_pages(sources):
    """Repository paths of the notebooks the site shows executed: the solutions, and a notebook without one."""
    return [notebook.path_in_repo(s, "solution" if s.solutions else "student") for s in sources]


def site_path(repo_path):
    """Where a file of the repository is on the site, or None when the site does not hold it."""
    m = NOTEBOOK.match(repo_path)
    if m:
        return m.group(1) + ".html"
    if repo_path == "notebooks/README.md":
        return "index.html"
    if repo_path.startswith("notebooks/images/"):
        return repo_path[len("notebooks/"):]
    return None


def rewrite_links(text, repo_path, repo):
    """Markdown and HTML links of text (written in the repository file repo_path) as links of its page."""
    page = site_path(repo_path)

    def fix(m):
        url = m.group(2)
        if SCHEME.match(url) or url.startswith("#"):
            return m.group(0)
        path, hash_, fragment = url.partition("#")
        target = posixpath.normpath(posixpath.join(posixpath.dirname(repo_path), unquote(path)))
        where = site_path(target)
        if where is None:
            new = "https://github.com/%s/blob/HEAD/%s" % (repo, target)
        else:
            new = posixpath.relpath(where, posixpath.dirname(page))
        return m.group(1) + new + hash_ + fragment

    return MARKDOWN_LINK.sub(fix, text)


def fresh(executed, committed):
    """True when the executed copy ran the committed notebook's cells as they are now."""
    return [c.source for c in executed.cells] == [c.source for c in committed.cells]


def unusable(project, sources, executed_dir):
    """Repository paths of the pages shown run whose executed copy in executed_dir is missing, ran other cells
    than the notebook has now, or holds an error."""
    out = []
    for repo_path in executed_pages(sources):
        copy = os.path.join(executed_dir, os.path.relpath(repo_path, "notebooks"))
        if not os.path.exists(copy):
            out.append(repo_path)
            continue
        executed = nbformat.read(copy, as_version=4)
        if errors(executed) or not fresh(executed, nbformat.read(os.path.join(project.root, repo_path), as_version=4)):
            out.append(repo_path)
    return out


def load(project):
    """The course's sources and the Binder repository; SourceErrors as bin/generate-notebooks reports them."""
    problems = Problems(project)
    sources = course.load(project, problems)
    repo = course.binder_repo(project, problems)
    if len(problems):
        raise SourceErrors(problems)
    return sources, repo


def figures(nb):
    """The trace count of each plotly figure among nb's outputs, in order."""
    return [len(o["data"][PLOTLY_MIME].get("data", [])) for c in nb.cells if c.cell_type == "code"
            for o in c.get("outputs", []) if PLOTLY_MIME in o.get("data", {})]


def has_math(nb):
    """True when a markdown cell holds a formula ($...$ outside code)."""
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    return bool(re.search(r"\$[^$\s][^$]*\$", re.sub(r"```.*?```|`[^`]*`", "", text, flags=re.S)))


def errors(nb):
    return [c.id for c in nb.cells if c.cell_type == "code"
            and any(o.get("output_type") == "error" for o in c.get("outputs", []))]


def shared_css(page, css_href):
    """(page with the <style> elements of its <head> replaced by one link to css_href, their CSS). Every page
    has the same (JupyterLab's look, 0.5 MB): one file, loaded once, instead of a copy in each page."""
    end = page.index("</head>")
    styles = STYLE.findall(page, 0, end)
    css = "\n".join(re.sub(r"^<style[^>]*>|</style>\s*$", "", s) for s in styles)
    head = STYLE.sub("", page[:end], count=len(styles))
    at = page.index(styles[0])
    head = head[:at] + '<link rel="stylesheet" href="%s">\n' % css_href + head[at:]
    return head + page[end:], css


def nav(here, title, other, binder):
    """The bar on top of a page (site-relative links from the page `here`)."""
    up = posixpath.relpath("index.html", posixpath.dirname(here))
    parts = ['<a class="lif-site-home" href="%s">LIF Neuron Part I, in Java</a>' % up,
             '<span class="lif-site-here">%s</span>' % html.escape(title)]
    if other:
        parts.append('<a class="lif-site-other" href="%s">%s</a>' % (posixpath.relpath(other[0], posixpath.dirname(here)),
                                                                     other[1]))
    parts.append('<a class="lif-site-binder" href="%s">launch on Binder</a>' % binder)
    return "\n".join(parts)


def index_notebook(sources, repo, kernel):
    """The index page, as a notebook of one markdown cell written as notebooks/README.md (links rewritten alike)."""
    def solution(s):
        return "[solution](solutions/%s.ipynb)" % s.name if s.solutions else "(its page shows it run)"
    text = "\n".join([
        "# The course: LIF Neuron Part I, in Java",
        "",
        "*" + course.CREDIT + "*",
        "",
        "%d Jupyter notebooks on a Java kernel (**%s**), to read here without running anything. Each "
        "title opens the notebook as the learner gets it, with the exercises to fill in; *solution* opens its "
        "solution notebook, run once with its printed output and figures. To run a notebook, press *launch "
        "on Binder* on its page (a JupyterLab in the browser, nothing to install), or start it on your "
        "machine ([README](../README.md)). Work through them in order; times are estimates for a learner who "
        "knows a little Python and no Java." % (len(sources), kernel[1]),
        "",
        course.table(sources, lambda s: s.name + ".ipynb", ("solution", solution)),
    ])
    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(text, id="index")])


def build(project, out, executed_dir, plotly_js):
    """Writes the site into out (emptied first); returns the manifest (also out/site.json). SourceErrors when
    the sources have problems, or an executed copy is unusable (see unusable)."""
    from nbconvert import HTMLExporter   # the site alone needs nbconvert (in build/venv, from binder/requirements.txt)

    sources, repo = load(project)
    kernel = project.kernel()
    problems = Problems(project)
    for repo_path in unusable(project, sources, executed_dir):
        problems.add(os.path.join(project.root, repo_path), None, "no executed copy in %s, an old one, or one with "
                     "errors: run bin/run-tests notebooks" % project.rel(executed_dir))
    if len(problems):
        raise SourceErrors(problems)

    pages = [("notebooks/README.md", "Course index", index_notebook(sources, repo, kernel), None)]
    shown_run = set(executed_pages(sources))
    for s in sources:
        for version in notebook.versions(s):
            repo_path = notebook.path_in_repo(s, version)
            path = os.path.join(executed_dir, os.path.relpath(repo_path, "notebooks")) if repo_path in shown_run \
                else os.path.join(project.root, repo_path)
            other = None
            if s.solutions:
                other = (("solutions/%s.html" % s.name, "solution (run)") if version == "student"
                         else ("%s.html" % s.name, "exercise version"))
            title = s.title + (" (solution)" if version == "solution" else "")
            pages.append((repo_path, title, nbformat.read(path, as_version=4), other))

    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(os.path.join(out, "solutions"))
    shutil.copytree(project.images, os.path.join(out, "images"), ignore=shutil.ignore_patterns("*.json"))
    shutil.copyfile(plotly_js, os.path.join(out, "plotly.js"))
    exporter = HTMLExporter(extra_template_basedirs=[TEMPLATES], template_name="lif-site")
    exporter.mathjax_url = MATHJAX
    manifest = {"repository": repo, "pages": []}
    css = None
    for repo_path, title, nb, other in pages:
        here = site_path(repo_path)
        for cell in nb.cells:
            if cell.cell_type == "markdown":
                cell.source = rewrite_links(cell.source, repo_path, repo)
        binder = course.binder_url(repo, notebook.path_in_repo(sources[0], "student") if here == "index.html" else repo_path)
        drawn = figures(nb)
        plotly = posixpath.relpath("plotly.js", posixpath.dirname(here)) if drawn else None
        body, _ = exporter.from_notebook_node(nb, resources={
            "metadata": {"name": title}, "lif": {"plotly": plotly, "nav": nav(here, title, other, binder)}})
        body, page_css = shared_css(body, posixpath.relpath("site.css", posixpath.dirname(here)))
        if css is not None and page_css != css:
            raise RuntimeError("%s: its styles differ from the other pages': they cannot share site.css" % here)
        css = page_css
        with open(os.path.join(out, here), "w", encoding="utf-8") as f:
            f.write(body)
        manifest["pages"].append({"page": here, "title": title, "notebook": repo_path, "binder": binder,
                                  "figures": drawn, "math": has_math(nb)})
    with open(os.path.join(out, "site.css"), "w", encoding="utf-8") as f:
        f.write(css)
    with open(os.path.join(out, "site.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=1)
    open(os.path.join(out, ".nojekyll"), "w").close()   # GitHub Pages: serve the files as they are
    return manifest
