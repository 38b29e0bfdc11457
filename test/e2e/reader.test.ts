import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/api.js';
import { DEFAULT_COUNTIES } from '../../src/config/defaults.js';
import { mergeIssue } from '../../src/merge/merge-issue.js';
import { createMarkdownRenderer, loadMarkdownPipeline } from '../../src/render/markdown.js';
import { htmlToText } from '../../src/search/records.js';
import { normalizeSearchText } from '../../src/search/tokens.js';
import { siteSearchDocs } from '../../src/site/render-site.js';
import { checkedProject, REPO, SAMPLE } from '../helpers.js';
import { launchBrowser, watchErrors } from './browser.js';
import { serveStatic } from './static-server.js';

// A new reader on a generated 30-issue archive and the sample issue, in real Chromium, opened from
// disk (a USB stick) and from a plain static web server, on a phone and on a
// desktop: the search finds words, phrases and counties with counts and
// facets, Back returns to the same list at the same place, nothing talks of
// servers, and the yearly tally (信息采用) matches the files.

let root: string;
let dist: string;
let site: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;
/** The write-ups as the index numbers them: text, theme, county. */
let docs: { text: string; theme: string; county: string }[];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'yongzu-reader-'));
  execFileSync(process.execPath, [join(REPO, 'bench', 'gen-corpus.mjs'), join(root, 'issues'), '--issues', '30'], {
    stdio: 'ignore',
  });
  // And the sample issue, whose 双牌县 write-up holds 人才强县.
  cpSync(SAMPLE, join(root, 'issues', '2009-18'), { recursive: true });
  expect((await build({ root, pdf: false })).written).toBeDefined();
  dist = join(root, 'dist');
  const checked = await checkedProject(root);
  const issues = checked.issues.map((i) => mergeIssue(i, checked.config));
  await loadMarkdownPipeline();
  docs = siteSearchDocs(issues, checked.config, createMarkdownRenderer()).map((d) => ({
    text: normalizeSearchText(htmlToText(d.html)),
    theme: normalizeSearchText(d.meta.theme),
    county: d.meta.county,
  }));
  site = await serveStatic(dist);
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** How many write-ups hold every term (a county's name: its write-ups, or any of its spellings), counted here. */
function expected(...terms: string[]): number {
  return docs.filter((d) =>
    terms.every((term) => {
      const county = DEFAULT_COUNTIES.find((c) => c.name === term || c.aliases.includes(term));
      const spellings = county ? [county.name, ...county.aliases] : [term];
      return (
        county?.name === d.county ||
        spellings.map(normalizeSearchText).some((s) => d.text.includes(s) || d.theme.includes(s))
      );
    }),
  ).length;
}

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

async function open(where: 'disk' | 'server', viewport: { width: number; height: number }) {
  const page = await browser.newPage({ viewport });
  const errors = watchErrors(page);
  const elsewhere: string[] = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith('file:') && !url.startsWith(site.url) && !url.startsWith('data:')) elsewhere.push(url);
  });
  const url = (path: string) =>
    where === 'disk' ? pathToFileURL(join(dist, path)).href : new URL(path, site.url).href;
  return { page, errors, elsewhere, url };
}

/** The number in the status line (共 N 篇) once it tells of `term` and its results are there. */
async function total(page: Page, term: string): Promise<number> {
  const status = page.locator('#search-status');
  await expect.poll(() => status.textContent(), { timeout: 20_000 }).toMatch(new RegExp(`“${term}”.*共 \\d+ 篇`));
  await page.locator('.search-result').first().waitFor();
  return Number(/共 (\d+) 篇/.exec((await status.textContent()) ?? '')?.[1]);
}

/** A facet's values and counts, as shown. */
async function facet(page: Page, id: string): Promise<[string, number][]> {
  const items = await page.locator(`ul[aria-labelledby="${id}"] li`).allTextContents();
  return items
    .map((t) => /^(.*)（(\d+)）$/.exec(t))
    .filter((m) => m !== null)
    .map((m) => [m![1]!, Number(m![2])]);
}

async function search(page: Page, query: string): Promise<void> {
  const box = page.getByRole('searchbox').first();
  await box.fill(query);
  await box.press('Enter');
}

for (const [where, viewport] of [
  ['server', PHONE],
  ['disk', DESKTOP],
] as const) {
  describe(`a reader on ${where === 'disk' ? 'the archive opened from disk' : 'a static web server'}, ${viewport.width} px wide`, () => {
    it('finds 道县 人才, "人才强县" and 江华瑶族自治县 with counts and facets that narrow the list', async () => {
      const { page, errors, elsewhere, url } = await open(where, viewport);
      try {
        await page.goto(url('index.html'));
        await search(page, '道县 人才');
        const n = await total(page, '人才');
        expect(n).toBe(expected('道县', '人才'));
        expect(n).toBeGreaterThan(10);
        expect(await page.locator('.search-result').count()).toBe(10);
        const years = await facet(page, 'facet-year');
        expect(years.reduce((sum, [, k]) => sum + k, 0)).toBe(n);
        const counties = await facet(page, 'facet-county');
        expect(counties.reduce((sum, [, k]) => sum + k, 0)).toBe(n);
        // Result titles do not repeat the county: it stands in the line below.
        const first = page.locator('.search-result').first();
        const county = ((await first.locator('.entry-meta').textContent()) ?? '').split(' · ')[0]!;
        expect(await first.locator('h3').textContent()).not.toMatch(new RegExp(`^${county}：`));

        // A year narrows the list to its count, in the address; Back widens it again.
        const [year, inYear] = years[years.length - 1]!;
        await page.getByRole('link', { name: `${year}（${inYear}）` }).click();
        await expect.poll(() => page.locator('#search-status').textContent()).toContain(`共 ${inYear} 篇`);
        expect(new URL(page.url()).searchParams.get('year')).toBe(year.replace('年', ''));
        for (const meta of await page.locator('.search-result .entry-meta').allTextContents()) {
          expect(meta).toContain(` · ${year}第`);
        }
        await page.goBack();
        await expect.poll(() => page.locator('#search-status').textContent()).toContain(`共 ${n} 篇`);

        await search(page, '"人才强县"');
        expect(await total(page, '人才强县')).toBe(expected('人才强县'));
        expect(await page.locator('.search-result mark').first().textContent()).toBe('人才强县');

        await search(page, '江华瑶族自治县');
        const jianghua = await total(page, '江华瑶族自治县');
        expect(jianghua).toBe(expected('江华瑶族自治县'));
        expect(await facet(page, 'facet-county')).toContainEqual(['江华县', expect.any(Number)]);

        const text = (await page.locator('body').textContent()) ?? '';
        expect(text).not.toMatch(/服务器|http\.server|磁盘/);
        expect(elsewhere).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await page.close();
      }
    }, 120_000);

    it('returns from a result to the same list, read as far, at the same place', async () => {
      const { page, errors, url } = await open(where, viewport);
      try {
        await page.goto(`${url('search/index.html')}?q=${encodeURIComponent('干部')}`);
        await total(page, '干部');
        for (const shown of [20, 30]) {
          await page.getByRole('button', { name: /显示更多结果/ }).click();
          await expect.poll(() => page.locator('.search-result').count()).toBe(shown);
        }
        expect(new URL(page.url()).searchParams.get('n')).toBe('30');
        const target = page.locator('.search-result h3 a').nth(24);
        await target.scrollIntoViewIfNeeded();
        await page.waitForTimeout(400);
        const before = await page.evaluate(() => window.scrollY);
        expect(before).toBeGreaterThan(500);
        const href = await target.getAttribute('href');
        await target.click();
        await page.waitForURL((u) => u.href.split('#')[0] === href!.split('#')[0]);
        await page.goBack();
        await expect.poll(() => page.locator('.search-result').count()).toBe(30);
        await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before - 40);
        expect(Math.abs((await page.evaluate(() => window.scrollY)) - before)).toBeLessThan(40);
        // A reload, as a shared link, shows the same list too.
        await page.reload();
        await expect.poll(() => page.locator('.search-result').count()).toBe(30);
        expect(errors).toEqual([]);
      } finally {
        await page.close();
      }
    }, 120_000);

    it('reads the per-county tally of a year, and its CSV, as the files count it', async () => {
      const { page, errors, url } = await open(where, viewport);
      try {
        await page.goto(url('index.html'));
        await page.getByRole('link', { name: '信息采用统计' }).click();
        const firstYear = page.locator('table.tally tbody th a').first();
        const year = Number(((await firstYear.textContent()) ?? '').replace('年', ''));
        await firstYear.click();
        expect(await page.locator('h1').textContent()).toBe(`${year}年信息采用情况`);
        const rows = await page
          .locator('section[aria-labelledby="by-county"] tbody tr')
          .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
        const counted = countFromFiles(year);
        expect(Object.fromEntries(rows.map((r) => [r[0], Number(r[1])]))).toEqual(counted);
        // Counties with none that year are named.
        const none = Object.entries(counted).filter(([, n]) => n === 0);
        if (none.length > 0) expect(await page.locator('.tally-none').textContent()).toContain(none[0]![0]);
        const link = page.getByRole('link', { name: /下载各县区采用表/ });
        const href = decodeURIComponent((await link.getAttribute('href'))!);
        const csv = readFileSync(join(dist, 'stats', String(year), href), 'utf8');
        expect(csv.charCodeAt(0)).toBe(0xfeff);
        const table = Object.fromEntries(
          csv
            .slice(1)
            .trim()
            .split('\r\n')
            .slice(1, -1)
            .map((line) => [line.split(',')[0], Number(line.split(',')[1])]),
        );
        expect(table).toEqual(counted);
        if (where === 'server') {
          const served = await page.evaluate(async (h) => new Uint8Array(await (await fetch(h)).arrayBuffer()), href);
          expect([...Object.values(served).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        }
        expect(errors).toEqual([]);
      } finally {
        await page.close();
      }
    }, 120_000);
  });
}

/** Write-ups per county in a year, counted from the submissions' own front-matter (aliases folded). */
function countFromFiles(year: number): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(DEFAULT_COUNTIES.map((c) => [c.name, 0]));
  for (const folder of readdirSync(join(root, 'issues'))) {
    const meta = readFileSync(join(root, 'issues', folder, 'issue.yml'), 'utf8');
    if (Number(/^year:\s*(\d+)/m.exec(meta)![1]) !== year) continue;
    for (const name of readdirSync(join(root, 'issues', folder)).filter((f) => f.endsWith('.md'))) {
      const written = /^county:\s*(.+)$/m.exec(readFileSync(join(root, 'issues', folder, name), 'utf8'))![1]!.trim();
      const county = DEFAULT_COUNTIES.find((c) => c.name === written || c.aliases.includes(written))!;
      counts[county.name]!++;
    }
  }
  return counts;
}
