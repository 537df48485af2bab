"""Draws the notebooks' example output images from the figures of the executed solution notebooks.

  PYTHONPATH=tests python3 -m liftests.notebooks.images --draw [--executed DIR]   (bin/generate-notebooks --images)

Without --executed, first executes notebooks/solutions through the Java kernel (liftests.notebooks.execute, into
build/images-run). Then, for every code cell with {"lif": {"image": "images/exNN.png"}}, it takes the cell's
application/vnd.plotly.v1+json output, draws it with the pinned plotly.js (the cartesian bundle packed in the lif jar) in
headless Chromium, and writes notebooks/images/exNN.png and notebooks/images/exNN.json; the latter records
the SHA-256 of the figure JSON the image was drawn from (checks.figure_digest), so the notebook tests can
tell when an image is stale. Needs /usr/bin/chromium; standard library only otherwise.
"""
import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

from liftests import ROOT, extract_plotly, layout, module_env
from liftests.notebooks import checks

CHROMIUM = "/usr/bin/chromium"


def plotly_js(folder):
    try:
        return extract_plotly(os.path.join(folder, "plotly.js"))
    except (layout.MissingLayout, FileNotFoundError) as e:
        sys.exit("error: the lif jar (which packs plotly.js) is not built: %s (mvn -q package -DskipTests)" % e)


def draw(figure, png, folder, script):
    size = figure.get("layout", {})
    width, height = int(size.get("width", 700)), int(size.get("height", 400))
    page = os.path.join(folder, "figure.html")
    with open(page, "w", encoding="utf-8") as f:
        f.write('<!DOCTYPE html><html><head><meta charset="utf-8"><script src="%s"></script>'
                '<style>body{margin:0;background:#fff}</style></head><body><div id="g"></div><script>'
                'var fig = %s; Plotly.newPlot("g", fig.data, fig.layout, {staticPlot: true});'
                '</script></body></html>' % (os.path.basename(script), json.dumps(figure)))
    shot = os.path.join(folder, "shot.png")
    if os.path.exists(shot):
        os.remove(shot)
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    "--force-device-scale-factor=1", "--virtual-time-budget=5000",
                    "--window-size=%d,%d" % (width, height), "--screenshot=" + shot, "file://" + page],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    shutil.move(shot, png)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--draw", action="store_true", required=True)
    parser.add_argument("--executed", help="folder of already executed solution notebooks")
    args = parser.parse_args()
    executed = args.executed
    if not executed:
        executed = os.path.join(ROOT, "build", "images-run")
        shutil.rmtree(executed, ignore_errors=True)
        # the runner's checks would call every image stale: only execution matters here
        subprocess.call([sys.executable, "-m", "liftests.notebooks.execute",
                         os.path.join(ROOT, "notebooks", "solutions"), "--out", executed], env=module_env())
    drawn = 0
    with tempfile.TemporaryDirectory(prefix="lif-images.") as folder:
        script = plotly_js(folder)
        for path in sorted(glob.glob(os.path.join(executed, "**", "*.ipynb"), recursive=True)):
            with open(path, encoding="utf-8") as f:
                nb = json.load(f)
            for cell in nb["cells"]:
                image = cell.get("metadata", {}).get("lif", {}).get("image")
                if not image or cell.get("cell_type") != "code":
                    continue
                figure = checks.figure_of(cell)
                if figure is None:
                    sys.exit("error: %s: the cell for %s has no figure output" % (path, image))
                png = os.path.join(ROOT, "notebooks", image)
                os.makedirs(os.path.dirname(png), exist_ok=True)
                draw(figure, png, folder, script)
                record = {"image": os.path.basename(png), "sha256": checks.figure_digest(figure),
                          "drawn_from": os.path.relpath(path, executed),
                          "command": "bin/generate-notebooks --images"}
                with open(os.path.splitext(png)[0] + ".json", "w", encoding="utf-8") as f:
                    json.dump(record, f, indent=1, sort_keys=True)
                    f.write("\n")
                drawn += 1
                print("drew %s" % os.path.relpath(png, ROOT), flush=True)
    print("%d images" % drawn)
    return 0 if drawn else 1


if __name__ == "__main__":
    sys.exit(main())
