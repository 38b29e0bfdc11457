#!/usr/bin/env node
// npm run bench: yongzu against Eleventy 3 on a generated archive.
//
//   node bench/run.mjs [--issues 500] [--scale] [--runs 5] [--pdf-batch 20] [--pdf-runs 5 (runs of the batch)]
//                      [--dev-edits 20] [--phrases 200] [--no-pdf] [--no-search] [--no-browser] [--json FILE]
//
// --scale runs check/build/Eleventy at 50, 500 and 2000 issues and reports growth.
// The search (bytes per query, time to first result, recall) is measured on the 500-issue archive.
// Writes bench/results.json and prints a table (see bench/README.md).
import { cpus } from 'node:os';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { clearOldOutput, makeCorpus, repo } from './corpus.mjs';
import { benchDev, benchDevBrowser } from './dev.mjs';
import { benchPdf } from './pdf.mjs';
import { growth, rows, table } from './report.mjs';
import { benchSearch } from './search.mjs';
import { benchCheck, benchColdAndEleventy, benchWarmBuild, buildOnce } from './site.mjs';

const argv = process.argv.slice(2);
const arg = (name, def) => (argv.includes(`--${name}`) ? Number(argv[argv.indexOf(`--${name}`) + 1]) : def);
const runs = arg('runs', 5);
const sizes = argv.includes('--scale') ? [50, 500, 2000] : [arg('issues', 500)];
const log = (line) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

// What earlier runs left is deleted first, and the disk given time to settle.
log('removing the output of earlier runs');
await clearOldOutput();

const results = {
  machine: {
    cpu: cpus()[0].model,
    cores: cpus().length,
    node: process.version,
    date: new Date().toISOString(),
    note: 'shared machine: other engineers may load it during the run',
  },
  settings: {
    runs,
    warmup: 1,
    sizes,
    devEdits: arg('dev-edits', 20),
    pdfBatch: arg('pdf-batch', 20),
    pdfRuns: arg('pdf-runs', runs),
    phrases: arg('phrases', 200),
  },
  corpora: {},
};
const devSizes = new Set([50, ...sizes.filter((n) => n === 500 || sizes.length === 1)]);
for (const n of [...new Set([...sizes, ...devSizes])].sort((a, b) => a - b)) {
  log(`corpus of ${n} issues`);
  const root = makeCorpus(n);
  const r = (results.corpora[n] = {});
  if (sizes.includes(n)) {
    log(`check, cold build and Eleventy in turn, warm build × ${runs} (+1 warm-up each)`);
    const check = await benchCheck(root, runs);
    const { cold, eleventy, ratio } = await benchColdAndEleventy(root, runs);
    r.site = { check, cold, warm: await benchWarmBuild(root, runs), eleventy, ratio };
  }
  if (devSizes.has(n)) {
    log(`dev: ${results.settings.devEdits} edits`);
    r.dev = await benchDev(root, results.settings.devEdits);
    if (n === 50 && !argv.includes('--no-browser')) {
      log(`dev in Chromium: ${results.settings.devEdits} edits × 4 (page and print preview, in place and reloaded)`);
      r.devBrowser = await benchDevBrowser(root, results.settings.devEdits);
    }
  }
  if (n === 500 && !argv.includes('--no-search')) {
    log(`search: ${results.settings.phrases} phrases in Chromium`);
    r.search = await benchSearch(await buildOnce(root), { phrases: results.settings.phrases });
  }
}
if (!argv.includes('--no-pdf')) {
  const { pdfBatch, pdfRuns } = results.settings;
  log(`PDF: one issue and a batch of ${pdfBatch}, × ${pdfRuns}`);
  results.pdf = await benchPdf(makeCorpus(pdfBatch), { batch: pdfBatch, runs, batchRuns: pdfRuns });
}
results.table = rows(results);
results.growth = growth(results);
const jsonFile = argv.includes('--json') ? argv[argv.indexOf('--json') + 1] : join(repo, 'bench', 'results.json');
writeFileSync(jsonFile, `${JSON.stringify(results, null, 2)}\n`);

const m = results.machine;
console.log(`\n${m.cpu}, ${m.cores} cores, Node ${m.node}, ${m.date} (${m.note})\n`);
console.log(table(results.table));
for (const line of results.growth) console.log(`\n${line}`);
console.log(`\n${jsonFile} written.`);
console.log("This run's corpora and outputs under bench/out are deleted at the start of the next run.");
