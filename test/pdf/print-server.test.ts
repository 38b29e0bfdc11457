import { describe, expect, it } from 'vitest';
import { createBrowserSession, printBrowserArgs } from '../../src/pdf/browser.js';
import { findBrowser } from '../../src/pdf/find-browser.js';
import { startPrintServer } from '../../src/pdf/print-server.js';

describe('the print server and its browser', () => {
  it('serves only what is published, under the print host, and nothing else is reachable', async () => {
    const found = findBrowser(process.env);
    if (!('path' in found)) throw new Error(found.message);
    const server = await startPrintServer();
    const session = createBrowserSession(found.path, { args: printBrowserArgs('yongzu.print', server.port) });
    try {
      // No CSP on this page: the browser's own walls are what is tested.
      server.publish('/print/1.html', {
        type: 'text/html; charset=utf-8',
        body: '<p id="p">正文</p><img src="http://example.com/a.png"><img src="http://93.184.216.34/b.png"><img src="/print/2.html">',
      });
      server.publish('/assets/x.js', { type: 'text/javascript', body: 'window.loaded = (window.loaded || 0) + 1;' });
      const page = await session.acquire();
      const requests: string[] = [];
      const failed: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      page.on('requestfailed', (r) => failed.push(r.url()));
      const statuses = new Map<string, number>();
      page.on('response', (r) => statuses.set(r.url(), r.status()));
      await page.goto('http://yongzu.print/print/1.html', { waitUntil: 'load' });
      expect(await page.textContent('#p')).toBe('正文');
      expect(failed.sort()).toEqual(['http://93.184.216.34/b.png', 'http://example.com/a.png']);
      expect(statuses.get('http://yongzu.print/print/2.html')).toBe(404);
      expect(requests).toContain('http://yongzu.print/print/2.html');
      server.unpublish('/print/1.html');
      // Unpublished: a 404 with no body, which Chromium refuses to show.
      await expect(page.goto('http://yongzu.print/print/1.html')).rejects.toThrow(/ERR_HTTP_RESPONSE_CODE_FAILURE/);
      // A page given back is handed out again: its renderer stays warm.
      await session.release(page, true);
      expect(await session.acquire()).toBe(page);
      await session.release(page, false);
      expect(page.isClosed()).toBe(true);
    } finally {
      await session.close();
      await server.close();
    }
  });
});
