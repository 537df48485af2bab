#!/usr/bin/env node
// Checks the course site (bin/lib/coursegen/site.py) in headless Debian Chromium with the network cut off.
// Every page that site.json lists is opened from disk (file://), and:
//   - each figure is drawn by plotly.js (the site's own plotly.js): as many figures as the notebook's plotly
//     outputs, each in state "drawn" with an SVG and as many traces drawn as the output holds;
//   - no script error;
//   - every link resolves: a link into the site names a file of the site (and its #anchor an element of that
//     page); a Binder link is https://mybinder.org/v2/gh/<the repository>/HEAD?labpath=<a notebook of the
//     repository>, and the bar's "launch on Binder" opens the page's own notebook; any other link is https;
//     local images load; every page is linked from another page;
//   - formulas typeset, without MathJax errors: the page's MathJax 2.7.9 (jsDelivr) is served from Debian's
//     copy of the same version (--mathjax DIR, libjs-mathjax), so the check stays offline.
//
//   node tests/site/check-site.mjs --site DIR --repo ROOT --mathjax DIR [--report FILE] [--screenshots DIR]
//
// Prints one line per page ("PASS page (N figures, N links)" or "FAIL page: problems"); the last line is
// "N passed, M failed" (pages). Exit codes: 0 all pass; 1 a page failed; 2 bad usage; 3 set-up (browser).
// Env: CHROMIUM (default /usr/bin/chromium). Chromium is launched as the browser suite's (tests/browser/lib/chromium.mjs; npm ci there).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launch } from '../browser/lib/chromium.mjs';
import { waitLifPlots } from '../browser/lib/figures.mjs';

const MATHJAX_CDN = 'https://cdn.jsdelivr.net/npm/mathjax@2.7.9/';
const BINDER = /^https:\/\/mybinder\.org\/v2\/gh\/([^/]+\/[^/]+)\/HEAD\?labpath=([^&#]+)$/;

function parseArgs(argv) {
  const opts = {};
  const flags = { '--site': 'site', '--repo': 'repo', '--mathjax': 'mathjax', '--report': 'report', '--screenshots': 'screenshots' };
  for (let i = 0; i < argv.length; i += 2) {
    if (!(argv[i] in flags) || i + 1 >= argv.length) usage(`unknown or incomplete argument ${argv[i]}`);
    opts[flags[argv[i]]] = path.resolve(argv[i + 1]);
  }
  for (const k of ['site', 'repo', 'mathjax']) if (!opts[k]) usage(`missing --${k}`);
  if (!fs.existsSync(path.join(opts.mathjax, 'MathJax.js'))) usage(`no MathJax.js in ${opts.mathjax} (Debian: libjs-mathjax)`);
  return opts;
}

function usage(msg) {
  console.error(`error: ${msg}`);
  console.error('usage: node check-site.mjs --site DIR --repo ROOT --mathjax DIR [--report FILE] [--screenshots DIR]');
  process.exit(2);
}

// Runs in the page: figures, links, images, ids, formulas.
function readPage() {
  const figures = Array.from(document.querySelectorAll('div.lif-plot')).map((div) => {
    const gd = div.classList.contains('js-plotly-plot') ? div : div.querySelector('.js-plotly-plot');
    return {
      state: div.getAttribute('data-lif-state'),
      svg: !!(gd && gd.querySelector('svg.main-svg')),
      traces: gd ? gd.querySelectorAll('.scatterlayer g.trace, .barlayer g.trace, .heatmaplayer g.hm').length : 0,
    };
  });
  const links = Array.from(document.querySelectorAll('a[href]')).map((a) => ({
    raw: a.getAttribute('href'), url: a.href, binderButton: a.classList.contains('lif-site-binder'),
  }));
  const images = Array.from(document.images).map((img) => ({ src: img.src, loaded: img.complete && img.naturalWidth > 0 }));
  const ids = Array.from(document.querySelectorAll('[id]')).map((e) => e.id);
  return {
    figures, links, images, ids,
    math: document.querySelectorAll('.MathJax_CHTML, .MathJax_Display').length,
    mathErrors: document.querySelectorAll('.MathJax_Error, .mjx-merror, merror').length,
    nav: !!document.querySelector('nav.lif-site-nav a.lif-site-home'),
  };
}

function waitForMath(page) {
  return page.evaluate(() => new Promise((resolve) => {
    if (!window.MathJax || !window.MathJax.Hub) return resolve(false);
    window.MathJax.Hub.Queue(() => resolve(true));
  }));
}

/** Problems of one link of the page at pagePath (site-relative), given the site's pages. */
function checkLink(link, pagePath, opts, manifest, targets) {
  const url = link.url;
  if (url.startsWith('file:')) {
    const u = new URL(url);
    const file = fileURLToPath(u.origin === 'null' ? `file://${u.pathname}` : u.href.split('#')[0]);
    const rel = path.relative(opts.site, file);
    if (rel.startsWith('..') || !fs.existsSync(file)) return [`link ${link.raw} leads to ${rel}, not a file of the site`];
    if (u.hash) targets.push({ from: pagePath, page: rel.split(path.sep).join('/'), id: decodeURIComponent(u.hash.slice(1)), raw: link.raw });
    return [];
  }
  if (url.startsWith('https://mybinder.org/')) {
    const m = BINDER.exec(url);
    if (!m) return [`Binder link of another form: ${url}`];
    if (m[1] !== manifest.repository) return [`Binder link to ${m[1]}, not ${manifest.repository}`];
    const labpath = decodeURIComponent(m[2]);
    if (!/\.ipynb$/.test(labpath) || !fs.existsSync(path.join(opts.repo, labpath))) return [`Binder link to ${labpath}, which the repository lacks`];
    return [];
  }
  let parsed;
  try { parsed = new URL(url); } catch (e) { return [`not a URL: ${link.raw}`]; }
  return parsed.protocol === 'https:' ? [] : [`link ${link.raw}: not https`];
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const manifest = JSON.parse(fs.readFileSync(path.join(opts.site, 'site.json'), 'utf8'));
  const blocked = [];
  // offline, from disk; MathJax's CDN answered by Debian's libjs-mathjax, the same MathJax 2.7.9
  const mathjax = (url) => {
    if (!url.startsWith(MATHJAX_CDN)) return null;
    const file = path.join(opts.mathjax, decodeURIComponent(new URL(url).pathname.slice('/npm/mathjax@2.7.9/'.length)));
    return fs.existsSync(file) ? file : null;
  };
  const { browser, context } = await launch([], blocked,
    { args: ['--allow-file-access-from-files'], viewport: { width: 1100, height: 900 }, fulfill: mathjax });

  const report = { pages: [], blocked };
  const idsOf = {};
  const targets = [];
  const linkedTo = new Set();
  let failed = 0;
  const checkPage = async (entry) => {
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
    const started = Date.now();
    await page.goto(pathToFileURL(path.join(opts.site, entry.page)).href, { waitUntil: 'load' });
    await waitLifPlots(page);
    const typeset = await waitForMath(page);
    const got = await page.evaluate(readPage);
    idsOf[entry.page] = new Set(got.ids);
    if (!got.nav) problems.push('no navigation bar');
    if (got.figures.length !== entry.figures.length) {
      problems.push(`${got.figures.length} figures on the page, ${entry.figures.length} in the notebook`);
    }
    got.figures.forEach((f, k) => {
      if (f.state !== 'drawn' || !f.svg) problems.push(`figure ${k + 1}: not drawn (state ${f.state})`);
      else if (f.traces !== entry.figures[k]) problems.push(`figure ${k + 1}: ${f.traces} traces drawn, ${entry.figures[k]} expected`);
    });
    const buttons = got.links.filter((l) => l.binderButton);
    if (buttons.length !== 1 || buttons[0].url !== entry.binder) problems.push(`"launch on Binder" is not ${entry.binder}`);
    for (const link of got.links) {
      problems.push(...checkLink(link, entry.page, opts, manifest, targets));
      if (link.url.startsWith('file:')) {
        const rel = path.relative(opts.site, fileURLToPath(link.url.split('#')[0])).split(path.sep).join('/');
        if (rel !== entry.page) linkedTo.add(rel);
      }
    }
    for (const img of got.images) if (img.src.startsWith('file:') && !img.loaded) problems.push(`image not loaded: ${img.src}`);
    if (!typeset) problems.push('MathJax did not run');
    if (got.mathErrors) problems.push(`${got.mathErrors} formulas failed to typeset`);
    if (entry.math && !got.math) problems.push('formulas left untypeset');
    if (opts.screenshots) {
      fs.mkdirSync(opts.screenshots, { recursive: true });
      await page.screenshot({ path: path.join(opts.screenshots, entry.page.replace(/\//g, '_') + '.png') });
    }
    report.pages.push({ page: entry.page, ms: Date.now() - started, figures: got.figures.length, links: got.links.length,
      formulas: got.math, problems });
    await page.close();
  };
  // two pages at a time (a page waits on plotly and MathJax much of its time), reported in the site's order
  const queue = [...manifest.pages];
  await Promise.all([0, 1].map(async () => { while (queue.length) await checkPage(queue.shift()); }));
  const order = new Map(manifest.pages.map((e, i) => [e.page, i]));
  report.pages.sort((a, b) => order.get(a.page) - order.get(b.page));
  for (const t of targets) {
    if (idsOf[t.page] && !idsOf[t.page].has(t.id)) {
      report.pages.find((p) => p.page === t.from).problems.push(`link ${t.raw}: no element #${t.id} in ${t.page}`);
    }
  }
  for (const entry of manifest.pages) {
    if (entry.page !== 'index.html' && !linkedTo.has(entry.page)) {
      report.pages.find((p) => p.page === entry.page).problems.push('no page links to it');
    }
  }
  for (const p of report.pages) {
    if (p.problems.length) {
      failed++;
      console.log(`FAIL ${p.page}: ${p.problems.slice(0, 8).join('; ')}`);
    } else {
      console.log(`PASS ${p.page} (${p.figures} figures, ${p.links} links, ${p.formulas} formulas, ${p.ms} ms)`);
    }
  }
  const hosts = [...new Set(blocked.map((u) => new URL(u).host))].sort();
  console.log(`requests cut off (offline): ${blocked.length}${hosts.length ? ` (${hosts.join(', ')})` : ''}`);
  if (opts.report) fs.writeFileSync(opts.report, JSON.stringify(report, null, 1));
  await browser.close();
  console.log(`${report.pages.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => { console.error(`error: ${e.stack || e}`); process.exit(3); });
