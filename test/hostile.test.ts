import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/api.js';
import { runDev } from '../src/dev/run-dev.js';
import { REPO, sampleProject } from './helpers.js';
import { unsafeParts } from './html-safety.js';

const CHROMIUM = process.env['YONGZU_CHROMIUM'] ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** Loads a page, clicks every link and button it has, and reports whether any injected script ran. */
async function pwned(page: Page, url: string): Promise<unknown> {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(url);
  await page.waitForTimeout(300);
  for (const el of await page.locator('main a, main button, main details').all()) {
    await el.click({ timeout: 500, noWaitAfter: true }).catch(() => undefined);
    if (!page.url().startsWith(url.split('#')[0]!)) await page.goto(url);
  }
  await page.waitForTimeout(200);
  return (await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)) ?? dialogs[0] ?? undefined;
}

describe('hostile content in real Chromium', () => {
  const root = mkdtempSync(join(tmpdir(), 'yongzu-hostile-'));
  let browser: Awaited<ReturnType<typeof chromium.launch>>;
  beforeAll(async () => {
    cpSync(join(REPO, 'test/fixtures/hostile'), root, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });
  afterAll(async () => browser?.close());

  it('builds (raw HTML is reported, not executed) and no injected script runs in the site page', async () => {
    const result = await build({ root, pdf: false });
    expect(result.written).toBeDefined();
    expect(result.diagnostics.filter((d) => d.rule === 'content/raw-html').length).toBeGreaterThan(5);
    const html = readFileSync(join(root, 'dist/2009/18/index.html'), 'utf8');
    // Real tags only: escaped text such as &lt;img onerror=…&gt; is shown as text, which is right.
    const main = html.slice(html.indexOf('<main'));
    expect(unsafeParts(main)).toEqual([]);
    const page = await browser.newPage();
    expect(await pwned(page, `file://${join(root, 'dist/2009/18/index.html')}`)).toBeUndefined();
    await page.close();
    // Nor in the search page showing the write-up: its title, theme and passage come from the index as text.
    const search = await browser.newPage();
    const dialogs: string[] = [];
    search.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await search.goto(`file://${join(root, 'dist/search/index.html')}?q=${encodeURIComponent('江华县标题 img')}`);
    await search.locator('.search-result').first().waitFor();
    expect(await search.locator('.search-result h3').first().textContent()).toContain('<img');
    await search.waitForTimeout(300);
    expect(await search.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await search.close();
  });

  it("feed.xml parses as XML in the browser's own parser, whatever control characters the titles hold", async () => {
    const project = sampleProject();
    const file = join(project, 'issues/2009-18/01-jianghua.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: (.*)$/m, 'title: "$1\\x01\\f\\e\\u0000"'));
    const result = await build({ root: project, pdf: false });
    expect(result.written).toBeDefined();
    expect(result.diagnostics.some((d) => d.rule === 'feed/invalid-character')).toBe(true);
    const feed = readFileSync(join(project, 'dist/feed.xml'), 'utf8');
    const page = await browser.newPage();
    const parsed = await page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        entries: doc.querySelectorAll('entry').length,
      };
    }, feed);
    await page.close();
    expect(parsed).toEqual({ error: null, entries: 1 });
  });

  it('no injected script runs in the paged print page either', async () => {
    const dev = await runDev({ root, out: join(root, 'dev-out'), port: 0, log: () => undefined });
    try {
      const page = await browser.newPage();
      await page.goto(`${dev.url}__yongzu/print/2009/18/`);
      await page.waitForSelector('.pagedjs_page', { timeout: 30_000 });
      expect(await pwned(page, `${dev.url}__yongzu/print/2009/18/`)).toBeUndefined();
      expect(await page.locator('.pagedjs_pages').innerText()).toContain('二是正文结束');
      await page.close();
    } finally {
      await dev.close();
    }
  }, 60_000);
});
