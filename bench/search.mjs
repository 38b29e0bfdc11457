// The search as readers use it, on a built archive served over HTTP, in
// headless Chromium: what a query transfers, how soon its first results
// show, and its recall, over phrases sampled from the write-ups (the target
// of issue 17: ≤ 40 KB at the median and ≤ 120 KB at p95 on the 500-issue
// archive, before HTTP compression; recall 100 %).
//
//   node bench/search.mjs DIST [--phrases 200] [--seed 1]   (DIST: a built site)
import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { chromium } from 'playwright-core';
import { summary } from './measure.mjs';

const CHROMIUM = process.env.YONGZU_CHROMIUM ?? '/usr/bin/chromium';
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css' };

/** The write-ups of a built site, in the index's order (their files under search-index/d/). */
export function siteDocs(dist) {
  const docs = [];
  const root = join(dist, 'search-index', 'd');
  for (const folder of readdirSync(root)) {
    for (const name of readdirSync(join(root, folder))) {
      const text = readFileSync(join(root, folder, name), 'utf8');
      const m = /^__yongzuSearch\.doc\((\d+),([\s\S]*)\);\n$/.exec(text);
      docs[Number(m[1])] = JSON.parse(m[2]);
    }
  }
  return docs;
}

/** A small seeded generator (mulberry32), as test/e2e/search-recall.ts. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const letters = (s) => s.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '').length;

/** `count` phrases of 2 to 6 characters cut at random from the write-ups, with the write-up they come from. */
export function samplePhrases(docs, count, seed = 1) {
  const next = random(seed);
  const out = [];
  for (let tries = 0; out.length < count && tries < count * 20; tries++) {
    const id = Math.floor(next() * docs.length);
    const chars = Array.from(docs[id].text);
    const length = 2 + Math.floor(next() * 5);
    const start = Math.floor(next() * Math.max(1, chars.length - length));
    const phrase = chars.slice(start, start + length).join('');
    if (/\s/.test(phrase) || letters(phrase) < 2) continue;
    out.push({ phrase, id });
  }
  return out;
}

function serve(dir) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir + sep)) return res.writeHead(403).end();
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      statSync(file);
    } catch {
      return res.writeHead(404).end();
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * Per phrase, in a fresh browser context (nothing cached): the search page
 * opened with the phrase in its address, as a shared link or a search from
 * the home page opens it. Bytes: the index files the page's engine loaded
 * (sizes on disk, so before any HTTP compression). Time to first result: from
 * the page's navigation to its first result on screen, and from the search's
 * start (the page's script running) to it. Recall: the write-up the phrase
 * was cut from is among the results.
 */
export async function benchSearch(dist, { phrases: count = 200, seed = 1 } = {}) {
  const docs = siteDocs(dist);
  const phrases = samplePhrases(docs, count, seed);
  const server = await serve(dist);
  const url = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const rows = [];
  try {
    for (const { phrase, id } of phrases) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${url}search/index.html?q=${encodeURIComponent(phrase)}`);
      await page.locator('.search-result').first().waitFor({ timeout: 30_000 });
      const row = await page.evaluate(async (expected) => {
        const [start] = performance.getEntriesByName('yongzu-search-start');
        const [first] = performance.getEntriesByName('yongzu-first-result');
        // The same query through a fresh engine: the files it needs, and whether the write-up is found.
        const engine = self.YongzuSearch.createSearchEngine(new URL('../', location.href));
        const found = await engine.search(new URL(location.href).searchParams.get('q'));
        await found.page(0, 10);
        return {
          pageMs: first.startTime,
          queryMs: first.startTime - start.startTime,
          files: engine.files(),
          found: found.ids.includes(expected),
          total: found.total,
        };
      }, id);
      row.bytes = row.files.reduce((sum, f) => sum + statSync(join(dist, f)).size, 0);
      rows.push({ phrase, ...row, files: row.files.length });
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  const bytes = rows.map((r) => r.bytes);
  const p95 = (list) => [...list].sort((a, b) => a - b)[Math.ceil(list.length * 0.95) - 1];
  return {
    phrases: rows.length,
    recall: rows.filter((r) => r.found).length / rows.length,
    missed: rows.filter((r) => !r.found).map((r) => r.phrase),
    bytes: { ...summary(bytes), p95: p95(bytes) },
    files: summary(rows.map((r) => r.files)),
    pageMs: { ...summary(rows.map((r) => r.pageMs)), p95: p95(rows.map((r) => r.pageMs)) },
    queryMs: { ...summary(rows.map((r) => r.queryMs)), p95: p95(rows.map((r) => r.queryMs)) },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const argv = process.argv.slice(2);
  const arg = (name, def) => (argv.includes(`--${name}`) ? Number(argv[argv.indexOf(`--${name}`) + 1]) : def);
  console.log(
    JSON.stringify(await benchSearch(argv[0], { phrases: arg('phrases', 200), seed: arg('seed', 1) }), null, 2),
  );
}
