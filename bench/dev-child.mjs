// Child process of dev.mjs: runs `yongzu dev` on ROOT, edits one submission
// ROUNDS times and writes JSON_FILE: one { round, reloadMs, pageMs } per edit.
//
//   node bench/dev-child.mjs ROOT OUT ROUNDS JSON_FILE
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import http from 'node:http';
import { runDev } from '../lib/dev/run-dev.js';

const [root, out, rounds, json] = [process.argv[2], process.argv[3], Number(process.argv[4] ?? 20), process.argv[5]];
const rows = [];
const dev = await runDev({ root, out, port: 0, log: () => {} });
await dev.idle();

// The submission to edit: the first file of the last issue folder.
const folder = readdirSync(join(root, 'issues')).sort().at(-1);
const file = join(
  root,
  'issues',
  folder,
  readdirSync(join(root, 'issues', folder))
    .filter((f) => f.endsWith('.md'))
    .sort()[0],
);
const year = readFileSync(join(root, 'issues', folder, 'issue.yml'), 'utf8').match(/^year:\s*(\d+)/m)[1];
const issue = Number(readFileSync(join(root, 'issues', folder, 'issue.yml'), 'utf8').match(/^issue:\s*(\d+)/m)[1]);
const pageUrl = new URL(`${year}/${issue}/index.html`, dev.url.endsWith('/') ? dev.url : `${dev.url}/`).href;
const original = readFileSync(file, 'utf8');

// One SSE connection for the whole run; each `event: reload` resolves the waiter.
let onReload = () => {};
await new Promise((resolve, reject) => {
  http
    .get(new URL('/__yongzu/events', dev.url), (res) => {
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk) => {
        buffer += chunk;
        let i;
        while ((i = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          if (/^event: reload$/m.test(block)) onReload();
        }
      });
      resolve();
    })
    .on('error', reject);
});

const get = (url) =>
  new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve(body));
      })
      .on('error', reject);
  });

for (let round = 0; round < rounds; round++) {
  const marker = `BENCHMARK${Date.now()}R${round}`;
  const reloaded = new Promise((resolve) => (onReload = resolve));
  const started = performance.now();
  writeFileSync(file, original.replace(/\n---\n\n/, `\n---\n\n${marker}。`));
  let reloadMs;
  void reloaded.then(() => (reloadMs = performance.now() - started));
  // Poll the served page until it carries the marker (give up after 10 s).
  let pageMs;
  while (performance.now() - started < 10000) {
    if ((await get(pageUrl)).includes(marker)) {
      pageMs = performance.now() - started;
      break;
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  await Promise.race([reloaded, new Promise((r) => setTimeout(r, 5000))]);
  await dev.idle();
  rows.push({ round, reloadMs, pageMs });
  await new Promise((r) => setTimeout(r, 150)); // let the watcher settle before the next edit
}
writeFileSync(file, original);
if (json) writeFileSync(json, JSON.stringify(rows));
else console.log(JSON.stringify(rows));
await dev.idle();
await dev.close();
process.exit(0);
