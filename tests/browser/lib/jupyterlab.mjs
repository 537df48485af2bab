// Drives JupyterLab 4 and Notebook 7 the way a learner does: menus, toolbar, keyboard. Both are built from the
// same notebook components, so one driver serves both; they differ in how a notebook is opened (Lab: one page,
// File > Open from Path…, one tab per notebook; Notebook 7: one page per notebook).
import fs from 'node:fs';
import path from 'node:path';
import { shutDownKernels } from './chromium.mjs';
import { installFigureClock, readCellsInPage, readFigureClock } from './figures.mjs';

const PANEL = '.jp-NotebookPanel:not(.lm-mod-hidden)';
export const CELLS = `${PANEL} .jp-Notebook .jp-Cell`;
const SELECTORS = { cells: CELLS, graphs: '.js-plotly-plot',
  errors: '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]' };

export class JupyterLabDriver {
  /** kind: 'lab' or 'notebook7'; server: {url, token, root (its folder on disk)} */
  constructor(context, kind, server) {
    this.context = context;
    this.kind = kind;
    this.server = server;
    this.page = null;
  }

  url(route) {
    return `${this.server.url}${route}${route.includes('?') ? '&' : '?'}token=${this.server.token}`;
  }

  /** A fresh page: nothing of the pages before is in its memory (the network cache is shared). */
  async freshPage() {
    if (this.page) await this.page.close({ runBeforeUnload: false });
    this.page = await this.context.newPage();
    await this.page.addInitScript(installFigureClock);
    this.consoleErrors = [];
    this.page.on('pageerror', (e) => this.consoleErrors.push(String(e)));
    if (this.kind === 'lab') {
      // a new workspace name: Lab would otherwise restore the tabs of the last session
      await this.page.goto(this.url(`lab/workspaces/test-${Date.now()}?reset`), { waitUntil: 'domcontentloaded' });
      await this.page.locator('.jp-DirListing-content').waitFor({ timeout: 120000 });
    }
  }

  /** Opens a notebook (a path below the server's folder) and waits for its kernel. */
  async open(notebook) {
    if (!this.page) await this.freshPage();
    const page = this.page;
    if (this.kind === 'lab') {
      await this.menu('File', /^Open from Path/);
      await page.locator('.jp-Dialog input').fill(notebook);
      await page.keyboard.press('Enter');
    } else {
      const route = `notebooks/${notebook.split('/').map(encodeURIComponent).join('/')}`;
      await page.goto(this.url(route), { waitUntil: 'domcontentloaded' });
    }
    await page.locator(`${PANEL} .jp-Notebook .jp-Cell`).first().waitFor({ timeout: 120000 });
    await this.waitKernelIdle();
    this.notebook = notebook;
    // the cells after which Run All goes on even when they fail
    const saved = JSON.parse(fs.readFileSync(path.join(this.server.root, notebook), 'utf8'));
    this.goOn = saved.cells.map((c, i) => ((c.metadata.tags || []).includes('raises-exception') ? i : -1)).filter((i) => i >= 0);
  }

  async waitKernelIdle(timeout = 120000) {
    await this.page.locator(`${PANEL} .jp-Notebook-ExecutionIndicator[data-status="idle"]`).waitFor({ timeout });
  }

  /** Clicks a menu bar entry, then the item whose label matches. */
  async menu(name, item) {
    await this.page.locator('.lm-MenuBar-itemLabel', { hasText: new RegExp(`^${name}$`) }).click();
    await this.page.locator('.lm-Menu-itemLabel', { hasText: item }).click();
  }

  cell(index) {
    return this.page.locator(CELLS).nth(index);
  }

  /** Run > Run All Cells, then waits until no cell is queued or running. Returns the ms it took. */
  async runAll(timeout = 300000) {
    const started = Date.now();
    await this.cell(0).click(); // the menu's command goes to the widget that has the focus
    await this.menu('Run', /^Run All Cells$/);
    await this.waitCellsDone(timeout);
    return Date.now() - started;
  }

  /**
   * Waits until Run All has ended: no cell queued or running ([*]), and every code cell numbered, or the run
   * stopped after a cell that failed (Lab runs the cells one after the other and stops at the first error, except
   * after a cell tagged raises-exception, as the learner stubs are).
   */
  async waitCellsDone(timeout = 300000) {
    await this.page.waitForFunction(([cells, errors, goOn]) => {
      const code = Array.from(document.querySelectorAll(cells)).map((cell, index) => ({ cell, index }))
        .filter((x) => x.cell.classList.contains('jp-CodeCell'));
      const prompt = (x) => x.cell.querySelector('.jp-InputPrompt').textContent;
      if (code.some((x) => prompt(x).includes('*'))) return false;
      const next = code.findIndex((x) => !/\[\d+\]/.test(prompt(x)));
      if (next === -1) return true;
      const last = code[next - 1];
      return next > 0 && !!last.cell.querySelector(errors) && !goOn.includes(last.index);
    }, [CELLS, SELECTORS.errors, this.goOn], { timeout, polling: 50 });
  }

  /** Runs one cell with Shift+Enter and waits for it to finish; returns its new prompt ("[n]:"). */
  async runCell(index, timeout = 120000) {
    const prompt = this.cell(index).locator('.jp-InputPrompt');
    const before = await prompt.textContent();
    await this.cell(index).locator('.jp-InputArea-editor').click();
    await this.page.keyboard.press('Shift+Enter');
    await this.page.waitForFunction(([cells, i, old]) => {
      const t = document.querySelectorAll(`${cells} .jp-InputPrompt`)[i].textContent;
      return /\[\d+\]/.test(t) && t !== old;
    }, [CELLS, index, before], { timeout, polling: 20 });
    return prompt.textContent();
  }

  /** Replaces a cell's text as a learner does (select all in its editor, then type, here: paste). */
  async setSource(index, text) {
    await this.cell(index).locator('.cm-content').click();
    await this.page.keyboard.press('Control+a');
    await this.page.keyboard.insertText(text);
  }

  /** What every cell shows (prompt, error outputs, figures as drawn). */
  read() {
    return this.page.evaluate(readCellsInPage, SELECTORS);
  }

  figureTimes() {
    return this.page.evaluate(readFigureClock, CELLS);
  }

  /** Waits until every figure in the page has been drawn (or the timeout passes; the checks then say which). */
  async waitFiguresDrawn(timeout = 60000) {
    await this.page.waitForFunction(() => (window.__lifClock ? window.__lifClock.graphs : []).every((e) => e.drawn !== null),
      null, { timeout, polling: 50 }).catch(() => {});
  }

  /** Ctrl+S; waits for the server to have written the file, and returns it parsed. */
  async save() {
    await this.cell(0).click();
    const written = this.page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes('/api/contents/'),
      { timeout: 60000 });
    await this.page.keyboard.press('Control+s');
    const response = await written;
    if (!response.ok()) throw new Error(`saving ${this.notebook}: HTTP ${response.status()}`);
    return JSON.parse(fs.readFileSync(path.join(this.server.root, this.notebook), 'utf8'));
  }

  /** Screenshots the page's top and each figure, into dir. */
  async screenshots(dir) {
    fs.mkdirSync(dir, { recursive: true });
    await this.page.screenshot({ path: path.join(dir, 'page.png') });
    const figures = this.page.locator(`${CELLS} .js-plotly-plot`);
    const n = await figures.count();
    for (let k = 0; k < n; k++) {
      await figures.nth(k).screenshot({ path: path.join(dir, `figure-${String(k + 1).padStart(2, '0')}.png`), timeout: 10000 }).catch(() => {});
    }
  }

  /** Ends the notebook's kernel and, in Lab, closes its tab without saving (Notebook 7: the next page replaces it). */
  async close() {
    await shutDownKernels(this.server);
    if (this.kind !== 'lab') return;
    await this.page.locator('.lm-TabBar-tab.lm-mod-current .lm-TabBar-tabCloseIcon').last().click();
    const discard = this.page.locator('.jp-Dialog button', { hasText: /^(Discard|Don't Save)$/ });
    await Promise.race([
      discard.click({ timeout: 5000 }).catch(() => {}),
      this.page.locator(PANEL).waitFor({ state: 'detached', timeout: 5000 }).catch(() => {}),
    ]);
    await this.page.locator(PANEL).waitFor({ state: 'detached', timeout: 30000 });
  }
}
