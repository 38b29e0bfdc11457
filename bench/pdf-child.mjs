// Child process of pdf.mjs: prints the first COUNT issues of ROOT to PDF in
// one browser, with the PDF cache off, and prints one JSON line
// { issues, pages, renderMs, errors }.
//
//   node bench/pdf-child.mjs ROOT COUNT [JSON_FILE]
import { writeFileSync } from 'node:fs';
import { createInlineExecutor } from '../lib/executor/inline-executor.js';
import { mergeIssue } from '../lib/merge/merge-issue.js';
import { checkSources } from '../lib/pipeline/check-sources.js';
import { renderPdfs } from '../lib/pdf/render-pdfs.js';
import { createTemplateEnv } from '../lib/render/templates.js';

const [root, count] = [process.argv[2], Number(process.argv[3] ?? 1)];
// The issues with their bodies, as build and pdf take them (check()'s result leaves the bodies out).
const checked = await checkSources(root, { render: false, bodies: true, executor: createInlineExecutor });
await checked.memoSaved;
const issues = checked.issues.map((i) => mergeIssue(i, checked.config)).slice(0, count);
const started = performance.now();
const result = await renderPdfs(issues, checked.config, createTemplateEnv(root), { root, cacheDir: false });
const renderMs = performance.now() - started;
const errors = result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.rule} ${d.file}: ${d.message}`);
const line = JSON.stringify({ issues: result.value.length, pages: result.value.map((p) => p.pages), renderMs, errors });
if (process.argv[4]) writeFileSync(process.argv[4], line);
else console.log(line);
process.exit(errors.length > 0 ? 1 : 0);
