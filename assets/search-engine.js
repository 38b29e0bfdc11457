// Finds write-ups for a query with the site's own search index (src/search):
// an inverted index from each pair of adjacent characters to the write-ups
// that hold it. No DOM here, so the end-to-end tests can call it directly to
// measure recall.
//
// A query is cut into the same pairs (search-tokens.js is generated from
// src/site/search-text.ts), the write-ups holding all of them are found, and
// the phrase itself is then checked in each write-up's text: pairs can all
// occur without the phrase occurring.
import { isSearchable, normalizeSearchText, queryTokens, tokenShard } from './search-tokens.js';

export { isSearchable };

/** The search engine of the site at `root` (a URL); it fetches only the index files a query needs. */
export function createSearchEngine(root) {
  const cache = new Map();
  const json = (path) => {
    if (!cache.has(path)) {
      cache.set(
        path,
        fetch(new URL(`search-index/${path}`, root)).then((r) => {
          if (!r.ok) throw new Error(`${path}: ${r.status}`);
          return r.json();
        }),
      );
    }
    return cache.get(path);
  };
  const load = () => json('meta.json');

  /**
   * Searches `query`; returns `{ total, next }` where `next(n)` resolves to the
   * next n matching write-ups: { href (from the root), title, issue, theme, passage }.
   * `total` counts the write-ups holding every pair; a few may not hold the phrase.
   */
  async function search(query) {
    const tokens = queryTokens(query);
    const needle = normalizeSearchText(query);
    if (tokens.length === 0) return { total: 0, next: async () => [] };
    const meta = await load();
    const lists = await Promise.all(
      tokens.map(async (t) => decode((await json(`postings/${tokenShard(t, meta.shards)}.json`))[t])),
    );
    const candidates = intersect(lists);
    let at = 0;
    async function next(n) {
      const out = [];
      while (out.length < n && at < candidates.length) {
        const batch = candidates.slice(at, at + n - out.length);
        at += batch.length;
        const docs = await Promise.all(
          batch.map(
            async (id) => (await json(`docs/${Math.floor(id / meta.docsPerShard)}.json`))[id % meta.docsPerShard],
          ),
        );
        for (const doc of docs) {
          // The write-up's own text first, so the passage is from it when it can be; then its headline.
          const passage = findPassage(doc.text, needle) ?? findPassage(doc.theme, needle);
          if (passage) out.push({ href: doc.href, title: doc.title, issue: doc.issue, theme: doc.theme, passage });
        }
      }
      return out;
    }
    return { total: candidates.length, next };
  }

  return { load, search };
}

/** Gaps in base 36 (see encodePostings) → ascending ids. */
function decode(encoded) {
  if (!encoded) return [];
  let id = -1;
  return encoded.split(',').map((gap) => (id += parseInt(gap, 36)));
}

/** The ids in every list (each ascending), shortest list first. */
function intersect(lists) {
  const sorted = [...lists].sort((a, b) => a.length - b.length);
  let result = sorted[0] ?? [];
  for (const list of sorted.slice(1)) {
    const set = new Set(list);
    result = result.filter((id) => set.has(id));
  }
  return result;
}

/**
 * Where the normalized `needle` occurs in `text`: `{ before, match, after }`
 * cut from the original text (punctuation kept), or undefined.
 */
export function findPassage(text, needle, context = 40) {
  // Map each normalized character back to its place in the original text.
  let normalized = '';
  const origin = [];
  for (let i = 0; i < text.length; ) {
    const ch = String.fromCodePoint(text.codePointAt(i));
    const n = normalizeSearchText(ch);
    for (let k = 0; k < n.length; k++) origin.push(i);
    normalized += n;
    i += ch.length;
  }
  const at = normalized.indexOf(needle);
  if (at < 0) return undefined;
  const start = origin[at];
  const lastStart = origin[at + needle.length - 1];
  const end = lastStart + String.fromCodePoint(text.codePointAt(lastStart)).length;
  const from = Math.max(0, start - context);
  const to = Math.min(text.length, end + context);
  return {
    before: (from > 0 ? '……' : '') + text.slice(from, start).replace(/\s+/g, ' '),
    match: text.slice(start, end),
    after: text.slice(end, to).replace(/\s+/g, ' ') + (to < text.length ? '……' : ''),
  };
}
