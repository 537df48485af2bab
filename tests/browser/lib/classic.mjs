// The classic Notebook 6 (Debian's jupyter-notebook): figures come from our text/html output, whose script loads
// plotly.js from the kernelspec's nbextensions folder through require.js. Same interface as JupyterLabDriver for
// what the classic check needs: open, Run All from the menu, read, save, screenshots.
import fs from 'node:fs';
import path from 'node:path';
import { saveWithCtrlS, shutDownKernel } from './chromium.mjs';
import { installFigureClock, readCellsInPage, readFigureClock, waitLifPlots } from './figures.mjs';

export const CELLS = '#notebook-container > .cell';
const SELECTORS = { cells: CELLS, graphs: 'div.lif-plot', errors: '.output_error, .output_stderr' };

export class ClassicDriver {
  constructor(context, server, folder = '') {
    this.context = context;
    this.server = server;
    this.kind = 'classic';
    this.page = null;
    this.folder = folder; // where this driver's copies of the notebooks lie, below the server's folder
  }

  async open(notebook) {
    if (this.page) await this.page.close({ runBeforeUnload: false });
    this.page = await this.context.newPage();
    await this.page.addInitScript(installFigureClock);
    this.notebook = path.posix.join(this.folder, notebook);
    const route = `notebooks/${this.notebook.split('/').map(encodeURIComponent).join('/')}`;
    await this.page.goto(`${this.server.url}${route}?token=${this.server.token}`, { waitUntil: 'domcontentloaded' });
    await this.page.waitForFunction(() => window.Jupyter && Jupyter.notebook && Jupyter.notebook._fully_loaded
      && Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected(), null, { timeout: 120000, polling: 50 });
  }

  /** Cell > Run All, then waits until every code cell has its number and the kernel is idle. */
  async runAll(timeout = 300000) {
    const started = Date.now();
    await this.page.locator('#menus a.dropdown-toggle', { hasText: /^Cell$/ }).click();
    await this.page.locator('#run_all_cells > a').click();
    await this.page.waitForFunction(() => Jupyter.notebook.get_cells().filter((c) => c.cell_type === 'code')
      .every((c) => typeof c.input_prompt_number === 'number') && !Jupyter.notebook.kernel_busy,
    null, { timeout, polling: 50 });
    return Date.now() - started;
  }

  read() {
    return this.page.evaluate(readCellsInPage, SELECTORS);
  }

  figureTimes() {
    return this.page.evaluate(readFigureClock, CELLS);
  }

  async waitFiguresDrawn(timeout = 60000) {
    await waitLifPlots(this.page, timeout);
  }

  async save() {
    await this.page.locator('#notebook-container').click({ position: { x: 2, y: 2 } });
    return saveWithCtrlS(this.page, this.server, this.notebook);
  }

  async screenshot(dir) {
    fs.mkdirSync(dir, { recursive: true });
    await this.page.screenshot({ path: path.join(dir, 'page.png'), fullPage: true });
  }

  async close() {
    await shutDownKernel(this.server, this.notebook);
  }
}
