#!/usr/bin/env node
// Report, not a test: how long the first figure of an exported page (opened from disk) takes to draw with the
// plotly.js we serve (the 1.4 MB minified cartesian bundle) against the old 10.8 MB plotly.js-dist bundle: the same
// notebook (run and saved in the classic Notebook), exported twice, only the bundle differs.
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
import { installFigureClock, waitLifPlots } from './lib/figures.mjs';

/** The first figure of an exported page opened from disk, ms since the page started loading. */
async function htmlFirst(context, file) {
  const page = await context.newPage();
  try {
    await page.addInitScript(installFigureClock);
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await waitLifPlots(page, 60000, 20);
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
    await driver.save();
    await driver.close();
    const html = {};
    for (const [which, src] of [['served', plan.servedPlotly], ['old', plan.oldPlotly]]) {
      html[which] = path.join(plan.out, `ten-figures-${which}.html`);
      const r = spawnSync(plan.python, ['-m', 'liftests.html_export', path.join(server.root, plan.notebook), html[which], '--plotly-src', src],
        { env: { ...process.env, PYTHONPATH: plan.pythonpath }, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`html_export: ${r.stderr}`);
    }
    // rounds in turn, medians: a change of the shared machine's load hits both alike
    const ms = { served: [], old: [] };
    for (let round = 0; round < 3; round++) for (const which of ['served', 'old']) ms[which].push(await htmlFirst(context, html[which]));
    const median = (xs) => [...xs].sort((a, b) => a - b)[1];
    const [hs, ho] = [median(ms.served), median(ms.old)];
    out.lines.push(`exported HTML opened from disk, first figure since the page started loading (median of 3): served ` +
      `plotly.js ${hs} ms (${fs.statSync(plan.servedPlotly).size} bytes), old ${ho} ms (${fs.statSync(plan.oldPlotly).size} bytes): ` +
      `old/served ${(ho / hs).toFixed(1)}x`);
  } finally {
    await browser.close();
  }
  for (const line of out.lines) console.log(line);
  fs.writeFileSync(plan.results, JSON.stringify(out, null, 1));
}

main().catch((e) => { console.error(e.stack || e.message); process.exit(3); });
