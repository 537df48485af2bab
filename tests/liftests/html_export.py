"""Export an executed notebook to one HTML file whose plots draw offline, opened from disk.

    PYTHONPATH=tests build/venv/bin/python -m liftests.html_export NOTEBOOK.ipynb OUT.html [NOTEBOOK OUT ...]
        --plotly PATH/TO/plotly.js [--template lab|classic]
    PYTHONPATH=tests build/venv/bin/python -m liftests.html_export NOTEBOOK.ipynb OUT.html [NOTEBOOK OUT ...]
        --plotly-src URL    (reference, don't embed)

nbconvert (the version binder/requirements.txt pins) writes the HTML; its template loads require.js and MathJax from a
CDN, which offline fails, so `require` is undefined. This script then puts plotly.js (the pinned version, e.g. the copy that
`lif.plot.PlotlyJs` installs) once into the page, as the FIRST script of <head>, before require.js: plotly's UMD
wrapper then sets window.Plotly (no AMD `define` exists yet), and every figure's text/html snippet uses
window.Plotly (rule 1 of lif.plot.PlotlyHtml). The notebook itself never carries plotly.js.

Exit codes: 0 written; 1 conversion failed or plotly.js unreadable/not the pinned version (target/layout.properties); 2 bad usage.
"""
import argparse
import re
import sys

from liftests import layout


def inject(html: str, script_tag: str) -> str:
    """Puts script_tag before the first <script> of <head> (so before require.js), after the <meta> tags:
    <meta charset="utf-8"> must stay within the page's first 1024 bytes, or a page opened from disk is
    decoded as windows-1252 and plotly.js breaks."""
    head = re.search(r"<head[^>]*>", html, flags=re.IGNORECASE)
    end = re.search(r"</head\s*>", html, flags=re.IGNORECASE)
    if not head or not end:
        raise ValueError("no <head> in the exported HTML")
    first_script = re.compile(r"<script\b", flags=re.IGNORECASE).search(html, head.end(), end.start())
    at = first_script.start() if first_script else end.start()
    return html[:at] + script_tag + "\n" + html[at:]


def plotly_inline(path: str, version: str) -> str:
    """plotly.js from path as one inline script tag; a ValueError unless its header names that version."""
    with open(path, encoding="utf-8") as f:
        js = f.read()
    if ("v" + version) not in js[:2000]:
        raise ValueError(f"{path} is not plotly.js {version}")
    # an inline script ends at the first "</script": keep that sequence out of the code
    js = re.sub(r"</(script)", r"<\\/\1", js, flags=re.IGNORECASE)
    return f'<script type="text/javascript" data-lif-plotly="{version}">\n{js}\n</script>'


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("files", nargs="+", metavar="NOTEBOOK OUT", help="executed .ipynb, then the HTML file to write; repeatable")
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--plotly", help="the pinned plotly.js to embed (inline, once per page)")
    g.add_argument("--plotly-src", help="URL or relative path of plotly.js to reference instead of embedding")
    p.add_argument("--template", default="lab", choices=["lab", "classic"], help="nbconvert HTML template")
    a = p.parse_args(argv)
    if len(a.files) % 2:
        p.error("give each notebook with the HTML file to write (pairs), got %d paths" % len(a.files))
    try:
        import nbformat
        from nbconvert import HTMLExporter

        exporter = HTMLExporter(template_name=a.template)
        version = layout.get("plotly.version")
        if a.plotly:
            tag = plotly_inline(a.plotly, version)
        else:
            src = a.plotly_src.replace("&", "&amp;").replace('"', "&quot;")
            tag = f'<script type="text/javascript" src="{src}" data-lif-plotly="{version}"></script>'
        for notebook, out in zip(a.files[::2], a.files[1::2]):
            body, _ = exporter.from_notebook_node(nbformat.read(notebook, as_version=4))
            with open(out, "w", encoding="utf-8") as f:
                f.write(inject(body, tag))
            print(out)
    except Exception as e:  # noqa: BLE001 - report any failure as exit 1
        print(f"html_export: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
