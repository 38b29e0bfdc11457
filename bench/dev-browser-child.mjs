// Child process of dev-browser.mjs: runs `yongzu dev` on ROOT and opens the
// last issue's page in headless Chromium (Debian's, through playwright-core).
// Each round writes a new marker into one submission and times, on the
// system clock, from just before the write until the browser shows the
// marker: the first animation frame after the marker is in the page (a
// MutationObserver installed in every document the tab loads sees it).
//
// Four runs of ROUNDS edits each: the issue page updated in place (today's
// client), the issue page with the old client's full reload (the `reload`
// listener replaced by location.reload(), as the client did before), and the
// same two for the paged print preview. Writes JSON_FILE:
// { [run]: [{ round, ms }] } (ms undefined when the marker did not show in 15 s).
//
//   node bench/dev-browser-child.mjs ROOT OUT ROUNDS JSON_FILE
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { runDev } from '../lib/dev/run-dev.js';

const [root, out, rounds, json] = [process.argv[2], process.argv[3], Number(process.argv[4] ?? 20), process.argv[5]];
const dev = await runDev({ root, out, port: 0, log: () => {} });
await dev.idle();

const folder = readdirSync(join(root, 'issues')).sort().at(-1);
const mdFiles = readdirSync(join(root, 'issues', folder))
  .filter((f) => f.endsWith('.md'))
  .sort();
const file = join(root, 'issues', folder, mdFiles[0]);
const yml = readFileSync(join(root, 'issues', folder, 'issue.yml'), 'utf8');
const path = `${yml.match(/^year:\s*(\d+)/m)[1]}/${Number(yml.match(/^issue:\s*(\d+)/m)[1])}`;
const original = readFileSync(file, 'utf8');
const base = dev.url.endsWith('/') ? dev.url : `${dev.url}/`;

const browser = await chromium.launch({
  executablePath: process.env.YONGZU_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});

/** Reports, per marker, the epoch time (ms, fractional) of the first frame that shows it. */
const WATCH = `(() => {
  const seen = new Set();
  const scope = () => document.querySelector(window.__benchScope) || { textContent: '' };
  const look = () => {
    const found = (scope().textContent || '').match(/BENCHMARK\\d+R\\d+/g) || [];
    for (const m of found) {
      if (seen.has(m)) continue;
      seen.add(m);
      requestAnimationFrame(() => window.__benchSeen(m, performance.timeOrigin + performance.now()));
    }
  };
  new MutationObserver(look).observe(document, { childList: true, subtree: true, characterData: true });
})();`;

const now = () => performance.timeOrigin + performance.now();

async function run({ url, scope, fullReload }) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  const shown = new Map();
  let waiter = () => {};
  await page.exposeFunction('__benchSeen', (marker, at) => {
    if (!shown.has(marker)) shown.set(marker, at);
    waiter();
  });
  await page.addInitScript(`window.__benchScope = ${JSON.stringify(scope)};`);
  if (fullReload) {
    // The client as it was: every `reload` event reloads the page.
    await page.addInitScript(`(() => {
      const add = EventSource.prototype.addEventListener;
      EventSource.prototype.addEventListener = function (type, listener, options) {
        return add.call(this, type, type === 'reload' ? () => location.reload() : listener, options);
      };
    })();`);
  }
  await page.addInitScript(WATCH);
  await page.goto(url);
  if (scope.includes('pagedjs')) await page.waitForFunction(() => window.YongzuPreview?.report !== undefined);
  await page.evaluate(() => window.scrollTo(0, 600));
  const rows = [];
  for (let round = 0; round < rounds; round++) {
    const marker = `BENCHMARK${Date.now()}R${round}`;
    const visible = new Promise((resolve) => {
      waiter = () => shown.has(marker) && resolve();
    });
    const started = now();
    writeFileSync(file, original.replace(/\n---\n\n/, `\n---\n\n${marker}。`));
    await Promise.race([visible, new Promise((r) => setTimeout(r, 15000))]);
    rows.push({ round, ms: shown.has(marker) ? shown.get(marker) - started : undefined });
    await dev.idle();
    // Let the watcher, the page and the preview settle before the next edit.
    await page.waitForLoadState('load');
    await new Promise((r) => setTimeout(r, scope.includes('pagedjs') ? 400 : 150));
  }
  await context.close();
  return rows;
}

const results = {};
const page = `${base}${path}/`;
const print = `${base}__yongzu/print/${path}/`;
results.pageInPlace = await run({ url: page, scope: 'main' });
results.pageReload = await run({ url: page, scope: 'main', fullReload: true });
results.printInPlace = await run({ url: print, scope: 'body > .pagedjs_pages' });
results.printReload = await run({ url: print, scope: 'body > .pagedjs_pages', fullReload: true });
writeFileSync(file, original);
if (json) writeFileSync(json, JSON.stringify(results));
else console.log(JSON.stringify(results));
await browser.close();
await dev.idle();
await dev.close();
process.exit(0);
