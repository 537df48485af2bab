#!/usr/bin/env node
// The browser checks of one test run, in one headless Chromium: JupyterLab 4 and Notebook 7 (one server), the
// classic Notebook 6 (another server) and exported HTML pages opened from disk.
//
//   node tests/browser/run.mjs PLAN.json
//
// PLAN.json (written by tests/liftests/browser.py) names the servers, the notebooks to run and what to expect of
// them that the notebook itself says (stub hints, the parameter to edit); figures are expected from the saved
// notebook's plotly outputs. Writes the plan's `results` file: every (frontend, page, check) with its problems and
// numbers, and the figure-draw timings. Prints one line per check. Exit: 0 all passed, 1 a check failed,
// 2 bad usage, 3 set-up failure (no browser, no server).
//
// Env: CHROMIUM (default /usr/bin/chromium).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, api, SetupError } from './lib/chromium.mjs';
import { ClassicDriver } from './lib/classic.mjs';
import { compareCells, compareFigure, drawLatencies, expectedFigures, figureCount, installFigureClock,
  readCellsInPage, readFigureClock, summarise, waitLifPlots } from './lib/figures.mjs';
import { CELLS, JupyterLabDriver } from './lib/jupyterlab.mjs';

const results = { checks: [], timings: [], blocked: [], phases: [] };

/** Records one check: ok unless problems; prints a line. */
function record(frontend, page, check, problems, detail = '', numbers = {}) {
  const ok = problems.length === 0;
  results.checks.push({ frontend, page, check, ok, detail, problems, ...numbers });
  console.log(`${ok ? 'PASS' : 'FAIL'} ${frontend} ${page} ${check}${detail ? `: ${detail}` : ''}`);
  for (const p of problems.slice(0, 8)) console.log(`     ${p}`);
}

/** Runs step(); an exception fails `check` with its message instead of ending the run. */
async function guarded(frontend, page, check, step) {
  try {
    return await step();
  } catch (e) {
    if (e instanceof SetupError) throw e;
    record(frontend, page, check, [`${e.message.split('\n')[0]}`]);
    return null;
  }
}

const cellName = (i) => `cell ${i}`;

/** Problems of a Run All: each stub cell fails with its hint, no other cell shows an error, every code cell ran. */
function cellProblems(page, cells) {
  const problems = [];
  const stubs = new Map((page.stubs || []).map((s) => [s.cell, s]));
  cells.forEach((c, i) => {
    const stub = stubs.get(i);
    if (stub) {
      if (!stub.hint) problems.push(`cell ${i} (${stub.label}): no hint found in the stub's source`);
      else if (!c.errors.some((e) => e.includes(stub.hint))) {
        problems.push(`cell ${i} (${stub.label}): should fail with "${stub.hint}", shows ${c.errors.length ? JSON.stringify(c.errors[0].slice(0, 200)) : 'no error'}`);
      }
    } else if (c.errors.length) {
      problems.push(`cell ${i}: ${c.errors[0].slice(0, 300)}`);
    }
    if (c.code && !/\[\d+\]/.test(c.prompt)) problems.push(`cell ${i} did not run (prompt ${c.prompt || 'empty'})`);
  });
  return problems;
}

/** Open, Run All from the menu, check cells and figures against the saved notebook, time the figures. */
async function runAllPage(driver, page, shots) {
  const who = driver.kind;
  let saved = null;
  const phases = {};
  let t = Date.now();
  const phase = (name) => { phases[name] = Date.now() - t; t = Date.now(); };
  await guarded(who, page.name, 'run all', async () => {
    await driver.open(page.notebook);
    phase('open');
    const ms = await driver.runAll();
    await driver.waitFiguresDrawn();
    phase('run');
    const cells = await driver.read();
    const stubs = (page.stubs || []).length;
    record(who, page.name, 'cells', cellProblems(page, cells),
      `${cells.filter((c) => c.code).length} code cells in ${(ms / 1000).toFixed(1)} s${stubs ? `, ${stubs} stubs failed with their hints` : ''}`,
      { runAllMs: ms, stubs });
    saved = await driver.save();
    phase('save');
    const expected = expectedFigures(saved);
    const n = figureCount(expected);
    const problems = compareCells(expected, cells, cellName);
    const drawn = cells.reduce((s, c) => s + c.graphs.filter((g) => g.drawn).length, 0);
    record(who, page.name, 'figures', problems, `${drawn}/${n} drawn`, { figures: n, drawn });
    const times = await driver.figureTimes();
    if (n) {
      results.timings.push({ frontend: who, page: page.name, afterEnd: summarise(drawLatencies(times, 'end')),
        afterOutput: summarise(drawLatencies(times, 'output')) });
    }
    await driver.screenshot(path.join(shots, who, page.name));
    phase('screenshot');
    if (page.edit) await editAndRerun(driver, page);
    phase('edit');
  });
  await guarded(who, page.name, 'close', () => driver.close());
  phase('close');
  results.phases.push({ frontend: who, page: page.name, ...phases });
  console.log(`     ${who} ${page.name} ms: ${Object.entries(phases).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  return saved;
}

/** A learner testing a hypothesis: edits a parameter, re-runs its cell and the figure cell, then puts it back. */
async function editAndRerun(driver, page) {
  const { cell, figureCell, original, edited, what } = page.edit;
  const y = async () => {
    await driver.waitFiguresDrawn();
    const graph = (await driver.read())[figureCell].graphs[0];
    return graph && graph.drawn ? graph.y : null;
  };
  const before = await y();
  await driver.setSource(cell, edited);
  await driver.runCell(cell);
  await driver.runCell(figureCell);
  const after = await y();
  await driver.setSource(cell, original);
  await driver.runCell(cell);
  await driver.runCell(figureCell);
  const back = await y();
  const same = (a, b) => a && b && a.length === b.length && a.every((v, k) => v === b[k]);
  const problems = [];
  if (!before || !after || !back) problems.push(`cell ${figureCell}'s figure was not drawn (before ${!!before}, edited ${!!after}, restored ${!!back})`);
  else {
    if (same(before, after)) problems.push(`cell ${figureCell}'s drawn data did not change after ${what}`);
    if (!same(before, back)) problems.push(`cell ${figureCell}'s drawn data differs from the first run after putting the parameter back`);
  }
  const last = (ys) => ys[ys.length - 1].toPrecision(4);
  record(driver.kind, page.name, 'edit and re-run', problems, problems.length ? ''
    : `${what}: last point of cell ${figureCell}'s figure ${last(before)} -> ${last(after)}, back to ${last(back)}`);
}

/** Interrupt, restart, completion and signature help on the scratch notebook. */
async function interactions(driver, scratch, shots) {
  const who = driver.kind, name = scratch.name, page = () => driver.page;
  await guarded(who, name, 'interrupt', async () => {
    await driver.open(scratch.notebook);
    await driver.runCell(scratch.imports);
    await driver.runCell(scratch.members);
    const members = (await driver.cell(scratch.members).locator('.jp-OutputArea').innerText()).trim().split('\n')
      .map((l) => l.trim()).filter(Boolean);
    driver.members = members.map((m) => ({ name: m.slice(0, m.indexOf('(')), params: m.slice(m.indexOf('(') + 1, -1) }));
    await driver.cell(scratch.loop).locator('.jp-InputArea-editor').click();
    await page().keyboard.press('Shift+Enter');
    // the loop runs once its first line has printed
    await driver.cell(scratch.loop).locator('.jp-OutputArea-output', { hasText: scratch.loopStarted }).waitFor({ timeout: 60000 });
    await page().locator('.jp-NotebookPanel:not(.lm-mod-hidden) [data-command="notebook:interrupt-kernel"]').first().click();
    await page().waitForFunction(([cells, i]) => /\[\d+\]/.test(document.querySelectorAll(`${cells} .jp-InputPrompt`)[i].textContent),
      [CELLS, scratch.loop], { timeout: 30000, polling: 20 });
    const ms = await page().evaluate(([cells, i]) => {
      const cell = document.querySelectorAll(cells)[i];
      return Math.round(window.__lifClock.cellEnds.get(cell) - window.__lifClock.clicks['notebook:interrupt-kernel']);
    }, [CELLS, scratch.loop]);
    await driver.runCell(scratch.next);
    const next = await driver.cell(scratch.next).locator('.jp-OutputArea').innerText();
    const problems = [];
    if (!(ms <= 1000)) problems.push(`the cell ended ${ms} ms after the interrupt button, 1000 ms allowed`);
    if (!next.includes(scratch.nextText)) problems.push(`the next cell shows ${JSON.stringify(next)}, expected ${JSON.stringify(scratch.nextText)}`);
    record(who, name, 'interrupt', problems, `the loop cell ended ${ms} ms after the interrupt button; the next cell ran`, { interruptMs: ms });
  });
  await guarded(who, name, 'restart', async () => {
    await driver.menu('Kernel', /^Restart Kernel…$/);
    const started = Date.now();
    await page().locator('.jp-Dialog .jp-mod-accept').click();
    const prompt = await driver.runCell(scratch.imports);
    const ms = Date.now() - started;
    record(who, name, 'restart', prompt.includes('[1]') ? [] : [`after Kernel > Restart the first cell ran as ${prompt}, expected [1]`],
      `Kernel > Restart Kernel…, then a cell ran as ${prompt.trim()} ${(ms / 1000).toFixed(1)} s later`, { restartMs: ms });
  });
  await guarded(who, name, 'completion', async () => {
    const cls = scratch.className;
    await driver.cell(scratch.blank).locator('.cm-content').click();
    await page().keyboard.type(`${cls}.`);
    await page().keyboard.press('Tab');
    await page().locator('.jp-Completer-item').first().waitFor({ timeout: 30000 });
    const items = await page().locator('.jp-Completer-item').evaluateAll((es) => es.map((e) => e.getAttribute('data-value') || e.textContent));
    const offered = new Set(items.map((s) => s.replace(/\(.*$/, '').trim()));
    const missing = driver.members.filter((m) => !offered.has(m.name)).map((m) => m.name);
    const problems = driver.members.length ? [] : [`the cell listing ${cls}'s static methods printed none: nothing to compare`];
    if (missing.length) problems.push(`Tab after ${cls}. offers ${items.join(', ')}; missing: ${missing.join(', ')}`);
    record(who, name, 'completion', problems,
      `Tab after ${cls}. offers ${items.join(' ')}`);
    await page().keyboard.press('Escape');
  });
  await guarded(who, name, 'signature', async () => {
    const m = driver.members[0];
    await page().keyboard.type(`${m.name}(`);
    await page().keyboard.press('Shift+Tab');
    const tooltip = page().locator('.jp-Tooltip');
    await tooltip.waitFor({ timeout: 30000 });
    const text = (await tooltip.innerText()).trim();
    const problems = [];
    if (!text.includes(`${m.name}(`)) problems.push(`Shift+Tab shows ${JSON.stringify(text.slice(0, 200))}, no ${m.name}(`);
    for (const p of m.params.split(',').map((s) => s.trim()).filter(Boolean)) {
      if (!text.includes(p)) problems.push(`the signature shown does not name the parameter type ${p}: ${JSON.stringify(text.slice(0, 200))}`);
    }
    await driver.screenshot(path.join(shots, who, name));
    record(who, name, 'signature', problems, `Shift+Tab on ${scratch.className}.${m.name}( shows ${JSON.stringify(text.split('\n')[0])}`);
    await page().keyboard.press('Escape');
  });
  await guarded(who, name, 'close', () => driver.close());
}

/**
 * Each saved notebook, copied as a learner's download would be (another file: no signature of this server vouches
 * for it, so it opens untrusted), opened on a fresh page without running anything: every figure must show. Twice:
 * as saved here (Lab's renderer saved a PNG of each figure and shows that until the cell runs again), and with the
 * PNGs taken out, as a notebook saved by another frontend comes (then the figure is drawn from its plotly JSON).
 */
async function reopened(driver, server, saved, shots) {
  const who = driver.kind;
  if (saved.length) await driver.freshPage();
  for (const { page, notebook } of saved) {
    for (const withPng of [true, false]) {
      const check = withPng ? 'reopened' : 'reopened, no PNG';
      await guarded(who, page.name, check, async () => {
        const copy = JSON.parse(JSON.stringify(notebook));
        copy.metadata.lif_browser_test = { copy_of: page.notebook };
        if (!withPng) copy.cells.forEach((c) => (c.outputs || []).forEach((o) => { if (o.data) delete o.data['image/png']; }));
        const file = page.notebook.replace(/\.ipynb$/, withPng ? '.reopened.ipynb' : '.reopened-no-png.ipynb');
        const where = path.posix.join(driver.folder, file);
        fs.writeFileSync(path.join(server.root, where), JSON.stringify(copy, null, 1));
        const model = await api(server, 'GET', `api/contents/${where.split('/').map(encodeURIComponent).join('/')}`);
        const trusted = model.content.cells.filter((c) => c.cell_type === 'code' && c.metadata.trusted).length;
        await driver.open(file);
        await driver.waitFiguresDrawn();
        const expected = expectedFigures(copy);
        const cells = await driver.read();
        const problems = compareCells(expected, cells, cellName, withPng);
        if (trusted) problems.push(`the copy is trusted (${trusted} code cells): the server vouches for it, so this checks nothing`);
        const graphs = cells.flatMap((c) => c.graphs);
        const drawn = graphs.filter((g) => g.drawn).length, images = graphs.filter((g) => g.image).length;
        await driver.screenshot(path.join(shots, who, `${page.name} (${check})`));
        record(who, page.name, check, problems, `${drawn + images}/${figureCount(expected)} shown (${drawn} drawn, ` +
          `${images} as the saved PNG), untrusted, nothing run`, { figures: figureCount(expected), drawn, images });
        await driver.close();
      });
    }
  }
}

/** Exported HTML pages opened from disk (file://): every figure of the notebook drawn. */
async function htmlPages(context, plan, saved, shots) {
  const html = plan.html;
  const pairs = saved.map(({ page, lane }) => [path.join(html.root, plan.folders[lane], page.notebook),
    path.join(html.out, `${page.name.replace(/\//g, '-')}.html`)]);
  fs.mkdirSync(html.out, { recursive: true });
  const exported = spawnSync(html.python, ['-m', 'liftests.html_export', '--plotly-src', html.plotly, ...pairs.flat()],
    { env: { ...process.env, PYTHONPATH: html.pythonpath }, encoding: 'utf8' });
  if (exported.status !== 0) {
    record('html', 'export', 'export', [`liftests.html_export exited ${exported.status}: ${(exported.stderr || '').slice(-500)}`]);
    return;
  }
  const page = await context.newPage();
  await page.addInitScript(installFigureClock);
  for (const [i, { page: p, notebook }] of saved.entries()) {
    await guarded('html', p.name, 'figures', async () => {
      // a relative plotly.js path is resolved against the HTML file's folder
      await page.goto(pathToFileURL(pairs[i][1]).href, { waitUntil: 'load' });
      await waitLifPlots(page);
      const [all] = await page.evaluate(readCellsInPage, { cells: 'body', graphs: 'div.lif-plot', errors: '.jp-RenderedText[data-mime-type="application/vnd.jupyter.stderr"]' });
      const expected = [...expectedFigures(notebook).entries()].flatMap(([cell, figs]) => figs.map((f, k) => ({ where: `cell ${cell} figure ${k + 1}`, f })));
      const problems = expected.length !== all.graphs.length ? [`${all.graphs.length} figures in the page, ${expected.length} in the notebook`] : [];
      expected.forEach((x, k) => problems.push(...compareFigure(x.where, x.f, all.graphs[k])));
      const times = await page.evaluate(readFigureClock, null);
      results.timings.push({ frontend: 'html', page: p.name, afterOutput: summarise(drawLatencies(times, 'output')),
        sinceLoad: summarise(times.map((t) => (t.drawn === null ? null : Math.round(t.drawn)))) });
      fs.mkdirSync(path.join(shots, 'html'), { recursive: true });
      await page.screenshot({ path: path.join(shots, 'html', `${p.name.replace(/\//g, '-')}.png`), fullPage: true });
      record('html', p.name, 'figures', problems, `${all.graphs.filter((g) => g.drawn).length}/${expected.length} drawn, offline, from disk`);
    });
  }
  await page.close();
}

/**
 * Runs the plan: first the scratch notebook's interactions in each Lab-based frontend, alone (the interrupt is
 * timed); then the Run All pages in parallel lanes (a notebook waits on its kernel or on the browser much of the
 * time, so two lanes keep both cores busy), each lane on its own copy of the notebooks (two pages must not share a
 * kernel); then the reopened notebooks next to the HTML pages.
 */
async function main() {
  if (process.argv.length !== 3) {
    console.error('usage: node tests/browser/run.mjs PLAN.json');
    process.exit(2);
  }
  const plan = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  let code = 0, browser;
  try {
    let context;
    ({ browser, context } = await launch(Object.values(plan.servers).map((s) => s.url), results.blocked));
    const shots = plan.screenshots;
    const folders = plan.folders || [''];
    const drivers = new Map();
    const driver = (kind, lane) => {
      const key = `${kind} ${lane}`;
      if (!drivers.has(key)) {
        drivers.set(key, kind === 'classic' ? new ClassicDriver(context, plan.servers.classic)
          : new JupyterLabDriver(context, kind, plan.servers.jupyterlab, folders[lane]));
      }
      return drivers.get(key);
    };
    const lab = plan.frontends.filter((f) => f !== 'classic');
    if (plan.scratch) for (const kind of lab) await interactions(driver(kind, 0), plan.scratch, shots);
    const saved = [];
    const lanes = [...new Set(plan.pages.flatMap((p) => Object.values(p.lanes || { [p.frontends[0]]: 0 })))].sort();
    await Promise.all(lanes.map(async (lane) => {
      for (const kind of plan.frontends) {
        for (const page of plan.pages.filter((p) => (p.lanes ? p.lanes[kind] : 0) === lane && p.frontends.includes(kind))) {
          const notebook = await runAllPage(driver(kind, lane), page, shots);
          if (notebook && figureCount(expectedFigures(notebook)) > 0) saved.push({ kind, lane, page, notebook });
        }
      }
    }));
    await Promise.all([
      (async () => {
        for (const kind of lab) {
          const mine = saved.filter((x) => x.kind === kind && x.page.reopen.includes(kind));
          if (mine.length) await reopened(driver(kind, mine[0].lane), plan.servers.jupyterlab, mine, shots);
        }
      })(),
      plan.html ? htmlPages(context, plan, saved.filter((x) => x.kind === plan.html.from), shots) : null,
    ]);
    for (const d of drivers.values()) if (d.page) await d.page.close({ runBeforeUnload: false });
    code = results.checks.every((c) => c.ok) ? 0 : 1;
  } catch (e) {
    console.error(`${e instanceof SetupError ? 'SETUP' : 'ERROR'}: ${e.stack || e.message}`);
    results.setupError = e.message;
    code = 3;
  } finally {
    if (browser) await browser.close().catch(() => {});
    fs.mkdirSync(path.dirname(plan.results), { recursive: true });
    fs.writeFileSync(plan.results, JSON.stringify(results, null, 1));
  }
  process.exit(code);
}

main();
