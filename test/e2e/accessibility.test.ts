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
    ['themes', 'themes/index.html', 1280],
    ['search with results', 'search/index.html?q=干部', 390],
  ] as const) {
    it(`has no violations on the ${name} page`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      try {
        await page.goto(new URL(path, site.url).href);
        if (path.startsWith('search')) await page.locator('.search-result').first().waitFor();
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
