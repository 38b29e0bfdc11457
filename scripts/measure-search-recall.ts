/*
 * Measures the recall of the site's search on a project: builds it, cuts
 * phrases of 2 to 6 characters from its write-ups, searches each in headless
 * Chromium through the site's own search engine, and counts those whose
 * write-up is not found. With --naive it also measures Pagefind indexing the
 * issue pages' Chinese text directly (its default), for comparison (found:
 * the write-up's issue page among its results).
 *
 *   npm run measure:search -- ROOT [--phrases 300] [--seed 1] [--naive]
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as pagefind from 'pagefind';
import { build } from '../src/api.js';
import { mergeIssue } from '../src/merge/merge-issue.js';
import { createMarkdownRenderer } from '../src/render/markdown.js';
import { siteSearchDocs } from '../src/site/render-site.js';
import { writeFilesInto } from '../src/write/write-files.js';
import { launchBrowser } from '../test/e2e/browser.js';
import { checkedProject } from '../test/helpers.js';
import { missedPhrases, type Phrase, projectTexts, samplePhrases } from '../test/e2e/search-recall.js';
import { serveStatic } from '../test/e2e/static-server.js';

const { values, positionals } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    phrases: { type: 'string', default: '300' },
    seed: { type: 'string', default: '1' },
    naive: { type: 'boolean', default: false },
  },
  allowPositionals: true,
});
const root = resolve(positionals[0] ?? '.');
const started = performance.now();
const result = await build({ root, pdf: false });
if (!result.written) throw new Error('build failed: run yongzu check');
// The issues as merged (a build with nothing to do lists none in `written`).
const checked = await checkedProject(root);
const merged = checked.issues.map((i) => mergeIssue(i, checked.config));
console.log(
  `built ${merged.length} issues, ${result.written.files} files in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
const phrases = samplePhrases(await projectTexts(root), Number(values.phrases), Number(values.seed));
const dist = join(root, 'dist');

/** The issue page of each write-up, by its number in the index. */
async function issuePages(): Promise<string[]> {
  return siteSearchDocs(merged, checked.config, createMarkdownRenderer()).map((d) => d.meta.href.split('#')[0]!);
}

if (values.naive) {
  // Pagefind's own Chinese handling: the issue pages indexed as HTML, queried as typed.
  const { index } = await pagefind.createIndex({});
  if (!index) throw new Error('pagefind');
  for (const issue of merged) {
    const path = `${issue.year}/${issue.issue}/index.html`;
    await index.addHTMLFile({ url: `/${path}`, content: readFileSync(join(dist, path), 'utf8') });
  }
  const { files } = await index.getFiles();
  await pagefind.close();
  writeFilesInto(join(dist, 'pagefind-naive'), files);
}

const site = await serveStatic(dist);
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  await page.goto(`${site.url}search/index.html`);
  const t = performance.now();
  const missed = await missedPhrases(page, phrases);
  report('pairs and positioned triples (the site)', phrases, missed, performance.now() - t);
  if (values.naive) {
    const pages = await issuePages();
    const withPages = phrases.map((p) => ({ ...p, page: pages[p.id]! }));
    const t2 = performance.now();
    const naiveMissed = (await page.evaluate(`(async () => {
      const phrases = ${JSON.stringify(withPages)};
      const pf = await import('/pagefind-naive/pagefind.js');
      await pf.init();
      const missed = [];
      for (const p of phrases) {
        const found = await pf.search(p.phrase);
        const data = await Promise.all(found.results.map((r) => r.data()));
        if (!data.some((d) => d.url.replace(/^\\//, '').startsWith(p.page.replace(/index\\.html$/, '')))) missed.push(p);
      }
      return missed;
    })()`)) as Phrase[];
    report(
      'Pagefind default (HTML pages, Chinese segmented by Pagefind)',
      phrases,
      naiveMissed,
      performance.now() - t2,
    );
  }
} finally {
  await browser.close();
  await site.close();
}

function report(name: string, all: readonly Phrase[], missed: readonly Phrase[], ms: number): void {
  const recall = ((all.length - missed.length) / all.length) * 100;
  console.log(
    `${name}: recall ${recall.toFixed(1)}% (${all.length - missed.length}/${all.length}), ${(ms / all.length).toFixed(1)} ms per query`,
  );
  if (missed.length)
    console.log(
      `  missed e.g.: ${missed
        .slice(0, 15)
        .map((m) => m.phrase)
        .join(' | ')}`,
    );
}
