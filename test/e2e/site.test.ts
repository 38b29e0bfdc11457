import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/api.js';
import { sampleProject } from '../helpers.js';
import { launchBrowser, watchErrors } from './browser.js';
import { serveStatic } from './static-server.js';

// The built sample archive, served by a plain static server, read by real Chromium.
let site: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;
let dist: string;
let page: Page;
let errors: string[];

beforeAll(async () => {
  const root = sampleProject();
  const result = await build({ root, pdf: true });
  expect(result.written).toBeDefined();
  dist = join(root, 'dist');
  site = await serveStatic(dist);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function open(path: string): Promise<Page> {
  page = await browser.newPage();
  errors = watchErrors(page);
  await page.goto(new URL(path, site.url).href);
  return page;
}

afterEach(async () => {
  // Every page visited must load without a script error, a failed request or a CSP violation.
  expect(errors).toEqual([]);
  await page?.close();
});

describe('the archive site in Chromium', () => {
  it('leads from the home page to the issue page and its PDF link', async () => {
    await open('index.html');
    await page
      .getByRole('link', { name: /2009年第18期/ })
      .first()
      .click();
    expect(new URL(page.url()).pathname).toBe('/2009/18/index.html');
    expect(await page.title()).toContain('2009年第18期');
    const pdf = page.locator('.pdf-link a');
    expect(decodeURIComponent((await pdf.getAttribute('href'))!)).toBe('永组信息-2009-18.pdf');
    expect(decodeURIComponent(new URL(await pdf.evaluate((a) => (a as HTMLAnchorElement).href)).pathname)).toBe(
      '/2009/18/永组信息-2009-18.pdf',
    );
    await expect.poll(() => page.locator('h1').count()).toBe(1);
  });

  it('finds 人才强县 from the home page search box and lands on the write-up in 2009/18', async () => {
    await open('index.html');
    await page.getByRole('searchbox').fill('人才强县');
    await page.keyboard.press('Enter');
    const first = page.locator('.search-result h3 a').first();
    await first.waitFor();
    expect(await page.locator('.search-result mark').first().textContent()).toBe('人才强县');
    await first.click();
    const url = new URL(page.url());
    expect(url.pathname).toBe('/2009/18/index.html');
    expect(url.hash).toBe('#shuangpai');
    expect(await page.locator('#shuangpai').textContent()).toContain('人才强县');
  });

  it('finds every issue that holds 干部, and says so when nothing matches', async () => {
    await open('search/index.html?q=干部');
    await page.locator('.search-result').first().waitFor();
    const hrefs = await page
      .locator('.search-result h3 a')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.every((h) => h?.includes('/2009/18/index.html#'))).toBe(true);
    await page.getByRole('searchbox').fill('没有这个词组');
    await page.getByRole('button', { name: '搜索' }).click();
    await expect.poll(() => page.locator('#search-status').textContent()).toContain('没有找到');
    expect(await page.locator('.search-result').count()).toBe(0);
  });

  it("lists the issue on 双牌县's county page, linking to its section", async () => {
    await open('index.html');
    await page.getByRole('link', { name: '按县区' }).first().click();
    await page.getByRole('link', { name: '双牌县' }).click();
    expect(new URL(page.url()).pathname).toBe('/counties/shuangpai/index.html');
    expect(await page.locator('h1').textContent()).toBe('双牌县的稿件');
    await page.getByRole('link', { name: '双牌县大力推进人才强县战略服务工业化发展' }).click();
    expect(new URL(page.url()).pathname).toBe('/2009/18/index.html');
    expect(new URL(page.url()).hash).toBe('#shuangpai');
  });

  it('never breaks a headline inside a word on a narrow screen (「新型工／业化」)', async () => {
    for (const width of [320, 390]) {
      await page?.close();
      page = await browser.newPage({ viewport: { width, height: 800 } });
      errors = watchErrors(page);
      await page.goto(new URL('2009/18/index.html', site.url).href);
      const headline = page.locator('h2.headline').first();
      // The headline does wrap at this width, and no word of it is split over two lines.
      const lines = await headline.evaluate((h) =>
        Math.round(h.getBoundingClientRect().height / parseFloat(getComputedStyle(h).lineHeight)),
      );
      expect(lines).toBeGreaterThan(1);
      const split = await headline
        .locator('.kw')
        .evaluateAll((spans) => spans.filter((s) => s.getClientRects().length > 1).map((s) => s.textContent));
      expect(split).toEqual([]);
      expect(await headline.locator('.kw', { hasText: '工业化' }).count()).toBe(1);
    }
  });

  it('advertises an Atom feed that parses and links to the issue', async () => {
    await open('index.html');
    const feedHref = await page.locator('link[rel="alternate"][type="application/atom+xml"]').getAttribute('href');
    expect(feedHref).toBe('feed.xml');
    const feed = await page.evaluate(async (href) => {
      const text = await (await fetch(href)).text();
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: doc.documentElement.namespaceURI,
        titles: [...doc.querySelectorAll('entry > title')].map((t) => t.textContent),
        links: [...doc.querySelectorAll('entry > link')].map(
          (l) => new URL(l.getAttribute('href') ?? '', new URL(href, location.href)).pathname,
        ),
      };
    }, feedHref as string);
    expect(feed.error).toBeNull();
    expect(feed.root).toBe('http://www.w3.org/2005/Atom');
    expect(feed.titles).toEqual(['永组信息 2009年第18期（总第476期）']);
    expect(feed.links).toEqual(['/2009/18/index.html']);
  });

  it('offers a skip link as the first keyboard stop', async () => {
    await open('2009/18/index.html');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到正文');
    await page.keyboard.press('Enter');
    // Following the link is a navigation within the page: wait for it rather than race it.
    await expect.poll(() => new URL(page.url()).hash).toBe('#main');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('works opened from disk: home → year → issue → county, and its search too', async () => {
    await open(pathToFileURL(join(dist, 'index.html')).href);
    await page.getByRole('link', { name: /^2009年（/ }).click();
    await page
      .getByRole('link', { name: /2009年第18期/ })
      .first()
      .click();
    await page.getByRole('link', { name: '双牌县全部稿件', exact: true }).click();
    expect(page.url()).toBe(pathToFileURL(join(dist, 'counties/shuangpai/index.html')).href);
    await page.getByRole('link', { name: '搜索', exact: true }).click();
    await page.getByRole('searchbox').fill('人才强县');
    await page.keyboard.press('Enter');
    await page.locator('.search-result').first().waitFor();
    expect(await page.locator('.search-result h3 a').first().getAttribute('href')).toBe(
      pathToFileURL(join(dist, '2009/18/index.html')).href + '#shuangpai',
    );
    expect(readFileSync(join(dist, 'search/index.html'), 'utf8')).not.toMatch(/服务器|http\.server/);
  });
});
