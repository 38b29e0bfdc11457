import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/api.js';
import { REPO, sampleProject } from '../helpers.js';
import { launchBrowser } from './browser.js';
import { missedPhrases, projectTexts, samplePhrases } from './search-recall.js';
import { serveStatic } from './static-server.js';

/** The deterministic archive generator of the benchmark. */
const GEN_CORPUS = join(REPO, 'bench', 'gen-corpus.mjs');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Builds `root`, serves it, and returns the phrases of `count` sampled that its search misses. */
async function measure(root: string, count: number, seed: number) {
  const result = await build({ root, pdf: false });
  expect(result.written).toBeDefined();
  const phrases = samplePhrases(await projectTexts(root), count, seed);
  expect(phrases.length).toBe(count);
  const site = await serveStatic(join(root, 'dist'));
  const page = await browser.newPage();
  try {
    await page.goto(`${site.url}search/index.html`);
    return { phrases, missed: await missedPhrases(page, phrases) };
  } finally {
    await page.close();
    await site.close();
  }
}

// Recall of the search as readers use it: any 2- to 6-character phrase of a
// write-up must find that write-up (see src/search/tokens.ts).
describe('search recall', () => {
  it('finds every sampled phrase of the sample issue', async () => {
    const { missed } = await measure(sampleProject(), 300, 1);
    expect(missed).toEqual([]);
  }, 120_000);

  it('finds every sampled phrase of a generated 40-issue archive', async () => {
    const root = mkdtempSync(join(tmpdir(), 'yongzu-corpus-'));
    execFileSync(process.execPath, [GEN_CORPUS, join(root, 'issues'), '--issues', '40', '--seed', '7'], {
      stdio: 'ignore',
    });
    const { missed } = await measure(root, 300, 2);
    expect(missed).toEqual([]);
  }, 180_000);
});
