// What a notebook's figures should look like (from the plotly JSON outputs of the saved .ipynb) and what the
// page drew (read from plotly's graph divs), compared; and when each figure was drawn.

export const PLOTLY_MIME = 'application/vnd.plotly.v1+json';

/**
 * Waits until every figure of an exported page or a classic-Notebook output (div.lif-plot, our HTML renderer's)
 * has settled, drawn or failed (its data-lif-state set); at most `timeout` ms, after which the checks say which is
 * missing. Resolves either way.
 */
export function waitLifPlots(page, timeout = 60000, polling = 50) {
  return page.waitForFunction(() => Array.from(document.querySelectorAll('div.lif-plot'))
    .every((d) => d.getAttribute('data-lif-state')), null, { timeout, polling }).catch(() => {});
}

/** A data array as a plain array: plotly's typed-array objects ({dtype, bdata: base64, shape}) decoded. */
export function dataArray(a) {
  if (!a || Array.isArray(a) || typeof a.bdata !== 'string') return a;
  const types = { f8: Float64Array, float64: Float64Array, f4: Float32Array, float32: Float32Array,
    i4: Int32Array, int32: Int32Array };
  const Type = types[a.dtype];
  if (!Type) throw new Error(`unknown typed-array dtype ${a.dtype}`);
  const bytes = Buffer.from(a.bdata, 'base64');
  const flat = Array.from(new Type(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length)));
  const shape = a.shape === undefined ? [flat.length] : String(a.shape).split(',').map(Number);
  if (shape.length === 1) return flat;
  return Array.from({ length: shape[0] }, (_, r) => flat.slice(r * shape[1], (r + 1) * shape[1]));
}

const titleText = (t) => (t === undefined || t === null ? '' : typeof t === 'string' ? t : t.text || '');

/** A title as plotly shows it: its HTML subset (<sub>, <br>, entities) reduced to the visible characters. */
export function visibleText(s) {
  return String(s || '').replace(/<br\s*\/?>/gi, ' ').replace(/<\/?(sub|sup|b|i|em|span|a)\b[^>]*>/gi, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&').replace(/\u200b/g, '').replace(/\s+/g, ' ').trim();
}

/** Expected titles, traces and drawable points of one plotly JSON figure: a point needs a non-null, non-NaN x and y. */
export function expectFigure(fig) {
  const layout = fig.layout || {};
  const traces = (fig.data || []).map((t) => {
    const x = dataArray(t.x) || [], y = dataArray(t.y) || [];
    const n = Math.max(x.length, y.length);
    const present = (v) => v !== null && v !== undefined && !(typeof v === 'number' && Number.isNaN(v));
    let points = 0;
    for (let k = 0; k < n; k++) if (present(t.x ? x[k] : k) && present(t.y ? y[k] : k)) points++;
    // plotly's line.simplify (default true) merges collinear vertices of a line path
    const simplify = !(t.line && t.line.simplify === false);
    return { type: t.type || 'scatter', mode: t.mode || 'markers', points, simplify };
  });
  return {
    title: visibleText(titleText(layout.title)),
    xTitle: visibleText(titleText((layout.xaxis || {}).title)),
    yTitle: visibleText(titleText((layout.yaxis || {}).title)),
    // heatmaps are drawn as an image, not as points: counted apart
    traces: traces.filter((t) => t.type !== 'heatmap'),
    heatmaps: traces.filter((t) => t.type === 'heatmap').length,
    sliderSteps: layout.sliders && layout.sliders[0] ? layout.sliders[0].steps.length : 0,
  };
}

/** Per code cell index of a notebook's JSON, the expected figures of its plotly outputs (cells without: absent). */
export function expectedFigures(notebook) {
  const out = new Map();
  notebook.cells.forEach((c, index) => {
    if (c.cell_type !== 'code') return;
    const figures = (c.outputs || []).filter((o) => o.data && o.data[PLOTLY_MIME]).map((o) => expectFigure(o.data[PLOTLY_MIME]));
    if (figures.length) out.set(index, figures);
  });
  return out;
}

export const figureCount = (expected) => [...expected.values()].reduce((n, f) => n + f.length, 0);

/**
 * Runs in the page. For each element matching `cells`, what it shows: its prompt, its error outputs' text
 * (`errors` selector), and each plotly graph div (`graphs` selector) as drawn: titles, traces, points.
 */
export function readCellsInPage({ cells, graphs, errors }) {
  // plotly writes <sub> as tspans between zero-width spaces; textContent, unlike innerText, needs no layout (Lab
  // skips laying out cells out of view)
  const text = (e) => (e ? e.textContent.replace(/\u200b/g, '').replace(/\s+/g, ' ').trim() : '');
  const readGraph = (root) => {
    const gd = root.classList.contains('js-plotly-plot') ? root : root.querySelector('.js-plotly-plot');
    const failure = root.querySelector('.lif-plot-error');
    if (!gd) {
      // Lab's plotly renderer shows the PNG it saved in the output instead of drawing, until the cell runs again
      const img = root.querySelector('img.plot-img');
      const image = img && img.complete && img.naturalWidth > 0 && img.style.display !== 'none'
        ? [img.naturalWidth, img.naturalHeight] : null;
      return { drawn: false, image, error: failure ? failure.textContent : null, traces: [] };
    }
    const calc = gd.calcdata || [];
    const traces = Array.from(gd.querySelectorAll('.scatterlayer g.trace, .barlayer g.trace')).map((g, k) => {
      let vertices = 0;
      g.querySelectorAll('path.js-line').forEach((p) => { vertices += ((p.getAttribute('d') || '').match(/[ML]/g) || []).length; });
      // points plotly computed for the drawn trace (finite x and y)
      const calcPoints = (calc[k] || []).filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y)).length;
      return { markers: g.querySelectorAll('path.point').length, vertices, calcPoints };
    });
    const size = gd._fullLayout ? [Math.round(gd._fullLayout.width), Math.round(gd._fullLayout.height)] : [0, 0];
    return {
      drawn: !!gd.querySelector('svg.main-svg') && size[0] > 0 && size[1] > 0, size,
      error: failure ? failure.textContent : null,
      state: root.getAttribute('data-lif-state'),
      title: text(gd.querySelector('.gtitle')), xTitle: text(gd.querySelector('.xtitle')),
      yTitle: text(gd.querySelector('.ytitle')), traces,
      heatmaps: Array.from(gd.querySelectorAll('.heatmaplayer g.hm')).filter((g) => g.querySelector('image')).length,
      sliderSteps: gd.querySelectorAll('.slider-container rect.slider-tick-rect').length,
      sliderRails: gd.querySelectorAll('.slider-container').length,
      // the first trace's y values as plotly computed them, for checks that a figure changed
      y: calc[0] ? calc[0].map((p) => p.y) : null,
    };
  };
  return Array.from(document.querySelectorAll(cells)).map((cell) => ({
    code: cell.classList.contains('jp-CodeCell') || cell.classList.contains('code_cell'),
    prompt: text(cell.querySelector('.jp-InputPrompt, .input_prompt')),
    errors: Array.from(cell.querySelectorAll(errors)).map((e) => e.textContent),
    graphs: Array.from(cell.querySelectorAll(graphs)).map(readGraph),
  }));
}

/** Problems of one drawn figure against its expectation (`image`: shown as the saved PNG is enough). */
export function compareFigure(where, exp, got, image = false) {
  const problems = [];
  if (!got) return [`${where}: not in the page`];
  if (image && got.image) return [];
  if (got.error) problems.push(`${where}: shows the failure message: ${got.error}`);
  if (!got.drawn || (got.state !== undefined && got.state !== null && got.state !== 'drawn')) {
    problems.push(`${where}: not drawn (size ${got.size}, state ${got.state})`);
  }
  for (const [key, what] of [['title', 'title'], ['xTitle', 'x axis title'], ['yTitle', 'y axis title']]) {
    if (!exp[key]) problems.push(`${where}: the figure has no ${what}`);
    else if (got[key] !== exp[key]) problems.push(`${where}: ${what} drawn as ${JSON.stringify(got[key])}, expected ${JSON.stringify(exp[key])}`);
  }
  if ((got.heatmaps || 0) !== exp.heatmaps) problems.push(`${where}: ${got.heatmaps} heatmaps drawn, ${exp.heatmaps} expected`);
  if (exp.sliderSteps > 0 && !got.sliderRails) problems.push(`${where}: no slider drawn (${exp.sliderSteps} steps expected)`);
  else if ((got.sliderSteps || 0) !== exp.sliderSteps) problems.push(`${where}: ${got.sliderSteps} slider steps drawn, ${exp.sliderSteps} expected`);
  if (got.traces.length !== exp.traces.length) {
    problems.push(`${where}: ${got.traces.length} traces drawn, ${exp.traces.length} expected`);
    return problems;
  }
  exp.traces.forEach((t, k) => {
    const g = got.traces[k];
    if (/markers/.test(t.mode) && g.markers !== t.points) problems.push(`${where} trace ${k}: ${g.markers} markers drawn, ${t.points} expected`);
    if (/lines/.test(t.mode) && !t.simplify && g.vertices !== t.points) problems.push(`${where} trace ${k}: ${g.vertices} line vertices drawn, ${t.points} expected`);
    if (/lines/.test(t.mode) && t.simplify && (g.vertices < Math.min(2, t.points) || g.vertices > t.points)) problems.push(`${where} trace ${k}: ${g.vertices} line vertices drawn for ${t.points} points`);
    if (g.calcPoints !== t.points) problems.push(`${where} trace ${k}: plotly computed ${g.calcPoints} points, ${t.points} expected`);
  });
  return problems;
}

/** Problems of a whole page: every expected figure drawn in its cell (or, with `image`, shown as its PNG), and no
 *  other figure. */
export function compareCells(expected, drawnCells, cellNames = (i) => `cell ${i}`, image = false) {
  const problems = [];
  drawnCells.forEach((cell, index) => {
    const want = expected.get(index) || [];
    if (cell.graphs.length !== want.length) problems.push(`${cellNames(index)}: ${cell.graphs.length} figures in the page, ${want.length} in the saved notebook`);
    want.forEach((f, k) => problems.push(...compareFigure(`${cellNames(index)} figure ${k + 1}`, f, cell.graphs[k], image)));
  });
  const last = Math.max(-1, ...expected.keys());
  if (last >= drawnCells.length) problems.push(`the page shows ${drawnCells.length} cells, the saved notebook has figures in cell ${last}`);
  return problems;
}

// Runs in the page before anything else (addInitScript): when each plotly graph div entered the page and when it
// was drawn, and when each code cell's prompt turned from [*] to its number (the cell's end), in performance.now() ms.
export function installFigureClock() {
  const clock = window.__lifClock = { graphs: [], cellEnds: new WeakMap(), cellStarts: new WeakMap(), clicks: {} };
  const seen = new WeakSet();
  const scan = () => {
    const now = performance.now();
    // a figure is our text/html wrapper (classic Notebook, exported HTML: drawn when it says so) or the output of
    // plotly's own renderer (JupyterLab, Notebook 7: it becomes the graph div, drawn once plotly laid it out)
    for (const el of document.querySelectorAll('div.lif-plot, .jp-RenderedPlotly, .js-plotly-plot')) {
      const wrapper = el.classList.contains('lif-plot');
      if (!wrapper && el.closest('div.lif-plot')) continue;
      let entry = el.__lifClock;
      if (!entry) { entry = el.__lifClock = { el, appear: now, drawn: null }; clock.graphs.push(entry); }
      if (entry.drawn === null && (wrapper ? el.getAttribute('data-lif-state') === 'drawn'
        : el._fullLayout && el.calcdata && el.querySelector('svg.main-svg'))) entry.drawn = now;
    }
    for (const p of document.querySelectorAll('.jp-InputPrompt, .input_prompt')) {
      const cell = p.closest('.jp-Cell, .cell');
      if (!cell) continue;
      const t = p.textContent;
      if (t.includes('*')) { clock.cellStarts.set(cell, now); clock.cellEnds.delete(cell); seen.add(cell); }
      else if (seen.has(cell) && /\[\d+\]/.test(t) && !clock.cellEnds.has(cell)) clock.cellEnds.set(cell, now);
    }
  };
  new MutationObserver(scan).observe(document, { childList: true, subtree: true, characterData: true, attributes: true,
    attributeFilter: ['data-lif-state'] });
  // when a toolbar button was pressed (the interrupt check times from there)
  document.addEventListener('click', (e) => {
    const b = e.target.closest && e.target.closest('[data-command]');
    if (b) clock.clicks[b.getAttribute('data-command')] = performance.now();
  }, true);
}

/** Runs in the page: [{cell, appear, drawn, cellEnd}] for every figure under `cells` (null: the whole page), in page order. */
export function readFigureClock(cells) {
  const clock = window.__lifClock;
  if (cells === null) return clock.graphs.map((e) => ({ cell: -1, appear: e.appear, drawn: e.drawn, cellEnd: null }));
  const all = Array.from(document.querySelectorAll(cells));
  return clock.graphs.filter((e) => e.el.isConnected).map((e) => {
    const cell = e.el.closest(cells);
    const end = cell ? clock.cellEnds.get(cell) : undefined;
    return { cell: all.indexOf(cell), appear: e.appear, drawn: e.drawn, cellEnd: end === undefined ? null : end };
  }).sort((a, b) => a.cell - b.cell);
}

/** ms to each figure's being drawn (null: not drawn) from: 'end' its cell's end, or its output entering the page if
 *  later (0: drawn before the cell ended); 'output' its output entering the page. */
export function drawLatencies(times, from = 'end') {
  return times.map((x) => (x.drawn === null ? null
    : Math.max(0, Math.round(x.drawn - (from === 'end' ? Math.max(x.appear, x.cellEnd ?? 0) : x.appear)))));
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : Math.round((s[s.length / 2 - 1] + s[s.length / 2]) / 2)) : null;
};

/** {first, laterMedian, laterWorst, laterCount} of latencies in page order (null: not drawn, left out). */
export function summarise(ms) {
  const drawn = ms.filter((x) => x !== null);
  const later = drawn.slice(1);
  return { first: drawn.length ? drawn[0] : null, laterMedian: median(later),
    laterWorst: later.length ? Math.max(...later) : null, laterCount: later.length };
}
