import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/api.js';
import { sampleProject } from '../helpers.js';
import { launchBrowser } from './browser.js';
import { serveStatic } from './static-server.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let site: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;

beforeAll(async () => {
  const root = sampleProject();
  expect((await build({ root, pdf: true })).written).toBeDefined();
  site = await serveStatic(join(root, 'dist'));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

// axe-core checks what can be checked automatically: landmarks, heading
// order, contrast, names of links and controls, lang. Injected through the
// DevTools protocol, so the pages' own script policy stays as shipped.
describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  for (const [name, path, width] of [
    ['home', 'index.html', 1280],
    ['year', '2009/index.html', 390],
    ['issue', '2009/18/index.html', 390],
    ['counties', 'counties/index.html', 1280],
    ['county', 'counties/shuangpai/index.html', 1280],
    ['themes', 'themes/index.html', 390],
    ['tally of the years', 'stats/index.html', 1280],
    ['tally of a year', 'stats/2009/index.html', 390],
    ['tally of a year', 'stats/2009/index.html', 1280],
    ['search with results and facets', 'search/index.html?q=干部', 390],
    ['search with results and facets', 'search/index.html?q=干部&sort=relevance&n=20', 1280],
    ['search that finds nothing', 'search/index.html?q=没有这个词', 1280],
  ] as const) {
    it(`has no violations on the ${name} page, ${width} px wide, and nothing wider than the screen`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      try {
        await page.goto(new URL(path, site.url).href);
        if (path.includes('干部')) await page.locator('.search-result').first().waitFor();
        if (path.includes('没有'))
          await expect.poll(() => page.locator('#search-status').textContent()).toContain('没有找到');
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await page.evaluate(AXE);
        const violations =
          (await page.evaluate(`axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] })
          .then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`)) as string[];
        expect(violations).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }
});
