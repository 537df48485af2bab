#!/usr/bin/env node
// Checks, in headless Debian Chromium with the network cut off, that every figure of a notebook is drawn
// by plotly.js with the traces and points its application/vnd.plotly.v1+json output says.
//
//   node notebook-plots.mjs live --url http://127.0.0.1:PORT/ --token TOKEN --notebook PATH_IN_SERVER.ipynb
//        --screenshots DIR [--save] [--report FILE.json] [--min-figures N] [--timeout-ms MS] [--retries N]
//        [--expect-text TEXT ...] [--student] [--old-plotly FILE]
//     Opens the notebook in a running classic Notebook 6 server, restarts the kernel, runs all cells
//     (Jupyter.notebook.execute_all_cells), waits for them, reads the DOM and compares it with each cell's
//     plotly JSON output; then re-runs one figure cell and times it from execute() to the drawn plot.
//     Prints how long each figure took to draw after its cell finished (fresh page: the first figure
//     includes loading plotly.js; median and worst of the later ones) and the bytes the page loaded.
//     --student: a learner notebook run unfilled: each stub cell (metadata lif.stub) must fail with
//     UnsupportedOperationException, every other cell must run and every figure of those cells must draw.
//     --old-plotly FILE: also times the first figure on two fresh pages of the same notebook, running only
//     the cells up to it, once with the served plotly.js and once with FILE in its place (the old bundle),
//     and prints the ratio.
//     --save saves the executed notebook through the server (for the HTML export step).
//     --expect-text (repeatable): printed text that must show in the page's outputs.
//     --retries (default 0): new kernels to try after one that never ran the cells; the test runner keeps
//     0, so a kernel start-up hang fails the test instead of hiding behind a retry.
//   node notebook-plots.mjs html --html FILE.html --ipynb EXECUTED.ipynb --screenshots DIR
//        [--report FILE.json] [--min-figures N] [--timeout-ms MS] [--old-html FILE.html]
//     Opens an exported HTML file from disk (file://) and compares its plots with the plotly JSON outputs
//     of the executed notebook it was exported from; prints when each figure was drawn after the page
//     started loading (first; median and worst of the later ones). --old-html: the same export with the
//     old plotly.js, timed on a fresh page for the ratio.
//
// The browser reaches nothing but the notebook server (live) or nothing at all (html): every other
// request is aborted (Playwright route) and host names resolve nowhere (--host-resolver-rules), so a CDN
// fallback cannot hide a broken offline path.
// Exit codes: 0 all figures drawn as expected; 1 a check failed; 2 bad usage; 3 set-up failure (browser,
// server, kernel never ran the cells).
//
// Env: CHROMIUM (default /usr/bin/chromium).

import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const PLOTLY_MIME = 'application/vnd.plotly.v1+json';

class SetupError extends Error {}

function usage(msg) {
  if (msg) console.error(`error: ${msg}`);
  console.error('usage: node notebook-plots.mjs live --url URL --token TOKEN --notebook PATH --screenshots DIR [--save] [--report FILE] [--min-figures N] [--timeout-ms MS] [--retries N] [--expect-text TEXT]');
  console.error('       node notebook-plots.mjs html --html FILE --ipynb FILE --screenshots DIR [--report FILE] [--min-figures N] [--timeout-ms MS]');
  process.exit(2);
}

function parseArgs(argv) {
  const mode = argv[0];
  if (mode !== 'live' && mode !== 'html') usage('first argument must be "live" or "html"');
  const opts = { mode, save: false, minFigures: 1, timeoutMs: 180000, retries: 0, expectText: [] };
  const flags = { '--url': 'url', '--token': 'token', '--notebook': 'notebook', '--screenshots': 'screenshots',
    '--report': 'report', '--html': 'html', '--ipynb': 'ipynb', '--min-figures': 'minFigures',
    '--timeout-ms': 'timeoutMs', '--retries': 'retries', '--old-plotly': 'oldPlotly', '--old-html': 'oldHtml' };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--save') { opts.save = true; continue; }
    if (a === '--student') { opts.student = true; continue; }
    if (a === '--expect-text' && i + 1 < argv.length) { opts.expectText.push(argv[++i]); continue; }
    if (!(a in flags) || i + 1 >= argv.length) usage(`unknown or incomplete argument ${a}`);
    opts[flags[a]] = argv[++i];
  }
  for (const k of ['minFigures', 'timeoutMs', 'retries']) opts[k] = Number(opts[k]);
  const need = mode === 'live' ? ['url', 'token', 'notebook', 'screenshots'] : ['html', 'ipynb', 'screenshots'];
  for (const k of need) if (opts[k] === undefined) usage(`missing --${k}`);
  if (mode === 'live' && !opts.url.endsWith('/')) opts.url += '/';
  return opts;
}

/** A data array as a plain array: plotly's typed-array objects ({dtype, bdata: base64, shape}) decoded. */
function dataArray(a) {
  if (!a || Array.isArray(a) || typeof a.bdata !== 'string') return a;
  const types = { f8: Float64Array, float64: Float64Array, f4: Float32Array, float32: Float32Array };
  const Type = types[a.dtype];
  if (!Type) throw new Error(`unknown typed-array dtype ${a.dtype}`);
  const bytes = Buffer.from(a.bdata, 'base64');
  const flat = Array.from(new Type(bytes.buffer, bytes.byteOffset, bytes.length / Type.BYTES_PER_ELEMENT));
  const shape = a.shape === undefined ? [flat.length] : String(a.shape).split(',').map(Number);
  if (shape.length === 1) return flat;
  return Array.from({ length: shape[0] }, (_, r) => flat.slice(r * shape[1], (r + 1) * shape[1]));
}

/** Expected traces and drawable points of one plotly JSON figure: a point needs a non-null, non-NaN x and y. */
function expectFigure(fig) {
  const traces = (fig.data || []).map((t) => {
    const x = dataArray(t.x) || [], y = dataArray(t.y) || [];
    const n = Math.max(x.length, y.length);
    const present = (v) => v !== null && v !== undefined && !(typeof v === 'number' && Number.isNaN(v));
    let points = 0;
    for (let k = 0; k < n; k++) {
      const xv = t.x ? x[k] : k, yv = t.y ? y[k] : k;
      if (present(xv) && present(yv)) points++;
    }
    // plotly's line.simplify (default true) merges collinear vertices of a line path
    const simplify = !(t.line && t.line.simplify === false);
    return { type: t.type || 'scatter', mode: t.mode || 'markers', points, simplify };
  });
  // heatmaps are drawn as an image, not as points: counted apart (rows x columns of z), checked to be drawn
  const heatmaps = traces.filter((t) => t.type === 'heatmap').length;
  const sliderSteps = fig.layout && fig.layout.sliders && fig.layout.sliders[0] ? fig.layout.sliders[0].steps.length : 0;
  return { title: fig.layout && fig.layout.title ? fig.layout.title.text : '',
    traces: traces.filter((t) => t.type !== 'heatmap'), heatmaps, sliderSteps };
}

/** Expectations from cells' outputs: [{cell, figures: [expectFigure...]}], figure cells only. */
function expectationsFromCells(cells) {
  const out = [];
  cells.forEach((c, index) => {
    if (c.cell_type !== 'code') return;
    const figures = (c.outputs || [])
      .filter((o) => o.data && o.data[PLOTLY_MIME])
      .map((o) => expectFigure(o.data[PLOTLY_MIME]));
    if (figures.length) out.push({ cell: index, figures });
  });
  return out;
}

// Runs in the page: what is drawn inside each .lif-plot div under `root`, read from the SVG DOM.
function readPlotsInPage(rootSelector) {
  const roots = rootSelector === null ? [document] : Array.from(document.querySelectorAll(rootSelector));
  return roots.map((root) => Array.from(root.querySelectorAll('div.lif-plot')).map((div) => {
    const gd = div.classList.contains('js-plotly-plot') ? div : div.querySelector('.js-plotly-plot');
    const state = div.getAttribute('data-lif-state');
    const error = div.querySelector('.lif-plot-error');
    if (!gd) return { state, error: error ? error.textContent : null, drawn: false, traces: [] };
    const calc = gd.calcdata || [];
    const traces = Array.from(gd.querySelectorAll('.scatterlayer g.trace, .barlayer g.trace')).map((g, k) => {
      const markers = g.querySelectorAll('path.point').length;
      let vertices = 0;
      g.querySelectorAll('path.js-line').forEach((p) => {
        const d = p.getAttribute('d') || '';
        vertices += (d.match(/[ML]/g) || []).length;
      });
      // points plotly computed for the drawn trace (finite x and y), from the plot element's calcdata
      const calcPoints = (calc[k] || []).filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y)).length;
      return { markers, vertices, calcPoints };
    });
    const title = gd.querySelector('.gtitle');
    const heatmaps = Array.from(gd.querySelectorAll('.heatmaplayer g.hm')).filter((g) => g.querySelector('image')).length;
    const sliderSteps = gd.querySelectorAll('.slider-container rect.slider-tick-rect').length;
    const sliderRails = gd.querySelectorAll('.slider-container').length;
    return {
      heatmaps, sliderRails, sliderSteps,
      state, drawn: !!gd.querySelector('svg.main-svg'), error: error ? error.textContent : null,
      title: title ? title.textContent : null, traces,
      legendItems: gd.querySelectorAll('.legend g.traces').length,
    };
  }));
}

/** Compares one drawn figure with its expectation; returns a list of problems. */
const failedFigures = new Set();

function compare(where, exp, got) {
  const problems = compareFigure(where, exp, got);
  if (problems.length) failedFigures.add(where);
  return problems;
}

function compareFigure(where, exp, got) {
  const problems = [];
  if (!got) return [`${where}: no plot div in the DOM`];
  if (got.error) problems.push(`${where}: shows the failure message: ${got.error}`);
  if (!got.drawn || got.state !== 'drawn') problems.push(`${where}: not drawn (state ${got.state})`);
  if ((got.heatmaps || 0) !== (exp.heatmaps || 0)) {
    problems.push(`${where}: ${got.heatmaps} heatmaps drawn, ${exp.heatmaps} expected`);
  }
  if ((exp.sliderSteps || 0) > 0 && !got.sliderRails) problems.push(`${where}: no slider drawn (${exp.sliderSteps} steps expected)`);
  else if ((got.sliderSteps || 0) !== (exp.sliderSteps || 0)) problems.push(`${where}: ${got.sliderSteps} slider steps drawn, ${exp.sliderSteps} expected`);
  if (got.traces.length !== exp.traces.length) {
    problems.push(`${where}: ${got.traces.length} traces drawn, ${exp.traces.length} expected`);
    return problems;
  }
  exp.traces.forEach((t, k) => {
    const g = got.traces[k];
    const hasMarkers = /markers/.test(t.mode), hasLines = /lines/.test(t.mode);
    if (hasMarkers && g.markers !== t.points) problems.push(`${where} trace ${k}: ${g.markers} markers drawn, ${t.points} expected`);
    if (hasLines && !t.simplify && g.vertices !== t.points) problems.push(`${where} trace ${k}: ${g.vertices} line vertices drawn, ${t.points} expected`);
    if (hasLines && t.simplify && (g.vertices < Math.min(2, t.points) || g.vertices > t.points)) problems.push(`${where} trace ${k}: ${g.vertices} line vertices drawn for ${t.points} points`);
    if (g.calcPoints !== t.points) problems.push(`${where} trace ${k}: plotly computed ${g.calcPoints} points, ${t.points} expected`);
  });
  return problems;
}

// Runs in the page before anything else (addInitScript): notes, per plot div, when it entered the DOM and
// when plotly.js had drawn it (data-lif-state="drawn"), in performance.now() ms since navigation start, and
// when each code cell finished executing (Notebook 6's finished_execute.CodeCell event, live pages only).
function installPlotTimer() {
  const t = window.__lifTimes = { appear: {}, drawn: {}, cellDone: {} };
  let seq = 0;
  const scan = () => {
    const now = performance.now();
    for (const div of document.getElementsByClassName('lif-plot')) {
      if (!div.__lifSeq) { div.__lifSeq = ++seq; t.appear[div.id] = now; }
      if (div.getAttribute('data-lif-state') === 'drawn' && t.drawn[div.id] === undefined) t.drawn[div.id] = now;
    }
  };
  // the Document node itself: observable before the parser has made <html>
  new MutationObserver(scan).observe(document,
    { childList: true, subtree: true, attributes: true, attributeFilter: ['data-lif-state'] });
  // when the page asked for plotly.js (the shared window.__lifPlotly promise appeared) and when it was ready
  const watch = setInterval(() => {
    if (!window.__lifPlotly || t.plotlyRequested !== undefined) return;
    t.plotlyRequested = performance.now();
    window.__lifPlotly.then(() => { t.plotlyReady = performance.now(); }, () => {});
    clearInterval(watch);
  }, 2);
  const hook = () => {
    if (!(window.Jupyter && Jupyter.notebook && Jupyter.notebook.events)) { setTimeout(hook, 50); return; }
    Jupyter.notebook.events.on('finished_execute.CodeCell', (e, d) => {
      const index = Jupyter.notebook.find_cell_index(d.cell);
      t.cellDone[index] = performance.now();
    });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', hook); else hook();
}

// Runs in the page: [{cell, id, appear, drawn, cellDone}] for every plot div, in page order.
function readPlotTimes() {
  const t = window.__lifTimes || { appear: {}, drawn: {}, cellDone: {} };
  const cells = window.Jupyter && Jupyter.notebook ? Jupyter.notebook.get_cells() : [];
  return Array.from(document.querySelectorAll('div.lif-plot')).map((div) => {
    const cellEl = div.closest('.cell');
    const cell = cellEl ? cells.findIndex((c) => c.element[0] === cellEl) : -1;
    const done = t.cellDone[cell];
    return { cell, id: div.id, appear: t.appear[div.id], drawn: t.drawn[div.id], cellDone: done === undefined ? null : done };
  });
}

/** ms to drawn, per figure (null when not drawn), from: 'cell' its cell finished (the later of the cell's
 *  finished_execute event and its output entering the page), 'output' its output entering the page, or
 *  'navigation' the page starting to load. */
function latencies(times, from) {
  return times.map((x) => {
    if (x.drawn === undefined) return null;
    const start = from === 'cell' ? Math.max(x.appear ?? 0, x.cellDone ?? 0) : from === 'output' ? (x.appear ?? 0) : 0;
    return Math.max(0, Math.round(x.drawn - start));
  });
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : Math.round((s[s.length / 2 - 1] + s[s.length / 2]) / 2)) : null;
}

/** {first, laterMedian, laterWorst, laterCount, undrawn} of a list of latencies (page order). */
function summarise(ms) {
  const drawn = ms.filter((x) => x !== null);
  const later = drawn.slice(1);
  return { first: drawn.length ? drawn[0] : null, laterMedian: median(later),
    laterWorst: later.length ? Math.max(...later) : null, laterCount: later.length, undrawn: ms.length - drawn.length };
}

function describe(sum) {
  if (sum.first === null) return 'no figure drawn';
  return `first figure ${sum.first} ms` + (sum.laterCount
    ? `; later figures (${sum.laterCount}) median ${sum.laterMedian} ms, worst ${sum.laterWorst} ms` : '');
}

/** Counts the bytes of every response the page receives (total, and plotly.js alone). */
function countBytes(page, into) {
  into.total = 0; into.plotly = 0;
  page.on('requestfinished', async (req) => {
    const sizes = await req.sizes().catch(() => null);
    const n = sizes ? sizes.responseBodySize : 0;
    into.total += n;
    if (/plotly[^/]*\.js(\?|$)/.test(req.url())) into.plotly += n;
  });
}

async function launch() {
  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) throw new SetupError(`no Chromium at ${executablePath}`);
  const userDataDir = fs.mkdtempSync(path.join(process.env.TMPDIR || '/tmp', 'lif-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath, headless: true, viewport: { width: 1100, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
      // nothing resolves but the loopback address: no CDN, even if a route were missed
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
  return { context, cleanup: async () => { await context.close(); fs.rmSync(userDataDir, { recursive: true, force: true }); } };
}

/** Aborts every request that is not to `allowedOrigin` (null: only file:, data:, blob:). */
async function cutNetwork(context, allowedOrigin, blocked) {
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if ((allowedOrigin && url.startsWith(allowedOrigin)) || /^(file|data|blob):/.test(url)) return route.continue();
    blocked.push(url);
    return route.abort('internetdisconnected');
  });
}

async function runLive(opts, page, report) {
  const origin = new URL(opts.url).origin + '/';
  const nbUrl = `${opts.url}notebooks/${opts.notebook.split('/').map(encodeURIComponent).join('/')}?token=${encodeURIComponent(opts.token)}`;
  const resp = await page.goto(nbUrl, { waitUntil: 'load', timeout: 60000 }).catch((e) => { throw new SetupError(`cannot open ${nbUrl}: ${e.message}`); });
  if (!resp || !resp.ok()) throw new SetupError(`notebook page answered ${resp && resp.status()}`);
  await page.waitForFunction(() => window.Jupyter && Jupyter.notebook && Jupyter.notebook._fully_loaded, null, { timeout: 60000 })
    .catch(() => { throw new SetupError('the notebook did not load'); });

  let ran = false;
  const t0 = Date.now();
  for (let attempt = 0; attempt <= opts.retries && !ran; attempt++) {
    report.attempts = attempt + 1;
    if (attempt > 0) {
      // a kernel that never answered: end its session (the server kills the process) and reload the page,
      // which starts a new kernel with a new websocket (a restart of a wedged kernel can time out)
      await page.evaluate(() => new Promise((resolve) => {
        try { Jupyter.notebook.session.delete(() => resolve(), () => resolve()); } catch (e) { resolve(); }
      }));
      await page.reload({ waitUntil: 'load', timeout: 60000 });
      await page.waitForFunction(() => window.Jupyter && Jupyter.notebook && Jupyter.notebook._fully_loaded, null, { timeout: 60000 });
    }
    await page.evaluate(() => Jupyter.notebook.clear_all_output());
    await page.waitForFunction(() => Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected(), null, { timeout: 90000 })
      .catch(() => {});
    const started = await page.evaluate(() => { window.__lifRunStart = performance.now(); Jupyter.notebook.execute_all_cells(); return true; });
    ran = await page.waitForFunction(() => {
      const cells = Jupyter.notebook.get_cells().filter((c) => c.cell_type === 'code');
      return cells.every((c) => typeof c.input_prompt_number === 'number') && !Jupyter.notebook.kernel_busy;
    }, null, { timeout: opts.timeoutMs, polling: 250 }).then(() => true, () => false);
    if (!ran) console.error(`attempt ${attempt + 1}: cells did not finish within ${opts.timeoutMs} ms; starting a new kernel`);
    void started;
  }
  if (!ran) throw new SetupError('the kernel never ran all cells');
  report.runAllMs = Date.now() - t0;

  const cells = await page.evaluate(() => Jupyter.notebook.get_cells().map((c) => ({
    cell_type: c.cell_type,
    outputs: c.cell_type === 'code' ? c.output_area.outputs : [],
  })));
  const errors = [];
  const stubs = await page.evaluate(() => Jupyter.notebook.get_cells().map((c) => (c.metadata && c.metadata.lif && c.metadata.lif.stub) || null));
  cells.forEach((c, i) => {
    if (!opts.student || !stubs[i]) return;
    const failed = (c.outputs || []).filter((o) => o.output_type === 'error');
    if (!failed.some((o) => /UnsupportedOperationException/.test(`${o.ename} ${o.evalue} ${(o.traceback || []).join(' ')}`))) {
      errors.push(`cell ${i}: learner stub "${stubs[i]}" should fail with UnsupportedOperationException, ${failed.length ? `got ${failed[0].ename}: ${failed[0].evalue}` : 'it ran'}`);
    }
  });
  report.stubs = stubs.filter((x) => x).length;
  cells.forEach((c, i) => (c.outputs || []).forEach((o) => {
    if (o.output_type === 'error' && !(opts.student && stubs[i])) errors.push(`cell ${i}: ${o.ename}: ${o.evalue}`);
    if (o.output_type === 'execute_result' && o.data && o.data['text/plain'] && /^[0-9a-f]{8}-[0-9a-f-]{27}$/.test(String(o.data['text/plain']).trim())) {
      errors.push(`cell ${i}: a display id was echoed as the cell result`);
    }
  }));
  const expected = expectationsFromCells(cells);
  const printed = cells.map((c) => (c.outputs || []).filter((o) => o.output_type === 'stream').map((o) => o.text).join('')).join('');
  const shown = await page.evaluate(() => Array.from(document.querySelectorAll('.output_area')).map((e) => e.innerText).join('\n'));
  for (const text of opts.expectText) {
    if (!printed.includes(text) || !shown.includes(text)) errors.push(`the page does not show the printed text ${JSON.stringify(text)}`);
  }

  // wait for every plot div to settle (drawn or failed)
  await page.waitForFunction(() => Array.from(document.querySelectorAll('div.lif-plot'))
    .every((d) => d.getAttribute('data-lif-state')), null, { timeout: 30000 }).catch(() => {});

  const drawnByCell = await page.evaluate(readPlotsInPage, '.cell');
  const problems = [...errors];
  for (const e of expected) {
    const got = drawnByCell[e.cell] || [];
    if (got.length !== e.figures.length) problems.push(`cell ${e.cell}: ${got.length} plot divs, ${e.figures.length} figures expected`);
    e.figures.forEach((f, k) => problems.push(...compare(`cell ${e.cell} figure ${k}`, f, got[k])));
  }
  report.figures = expected.map((e) => ({ cell: e.cell, expected: e.figures, drawn: drawnByCell[e.cell] }));
  report.times = await page.evaluate(readPlotTimes);
  report.latency = summarise(latencies(report.times, 'cell'));
  report.drawing = summarise(latencies(report.times, 'output'));
  report.plotly = await page.evaluate(() => ({ requested: window.__lifTimes.plotlyRequested, ready: window.__lifTimes.plotlyReady,
    firstCellDone: Math.min(...Object.values(window.__lifTimes.cellDone)) }));

  fs.mkdirSync(opts.screenshots, { recursive: true });
  await page.screenshot({ path: path.join(opts.screenshots, 'live-notebook.png'), fullPage: true });
  const cellHandles = await page.$$('.cell');
  for (const e of expected) {
    await cellHandles[e.cell].screenshot({ path: path.join(opts.screenshots, `live-cell-${String(e.cell).padStart(2, '0')}.png`) }).catch(() => {});
  }

  // time to render one figure, warm kernel and plotly.js loaded: execute() of the first figure cell
  // until its new plot is drawn
  if (expected.length) {
    report.renderOneFigureMs = await page.evaluate((index) => new Promise((resolve) => {
      const cell = Jupyter.notebook.get_cell(index);
      const t0 = performance.now();
      const check = () => {
        const div = cell.element[0].querySelector('div.lif-plot[data-lif-state="drawn"]');
        if (div) { resolve(Math.round(performance.now() - t0)); return; }
        if (performance.now() - t0 > 60000) { resolve(null); return; }
        requestAnimationFrame(check);
      };
      cell.execute();
      setTimeout(check, 0);
    }), expected[0].cell);
  }

  if (opts.oldPlotly && expected.length) {
    report.bundles = await compareBundles(opts, page.context(), nbUrl, expected[0].cell);
  }

  if (opts.save) {
    await page.evaluate(() => Jupyter.notebook.save_notebook());
    await page.waitForFunction(() => !Jupyter.notebook.dirty, null, { timeout: 30000 }).catch(() => problems.push('the notebook was not saved'));
  }
  report.origin = origin;
  return { expected, problems };
}

/**
 * The first figure of a fresh page, served plotly.js against the old one (FILE in its place): each on a new
 * page of the same notebook (same warm kernel), running the cells up to the first figure cell only.
 */
async function compareBundles(opts, context, nbUrl, figureCell) {
  const one = async (oldFile) => {
    const page = await context.newPage();
    const bytes = {};
    countBytes(page, bytes);
    try {
      // a fresh load: nothing from the HTTP (or V8 code) cache the first page filled
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      // no kernel.js preload: the first figure's own loader fetches plotly.js after its cell, as before
      await page.route('**/kernelspecs/**/kernel.js*', (route) => route.fulfill({ status: 404, body: '' }));
      if (oldFile) {
        await page.route('**/nbextensions/lif-plotly/plotly.js*', (route) =>
          route.fulfill({ path: oldFile, contentType: 'application/javascript' }));
      }
      await page.goto(nbUrl, { waitUntil: 'load', timeout: 60000 });
      await page.waitForFunction(() => window.Jupyter && Jupyter.notebook && Jupyter.notebook._fully_loaded
        && Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected(), null, { timeout: 90000 });
      const preloaded = await page.evaluate(() => document.querySelectorAll('div.lif-plot').length);
      await page.evaluate((last) => {
        Jupyter.notebook.clear_all_output();
        const upTo = [];
        for (let i = 0; i <= last; i++) upTo.push(i);
        Jupyter.notebook.execute_cells(upTo);
      }, figureCell);
      await page.waitForFunction((i) => {
        const cell = Jupyter.notebook.get_cell(i);
        return cell.element[0].querySelector('div.lif-plot[data-lif-state]');
      }, figureCell, { timeout: 120000, polling: 20 });
      const times = (await page.evaluate(readPlotTimes)).filter((x) => x.cell === figureCell);
      if (oldFile) bytes.plotly = fs.statSync(oldFile).size; // fulfilled by the route: not counted by Chromium
      const pt = await page.evaluate(() => window.__lifTimes);
      return { firstMs: latencies(times, 'cell')[0], preloaded, bytes,
        plotlyLoadMs: pt.plotlyReady !== undefined ? Math.round(pt.plotlyReady - pt.plotlyRequested) : null };
    } finally {
      await page.close({ runBeforeUnload: false }).catch(() => {});
    }
  };
  const served = await one(null);
  const old = await one(opts.oldPlotly);
  return { served, old, ratio: served.firstMs ? +(old.firstMs / served.firstMs).toFixed(1) : null };
}

async function runHtml(opts, page, report) {
  const nb = JSON.parse(fs.readFileSync(opts.ipynb, 'utf8'));
  const expected = expectationsFromCells(nb.cells);
  const t0 = Date.now();
  await page.goto(pathToFileURL(path.resolve(opts.html)).href, { waitUntil: 'load', timeout: 60000 });
  await page.waitForFunction(() => Array.from(document.querySelectorAll('div.lif-plot'))
    .every((d) => d.getAttribute('data-lif-state')), null, { timeout: opts.timeoutMs }).catch(() => {});
  report.loadMs = Date.now() - t0;
  const drawn = (await page.evaluate(readPlotsInPage, null))[0];
  const flat = expected.flatMap((e) => e.figures.map((f, k) => ({ where: `cell ${e.cell} figure ${k}`, f })));
  const problems = [];
  if (drawn.length !== flat.length) problems.push(`${drawn.length} plot divs in the page, ${flat.length} figures in the notebook`);
  flat.forEach((x, i) => problems.push(...compare(x.where, x.f, drawn[i])));
  report.figures = flat.map((x, i) => ({ where: x.where, expected: x.f, drawn: drawn[i] }));
  report.times = await page.evaluate(readPlotTimes);
  report.latency = summarise(latencies(report.times, 'output'));
  report.sinceLoad = summarise(latencies(report.times, 'navigation'));
  report.pageTiming = await page.evaluate(pageTiming);
  report.bytes = htmlBytes(opts.html);
  if (opts.oldHtml) {
    const oldPage = await page.context().newPage();
    await oldPage.goto(pathToFileURL(path.resolve(opts.oldHtml)).href, { waitUntil: 'load', timeout: 60000 });
    await oldPage.waitForFunction(() => Array.from(document.querySelectorAll('div.lif-plot'))
      .every((d) => d.getAttribute('data-lif-state')), null, { timeout: opts.timeoutMs }).catch(() => {});
    const old = summarise(latencies(await oldPage.evaluate(readPlotTimes), 'navigation'));
    await oldPage.close();
    report.bundles = { served: { firstMs: report.sinceLoad.first, bytes: report.bytes },
      old: { firstMs: old.first, bytes: htmlBytes(opts.oldHtml) },
      ratio: report.sinceLoad.first ? +(old.first / report.sinceLoad.first).toFixed(1) : null };
  }
  fs.mkdirSync(opts.screenshots, { recursive: true });
  await page.screenshot({ path: path.join(opts.screenshots, 'exported-html.png'), fullPage: true });
  return { expected, problems };
}

// Runs in the page: when it was parsed and loaded, ms since navigation start.
function pageTiming() {
  const n = performance.getEntriesByType('navigation')[0];
  return n ? { domContentLoaded: Math.round(n.domContentLoadedEventEnd), load: Math.round(n.loadEventEnd) } : null;
}

/** Bytes of an exported page from disk: the HTML and the plotly.js its script tag references. */
function htmlBytes(file) {
  const html = fs.readFileSync(file, 'utf8');
  const m = html.match(/<script[^>]*src="([^"]*plotly[^"]*)"/);
  const plotly = m && !/^[a-z]+:/.test(m[1]) ? fs.statSync(path.resolve(path.dirname(file), m[1])).size : 0;
  return { total: Buffer.byteLength(html) + plotly, plotly };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const report = { mode: opts.mode, blocked: [], consoleErrors: [] };
  let browser;
  let code = 0;
  try {
    browser = await launch();
    const allowed = opts.mode === 'live' ? new URL(opts.url).origin + '/' : null;
    await cutNetwork(browser.context, allowed, report.blocked);
    await browser.context.addInitScript(installPlotTimer);
    const page = browser.context.pages()[0] || await browser.context.newPage();
    if (opts.mode === 'live') { report.bytes = {}; countBytes(page, report.bytes); }
    page.on('console', (m) => { if (m.type() === 'error') report.consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => report.consoleErrors.push(String(e)));
    const { expected, problems } = opts.mode === 'live' ? await runLive(opts, page, report) : await runHtml(opts, page, report);
    const nFigures = expected.reduce((s, e) => s + e.figures.length, 0);
    if (nFigures < opts.minFigures) problems.push(`${nFigures} figures found, at least ${opts.minFigures} expected`);
    report.problems = problems;
    for (const p of problems) console.error(`FAIL ${p}`);
    console.log(`${opts.mode}: ${nFigures} figures checked, ${report.blocked.length} outside requests blocked` +
      (report.renderOneFigureMs != null ? `, one figure rendered in ${report.renderOneFigureMs} ms` : ''));
    if (report.latency) {
      console.log(`${opts.mode} timing (${opts.mode === 'live' ? 'after the cell finished' : 'after the output entered the page'}): ` +
        `${describe(report.latency)}; page loaded ${report.bytes.total} bytes, plotly.js ${report.bytes.plotly}`);
    }
    if (report.drawing) {
      console.log(`${opts.mode} timing (after the output entered the page): ${describe(report.drawing)}`);
    }
    if (report.sinceLoad) {
      const t = report.pageTiming;
      console.log(`${opts.mode} timing (since the page started loading): ${describe(report.sinceLoad)}` +
        (t ? `; DOMContentLoaded ${t.domContentLoaded} ms, load ${t.load} ms` : ''));
    }
    if (report.plotly && report.plotly.ready !== undefined) {
      const p = report.plotly, r = (x) => Math.round(x);
      console.log(`live plotly.js (kernel.js preload): requested ${r(p.requested)} ms after navigation, ready ${r(p.ready)} ms ` +
        `(load + parse ${r(p.ready - p.requested)} ms); first cell finished at ${r(p.firstCellDone)} ms`);
    }
    if (report.bundles) {
      const b = report.bundles;
      const load = (x) => (x.plotlyLoadMs != null ? `, plotly.js load + parse ${x.plotlyLoadMs} ms` : '');
      console.log(`${opts.mode} bundle comparison, first figure of a fresh page${opts.mode === 'live' ? ' without the kernel.js preload' : ''}: ` +
        `served plotly.js ${b.served.firstMs} ms (${b.served.bytes.plotly} bytes${load(b.served)}), ` +
        `old plotly.js ${b.old.firstMs} ms (${b.old.bytes.plotly} bytes${load(b.old)}): old/new ${b.ratio}x`);
    }
    // other problems (cell errors, echoed display ids, too few figures) fail the run as one more check
    const otherFailed = problems.length > 0 && failedFigures.size === 0 ? 1 : 0;
    console.log(`${nFigures - failedFigures.size} passed, ${failedFigures.size + otherFailed} failed`);
    code = problems.length ? 1 : 0;
  } catch (e) {
    console.error(`${e instanceof SetupError ? 'SETUP' : 'ERROR'}: ${e.message}`);
    report.setupError = e.message;
    code = 3;
  } finally {
    if (browser) await browser.cleanup().catch(() => {});
    if (opts.report) {
      fs.mkdirSync(path.dirname(path.resolve(opts.report)), { recursive: true });
      fs.writeFileSync(opts.report, JSON.stringify(report, null, 1));
    }
  }
  process.exit(code);
}

main();
