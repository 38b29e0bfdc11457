#!/usr/bin/env node
// PDF figures: one issue alone, and a batch of issues in one browser (time
// per issue), the PDF cache off, each run a fresh process under GNU time.
//
//   node bench/pdf.mjs [--issues 20] [--runs 5]   (standalone)
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCorpus, repo } from './corpus.mjs';
import { summary, timeProcess } from './measure.mjs';

const child = join(repo, 'bench', 'pdf-child.mjs');

/**
 * Median over `runs` (after one warm-up) for one issue and for `batch` issues:
 * the whole process (browser start included) and the render alone.
 */
export async function benchPdf(root, { batch = 20, runs = 5, batchRuns = runs } = {}) {
  const result = {};
  const json = join(tmpdir(), `yongzu-bench-pdf-${process.pid}.json`);
  for (const count of [1, batch]) {
    const n = count === 1 ? runs : batchRuns;
    const wall = [];
    const render = [];
    let rss = 0;
    let pages = [];
    // With a single run (a quick benchmark) the batch skips its warm-up.
    const first = n > 1 || count === 1 ? -1 : 0;
    for (let i = first; i < n; i++) {
      const timed = await timeProcess(process.execPath, [child, root, String(count), json]);
      const r = JSON.parse(readFileSync(json, 'utf8'));
      rmSync(json, { force: true });
      if (timed.code !== 0) throw new Error(`PDF run failed: ${r.errors.join('\n')}`);
      if (i < 0) continue;
      wall.push(timed.ms);
      render.push(r.renderMs);
      rss = Math.max(rss, timed.rssMb);
      pages = r.pages;
    }
    result[count === 1 ? 'single' : 'batch'] = {
      issues: count,
      pages,
      wall: summary(wall),
      render: summary(render),
      rssMb: rss,
    };
  }
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, def) =>
    process.argv.includes(`--${name}`) ? Number(process.argv[process.argv.indexOf(`--${name}`) + 1]) : def;
  const batch = arg('issues', 20);
  const root = makeCorpus(batch);
  const r = await benchPdf(root, { batch, runs: arg('runs', 5), batchRuns: arg('batch-runs', arg('runs', 5)) });
  for (const x of [r.single, r.batch]) {
    console.log(
      `${x.issues} issue(s), pages ${x.pages.join(',')}: render ${(x.render.median / 1000).toFixed(2)} s (${(x.render.median / 1000 / x.issues).toFixed(2)} s per issue), whole process ${(x.wall.median / 1000).toFixed(2)} s, peak RSS ${x.rssMb.toFixed(0)} MB`,
    );
  }
}
