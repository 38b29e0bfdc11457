/*
 * Measures the recall of the site's search on a project: builds it, cuts
 * phrases of 2 to 6 characters from its write-ups, searches each in headless
 * Chromium through the site's own search module, and counts those whose issue
 * is not found. With --naive it also measures Pagefind indexing the issue
 * pages' Chinese text directly (its default), for comparison.
 *
 *   npm run measure:search -- ROOT [--phrases 300] [--seed 1] [--naive]
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import * as pagefind from 'pagefind';
import { build } from '../src/api.js';
import { writeOutput } from '../src/write/write-output.js';
import { launchBrowser } from '../test/e2e/browser.js';
import { missedPhrases, projectRecords, samplePhrases, type Phrase } from '../test/e2e/search-recall.js';
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
console.log(
  `built ${result.written.issues.length} issues, ${result.written.files} files in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
const records = await projectRecords(root);
const phrases = samplePhrases(records, Number(values.phrases), Number(values.seed));
const dist = join(root, 'dist');

if (values.naive) {
  // Pagefind's own Chinese handling: the issue pages indexed as HTML, queried as typed.
  const { index } = await pagefind.createIndex({});
  if (!index) throw new Error('pagefind');
  for (const issue of result.written.issues) {
    const path = `${issue.year}/${issue.issue}/index.html`;
    await index.addHTMLFile({ url: `/${path}`, content: readFileSync(join(dist, path), 'utf8') });
  }
  const { files } = await index.getFiles();
  await pagefind.close();
  await writeOutput(join(dist, 'pagefind-naive'), files);
}

const site = await serveStatic(dist);
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  await page.goto(site.url);
  const t = performance.now();
  const missed = await missedPhrases(page, phrases);
  report('bigram records (the site)', phrases, missed, performance.now() - t);
  if (values.naive) {
    const t2 = performance.now();
    const naiveMissed = (await page.evaluate(`(async () => {
      const phrases = ${JSON.stringify(phrases)};
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
