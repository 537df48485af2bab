// One headless Debian Chromium for the whole run, reaching only the given servers (and files on disk).
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';

export class SetupError extends Error {}

/**
 * Launches Chromium; returns {browser, context}. Every request that does not go to one of `origins` (or to
 * file:, data:, blob:) is aborted and recorded in `blocked`, and host names resolve nowhere, so a CDN fallback
 * cannot hide a broken offline path. Options: `args` (more Chromium flags), `viewport`, and `fulfill(url)`: a
 * file on disk that answers a request to another host (e.g. a CDN's copy served from a Debian package), or null.
 */
export async function launch(origins, blocked, { args = [], viewport = { width: 1200, height: 900 }, fulfill = () => null } = {}) {
  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) throw new SetupError(`no Chromium at ${executablePath} (set CHROMIUM)`);
  const browser = await chromium.launch({
    executablePath, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      ...args],
  });
  const context = await browser.newContext({ viewport });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (/^(file|data|blob):/.test(url) || origins.some((o) => url.startsWith(o))) return route.continue();
    const file = fulfill(url);
    if (file) return route.fulfill({ path: file });
    blocked.push(url);
    return route.abort('internetdisconnected');
  });
  return { browser, context };
}

/** Calls a Jupyter server's REST API (for housekeeping only: what a learner does goes through the page). */
export async function api(server, method, path) {
  const res = await fetch(new URL(path, server.url), { method, headers: { Authorization: `token ${server.token}` } });
  if (!res.ok && res.status !== 404) throw new Error(`${method} ${path}: HTTP ${res.status}`);
  return res.status === 204 || res.status === 404 ? null : res.json();
}

/** Shuts down the kernel of one notebook (a path below the server's folder), so kernels do not pile up. */
export async function shutDownKernel(server, notebook) {
  for (const s of (await api(server, 'GET', 'api/sessions')) || []) {
    if ((s.path || (s.notebook && s.notebook.path)) === notebook) await api(server, 'DELETE', `api/sessions/${s.id}`);
  }
}

/** Ctrl+S in a notebook page (focus in the notebook); waits for the server to have written the file (its PUT
 *  answered), and returns the file parsed. */
export async function saveWithCtrlS(page, server, notebook) {
  const written = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes('/api/contents/'),
    { timeout: 60000 });
  await page.keyboard.press('Control+s');
  const response = await written;
  if (!response.ok()) throw new Error(`saving ${notebook}: HTTP ${response.status()}`);
  return JSON.parse(fs.readFileSync(path.join(server.root, notebook), 'utf8'));
}
