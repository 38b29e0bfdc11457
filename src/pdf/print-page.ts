import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Route } from 'playwright-core';
import { PRINT_ORIGIN } from '../render/render-print.js';
import { PAGINATE_SCRIPT, type PaginationReport } from './page-script.js';

/** A resource the print page may load: text held in memory, or a local file. */
export type Served = { body: string | Buffer; type: string } | { file: string; type: string };

/** One print HTML and everything it may load, by URL path under PRINT_ORIGIN. */
export interface PrintJob {
  html: string;
  resources: ReadonlyMap<string, Served>;
  timeoutMs: number;
}

/** A printed PDF and what the page said about its pagination. */
export interface PrintedPage {
  pdf: Uint8Array;
  report: PaginationReport;
}

/** Thrown when a render takes longer than its time limit. */
export class RenderTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`render timed out after ${timeoutMs} ms`);
  }
}

/**
 * Serves the print page from memory and local files only: every request to
 * another origin is aborted, so Chromium never touches the network, and only
 * the listed files can be read.
 */
async function serve(route: Route, job: PrintJob): Promise<void> {
  const url = new URL(route.request().url());
  if (url.origin !== PRINT_ORIGIN) return route.abort('blockedbyclient');
  const served = job.resources.get(decodeURIComponent(url.pathname));
  if (!served) return route.fulfill({ status: 404, body: '' });
  const body = 'file' in served ? await readFile(served.file) : served.body;
  return route.fulfill({ status: 200, contentType: served.type, body });
}

/**
 * Prints one issue in its own browser context: load the page, wait for the
 * fonts, paginate with Paged.js, verify the text, then print with the CSS
 * page size. The context is always closed, also on timeout.
 */
export async function printPage(browser: Browser, job: PrintJob): Promise<PrintedPage> {
  let context: BrowserContext | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    // Everything, opening the context included, runs under the time limit: a hung browser hangs there too.
    const work = (async () => {
      context = await browser.newContext({ serviceWorkers: 'block', acceptDownloads: false });
      await context.route('**/*', (route) => serve(route, job));
      const page = await context.newPage();
      page.setDefaultTimeout(job.timeoutMs);
      await page.goto(`${PRINT_ORIGIN}/issue.html`, { waitUntil: 'load' });
      const report = (await page.evaluate(`(${PAGINATE_SCRIPT})()`)) as PaginationReport;
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      return { pdf: new Uint8Array(pdf), report };
    })();
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new RenderTimeoutError(job.timeoutMs)), job.timeoutMs);
    });
    // A late rejection of the abandoned work must not surface as unhandled.
    work.catch(() => undefined);
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
    // A context opened after a timeout is closed with the browser at the end of the build.
    await context?.close().catch(() => undefined);
  }
}
