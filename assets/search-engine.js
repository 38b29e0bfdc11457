// Finds write-ups for a query with the site's Pagefind index. No DOM here, so
// the end-to-end tests can call it directly to measure recall.
//
// The index holds an ASCII token for each pair of adjacent characters (see
// src/site/search-text.ts, shipped as search-tokens.js), so a query is turned
// into the same tokens, Pagefind returns the write-ups holding all of them,
// and the phrase itself is then checked in each write-up's text: pairs can
// all occur without the phrase occurring.
import { isSearchable, normalizeSearchText, queryTokens } from './search-tokens.js';

export { isSearchable };

/** Loads Pagefind from the site root `root` (a URL) once. */
export function createSearchEngine(root) {
  let loading;
  const load = () => {
    loading ??= import(new URL('pagefind/pagefind.js', root).href).then(async (pagefind) => {
      await pagefind.options({ excerptLength: 0 });
      await pagefind.init();
      return pagefind;
    });
    return loading;
  };

  /**
   * Searches `query`; returns `{ total, next }` where `next(n)` resolves to the
   * next n matching write-ups: { href (from the root), title, issue, theme, passage }.
   */
  async function search(query) {
    const tokens = queryTokens(query);
    const needle = normalizeSearchText(query);
    if (tokens.length === 0) return { total: 0, next: async () => [] };
    const pagefind = await load();
    const found = await pagefind.search(tokens.join(' '), { sort: { date: 'desc' } });
    const results = found.results;
    let at = 0;
    async function next(n) {
      const out = [];
      while (out.length < n && at < results.length) {
        const batch = results.slice(at, at + n - out.length);
        at += batch.length;
        for (const data of await Promise.all(batch.map((r) => r.data()))) {
          // The write-up's own text first, so the passage is from it when it can be; then its headline.
          const passage = findPassage(data.meta.text, needle) ?? findPassage(data.meta.theme, needle);
          if (passage) out.push({ href: data.meta.href, title: data.meta.title, issue: data.meta.issue, theme: data.meta.theme, passage });
        }
      }
      return out;
    }
    return { total: results.length, next };
  }

  return { load, search };
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
