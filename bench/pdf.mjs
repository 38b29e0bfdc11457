#!/usr/bin/env node
// npm run bench: time per issue of the print PDF, with the cache off.
//
//   node bench/pdf.mjs [--issues 6] [--concurrency 2]
//
// Issues come from ../shared/bench/gen-corpus.mjs when it is there (synthetic
// issues with the sample's sentences), else from copies of the sample issue.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { check } from '../lib/api.js';
import { mergeIssue } from '../lib/merge/merge-issue.js';
import { renderPdfs } from '../lib/pdf/render-pdfs.js';
import { createTemplateEnv } from '../lib/render/templates.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
};
const count = arg('issues', 6);
const concurrency = arg('concurrency', 2);
const root = join(repo, 'bench', 'out', 'pdf-corpus');
rmSync(root, { recursive: true, force: true });
mkdirSync(root, { recursive: true });
const generator = join(repo, '..', 'shared', 'bench', 'gen-corpus.mjs');
if (existsSync(generator)) {
  execFileSync(process.execPath, [generator, join(root, 'issues'), '--issues', String(count)], { stdio: 'ignore' });
} else {
  cpSync(join(repo, 'issues', '2009-18'), join(root, 'issues', '2009-18'), { recursive: true });
}
const checked = await check({ root });
const issues = checked.issues.map((i) => mergeIssue(i, checked.config));
const started = performance.now();
const result = await renderPdfs(issues, checked.config, createTemplateEnv(root), { root, cacheDir: false, concurrency });
const total = performance.now() - started;
for (const d of result.diagnostics) console.log(`${d.severity} ${d.rule} ${d.file}: ${d.message}`);
for (const p of result.value) console.log(`${p.issue.folder}\t${p.pages} pages\t${(p.ms / 1000).toFixed(2)} s`);
const n = result.value.length;
console.log(`${n} issues in ${(total / 1000).toFixed(2)} s wall (pool of ${concurrency}, one browser): ${(total / 1000 / Math.max(1, n)).toFixed(2)} s per issue`);
