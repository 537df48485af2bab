#!/usr/bin/env node
// Report, not a test: how long the first figure of a fresh page takes with the plotly.js we serve (the 1.4 MB
// minified cartesian bundle) against the old 10.8 MB plotly.js-dist bundle, in the classic Notebook (the
// kernelspec's preload off, HTTP cache off: the figure's own loader fetches plotly.js after its cell) and in
// exported HTML opened from disk.
//
//   node tests/browser/bundles.mjs PLAN.json      (PLAN written by tests/liftests/bundles.py)
//
// Prints one line per comparison and writes the plan's `results` file.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch } from './lib/chromium.mjs';
import { ClassicDriver } from './lib/classic.mjs';
import { drawLatencies, installFigureClock, readFigureClock } from './lib/figures.mjs';

/** The first figure of a fresh classic page: Run All up to the first figure cell, ms from its end to drawn. */
async function classicFirst(context, server, notebook, figureCell, oldFile) {
  const page = await context.newPage();
  try {
    await page.addInitScript(installFigureClock);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.route('**/kernelspecs/**/kernel.js*', (route) => route.fulfill({ status: 404, body: '' }));
    if (oldFile) {
      await page.route('**/nbextensions/lif-plotly/plotly.js*', (route) =>
        route.fulfill({ path: oldFile, contentType: 'application/javascript' }));
    }
    await page.goto(`${server.url}notebooks/${notebook}?token=${server.token}`, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => window.Jupyter && Jupyter.notebook && Jupyter.notebook._fully_loaded
      && Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected(), null, { timeout: 120000, polling: 50 });
    await page.evaluate((last) => {
      Jupyter.notebook.clear_all_output();
      Jupyter.notebook.execute_cells(Array.from({ length: last + 1 }, (_, i) => i));
    }, figureCell);
    await page.waitForFunction((i) => Jupyter.notebook.get_cell(i).element[0].querySelector('div.lif-plot[data-lif-state]'),
      figureCell, { timeout: 120000, polling: 20 });
    const times = (await page.evaluate(readFigureClock, '#notebook-container > .cell')).filter((t) => t.cell === figureCell);
    return drawLatencies(times)[0];
  } finally {
    await page.close({ runBeforeUnload: false });
  }
}

/** The first figure of an exported page opened from disk, ms since the page started loading. */
async function htmlFirst(context, file) {
  const page = await context.newPage();
  try {
    await page.addInitScript(installFigureClock);
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await page.waitForFunction(() => Array.from(document.querySelectorAll('div.lif-plot')).every((d) => d.getAttribute('data-lif-state')),
      null, { timeout: 60000, polling: 20 });
    return page.evaluate(() => Math.round(window.__lifClock.graphs[0].drawn));
  } finally {
    await page.close();
  }
}

async function main() {
  const plan = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const server = plan.servers.classic;
  const out = { lines: [] };
  const { browser, context } = await launch([server.url], []);
  try {
    const driver = new ClassicDriver(context, server);
    await driver.open(plan.notebook);
    await driver.runAll();
    await driver.waitFiguresDrawn();
    const saved = await driver.save();
    await driver.close();
    const figureCell = saved.cells.findIndex((c) => (c.outputs || []).some((o) => o.data && o.data['text/html']));
    const served = await classicFirst(context, server, plan.notebook, figureCell, null);
    const old = await classicFirst(context, server, plan.notebook, figureCell, plan.oldPlotly);
    out.lines.push(`classic Notebook, first figure of a fresh page (no preload, no cache): served plotly.js ${served} ms ` +
      `(${fs.statSync(plan.servedPlotly).size} bytes), old ${old} ms (${fs.statSync(plan.oldPlotly).size} bytes): old/served ${(old / served).toFixed(1)}x`);
    const html = {};
    for (const [which, src] of [['served', plan.servedPlotly], ['old', plan.oldPlotly]]) {
      html[which] = path.join(plan.out, `ten-figures-${which}.html`);
      const r = spawnSync(plan.python, ['-m', 'liftests.html_export', path.join(server.root, plan.notebook), html[which], '--plotly-src', src],
        { env: { ...process.env, PYTHONPATH: plan.pythonpath }, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`html_export: ${r.stderr}`);
    }
    const hs = await htmlFirst(context, html.served), ho = await htmlFirst(context, html.old);
    out.lines.push(`exported HTML from disk, first figure since the page started loading: served plotly.js ${hs} ms, old ${ho} ms: old/served ${(ho / hs).toFixed(1)}x`);
  } finally {
    await browser.close();
  }
  for (const line of out.lines) console.log(line);
  fs.writeFileSync(plan.results, JSON.stringify(out, null, 1));
}

main().catch((e) => { console.error(e.stack || e.message); process.exit(3); });
