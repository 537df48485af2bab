// Drives JupyterLab 4 and Notebook 7 the way a learner does: menus, toolbar, keyboard. Both are built from the
// same notebook components, so one driver serves both; they differ in how a notebook is opened (Lab: one page,
// File > Open from Path…, one tab per notebook; Notebook 7: one page per notebook).
import fs from 'node:fs';
import path from 'node:path';
import { saveWithCtrlS, shutDownKernel } from './chromium.mjs';
import { installFigureClock, readCellsInPage, readFigureClock } from './figures.mjs';

const PANEL = '.jp-NotebookPanel:not(.lm-mod-hidden)';
export const CELLS = `${PANEL} .jp-Notebook .jp-Cell`;
// plotly's renderer output: a graph div once drawn, or the PNG it saved with the notebook (see readCellsInPage)
const SELECTORS = { cells: CELLS, graphs: '.jp-RenderedPlotly',
  errors: '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]' };

export class JupyterLabDriver {
  /** kind: 'lab' or 'notebook7'; server: {url, token, root (its folder on disk)} */
  constructor(context, kind, server, folder = '') {
    this.context = context;
    this.kind = kind;
    this.server = server;
    this.page = null;
    this.folder = folder; // where this driver's copies of the notebooks lie, below the server's folder
  }

  url(route) {
    return `${this.server.url}${route}${route.includes('?') ? '&' : '?'}token=${this.server.token}`;
  }

  /** A fresh page: nothing of the pages before is in its memory (the network cache is shared). */
  async freshPage() {
    if (this.page) await this.page.close({ runBeforeUnload: false });
    this.page = await this.context.newPage();
    await this.page.addInitScript(installFigureClock);
    if (this.kind === 'lab') {
      // a new workspace name: Lab would otherwise restore the tabs of the last session
      await this.page.goto(this.url(`lab/workspaces/test-${Date.now()}?reset`), { waitUntil: 'domcontentloaded' });
      await this.page.locator('.jp-DirListing-content').waitFor({ timeout: 120000 });
    }
  }

  /** Opens a notebook (a path below this driver's folder) and waits for its kernel. */
  async open(notebook) {
    const file = path.posix.join(this.folder, notebook);
    if (!this.page) await this.freshPage();
    const page = this.page;
    if (this.kind === 'lab') {
      await this.menu('File', /^Open from Path/);
      await page.locator('.jp-Dialog input').fill(file);
      await page.keyboard.press('Enter');
    } else {
      await page.goto(this.url(`notebooks/${file.split('/').map(encodeURIComponent).join('/')}`), { waitUntil: 'domcontentloaded' });
    }
    const saved = JSON.parse(fs.readFileSync(path.join(this.server.root, file), 'utf8'));
    this.cellCount = saved.cells.length;
    await page.locator(CELLS).first().waitFor({ timeout: 120000 });
    await this.waitKernelIdle(saved.metadata.kernelspec.display_name);
    this.notebook = file;
    // the cells after which Run All goes on even when they fail
    this.goOn = saved.cells.map((c, i) => ((c.metadata.tags || []).includes('raises-exception') ? i : -1)).filter((i) => i >= 0);
  }

  /** Waits until the notebook's kernel runs and is idle (the toolbar says "idle" already while there is no kernel). */
  async waitKernelIdle(kernel, timeout = 120000) {
    await this.page.waitForFunction(([panel, name]) => {
      const status = document.querySelector(`${panel} .jp-Notebook-ExecutionIndicator`);
      const kernelName = document.querySelector(`${panel} .jp-KernelName`);
      return status && status.getAttribute('data-status') === 'idle' && kernelName && kernelName.textContent.trim() === name;
    }, [PANEL, kernel], { timeout, polling: 50 });
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
   * Waits until Run All has ended: every cell in the page, none queued or running ([*]), and every code cell
   * numbered, or the run stopped after a cell that failed (Lab runs the cells one after the other and stops at the
   * first error, except after a cell tagged raises-exception, as the learner stubs are).
   */
  async waitCellsDone(timeout = 300000) {
    const args = [CELLS, SELECTORS.errors, this.goOn, this.cellCount];
    await this.page.waitForFunction(([cells, errors, goOn, n]) => {
      const all = document.querySelectorAll(cells);
      if (all.length !== n) return false; // Lab attaches the cells of a notebook it opens a few at a time
      const code = Array.from(all).map((cell, index) => ({ cell, index }))
        .filter((x) => x.cell.classList.contains('jp-CodeCell'));
      const prompt = (x) => x.cell.querySelector('.jp-InputPrompt').textContent;
      if (code.some((x) => prompt(x).includes('*'))) return false;
      const next = code.findIndex((x) => !/\[\d+\]/.test(prompt(x)));
      if (next === -1) return true;
      const last = code[next - 1];
      return next > 0 && !!last.cell.querySelector(errors) && !goOn.includes(last.index);
    }, args, { timeout, polling: 50 }).catch(async (e) => {
      const state = await this.page.evaluate(([cells, errors]) => Array.from(document.querySelectorAll(cells)).map((c, i) =>
        (c.classList.contains('jp-CodeCell') ? `${i}${c.querySelector('.jp-InputPrompt').textContent}${c.querySelector(errors) ? 'error' : ''}` : null))
        .filter(Boolean).join(' '), args);
      throw new Error(`Run All did not end within ${timeout / 1000} s; code cells: ${state}; ${e.message}`);
    });
  }

  /** Runs one cell with Shift+Enter and waits for it to finish; returns its new prompt ("[n]:"). */
  async runCell(index, timeout = 120000) {
    await this.cell(index).locator('.jp-InputArea-editor').click();
    const pressed = await this.page.evaluate(() => performance.now());
    await this.page.keyboard.press('Shift+Enter');
    // ended: the page's clock saw the prompt go from [*] to a number after the key press
    await this.page.waitForFunction(([cells, i, since]) => {
      const end = window.__lifClock.cellEnds.get(document.querySelectorAll(cells)[i]);
      return end !== undefined && end > since;
    }, [CELLS, index, pressed], { timeout, polling: 20 });
    return this.cell(index).locator('.jp-InputPrompt').textContent();
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

  /** Waits until every plotly output in the notebook is drawn or shows its saved PNG (or the timeout passes:
   *  the checks then say which is missing). */
  async waitFiguresDrawn(timeout = 60000) {
    await this.page.waitForFunction(([cells, n]) => document.querySelectorAll(cells).length === n, [CELLS, this.cellCount],
      { timeout, polling: 50 }).catch(() => {});
    await this.page.waitForFunction((outputs) => Array.from(document.querySelectorAll(outputs)).every((o) => {
      if (o.classList.contains('js-plotly-plot')) return o.__lifClock && o.__lifClock.drawn !== null;
      const img = o.querySelector('img.plot-img');
      return img && img.complete && img.naturalWidth > 0;
    }), `${CELLS} ${SELECTORS.graphs}`, { timeout, polling: 50 }).catch(() => {});
  }

  /** Ctrl+S; returns the notebook as the server wrote it. */
  async save() {
    await this.cell(0).click();
    return saveWithCtrlS(this.page, this.server, this.notebook);
  }

  /** Screenshots the page, scrolled to its first figure if it has one, into dir/page.png. */
  async screenshot(dir) {
    fs.mkdirSync(dir, { recursive: true });
    const figure = this.page.locator(`${CELLS} ${SELECTORS.graphs}`).first();
    if (await figure.count()) {
      await figure.scrollIntoViewIfNeeded().catch(() => {});
      // Lab draws a long notebook's cells as they scroll into view (windowing): wait until the figure is on the
      // screen and painted, else the picture can be an empty panel
      await this.page.waitForFunction((el) => {
        const r = el.getBoundingClientRect();
        return r.height > 0 && r.top < window.innerHeight && r.bottom > 0;
      }, await figure.elementHandle(), { timeout: 5000, polling: 50 }).catch(() => {});
      await this.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    }
    await this.page.screenshot({ path: path.join(dir, 'page.png') });
  }

  /** Ends the notebook's kernel and, in Lab, closes its tab without saving (Notebook 7: the next page replaces it). */
  async close() {
    await shutDownKernel(this.server, this.notebook);
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
