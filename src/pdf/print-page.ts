import type { Page } from 'playwright-core';
import type { BrowserSession } from './browser.js';
import { PAGINATE_SCRIPT, type PaginationReport } from './page-script.js';

/** One issue's print page, served by the print server at `url`. */
export interface PrintJob {
  url: string;
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
 * Prints one issue: load its page, wait for the fonts, paginate with
 * Paged.js, verify the text, then print with the CSS page size. The browser
 * page is given back for the next issue, or closed if anything went wrong.
 */
export async function printPage(session: BrowserSession, job: PrintJob): Promise<PrintedPage> {
  let page: Page | undefined;
  let timer: NodeJS.Timeout | undefined;
  let done = false;
  let over = false;
  try {
    // Everything, opening the page included, runs under the time limit: a hung browser hangs there too.
    const work = (async () => {
      const opened = await session.acquire();
      // A page that opens after the time limit is given back (closed) at once.
      if (over) {
        void session.release(opened, false);
        throw new RenderTimeoutError(job.timeoutMs);
      }
      page = opened;
      page.setDefaultTimeout(job.timeoutMs);
      await page.goto(job.url, { waitUntil: 'load' });
      const report = (await page.evaluate(`(${PAGINATE_SCRIPT})()`)) as PaginationReport;
      // Tagged (structure, /Lang from the page); bookmarks are ours (src/pdf/finish-pdf.ts), not Chromium's.
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: false });
      done = true;
      return { pdf: new Uint8Array(pdf), report };
    })();
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new RenderTimeoutError(job.timeoutMs)), job.timeoutMs);
    });
    // A late rejection of the abandoned work must not surface as unhandled.
    work.catch(() => undefined);
    return await Promise.race([work, timeout]);
  } finally {
    over = true;
    clearTimeout(timer);
    // Only a page that printed is used again. One that did not is closed without
    // waiting: closing a page whose renderer is still busy paginating took up to
    // 20 s, and the browser is closed at the end of the build anyway.
    if (page) {
      if (done) await session.release(page, true);
      else void session.release(page, false);
    }
  }
}
