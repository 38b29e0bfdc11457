import type { Page } from 'playwright-core';
import { check } from '../../src/api.js';
import { mergeIssue } from '../../src/merge/merge-issue.js';
import { siteSearchDocs } from '../../src/site/render-site.js';
import { createMarkdownRenderer, loadMarkdownPipeline } from '../../src/render/markdown.js';
import { normalizeSearchText } from '../../src/search/tokens.js';
import { searchRecordOf, type SearchRecord } from '../../src/search/records.js';

/** A phrase cut from a write-up, and the issue page that must be among its results. */
export interface Phrase {
  phrase: string;
  page: string;
}

/** The search records of a project, as its build indexes them. */
export async function projectRecords(root: string): Promise<SearchRecord[]> {
  const checked = await check({ root });
  const issues = checked.issues.map((i) => mergeIssue(i, checked.config));
  await loadMarkdownPipeline(issues.flatMap((i) => i.articles.flatMap((a) => a.sections.map((s) => s.body))));
  return siteSearchDocs(issues, checked.config, createMarkdownRenderer()).map((doc) => searchRecordOf(doc));
}

/** A small seeded generator (mulberry32), so a failing sample can be run again. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` phrases of 2 to 6 characters cut at random places of the write-ups'
 * text, punctuation included as a reader would copy it. Phrases with a line
 * break, or with fewer than 2 letters or digits, are skipped.
 */
export function samplePhrases(records: readonly SearchRecord[], count: number, seed = 1): Phrase[] {
  const next = random(seed);
  const phrases: Phrase[] = [];
  for (let tries = 0; phrases.length < count && tries < count * 20; tries++) {
    const record = records[Math.floor(next() * records.length)];
    if (!record) break;
    const chars = Array.from(record.meta.text);
    const length = 2 + Math.floor(next() * 5);
    const start = Math.floor(next() * Math.max(1, chars.length - length));
    const phrase = chars.slice(start, start + length).join('');
    if (/\s/.test(phrase) || normalizeSearchText(phrase).length < 2) continue;
    phrases.push({ phrase, page: record.meta.href.split('#')[0] as string });
  }
  return phrases;
}

/**
 * Runs every phrase through the site's own search module (assets/search-engine.js)
 * in the page, which must be on the site root, and returns the phrases whose
 * issue page was not among the results.
 */
export async function missedPhrases(page: Page, phrases: readonly Phrase[]): Promise<Phrase[]> {
  // A string, not a function: the test runner would rewrite import() inside a function.
  const missed = await page.evaluate(`(async () => {
    const phrases = ${JSON.stringify(phrases)};
    const { createSearchEngine } = await import(new URL('assets/search-engine.js', location.href).href);
    const engine = createSearchEngine(new URL('./', location.href));
    const missed = [];
    for (const p of phrases) {
      const search = await engine.search(p.phrase);
      let found = false;
      for (;;) {
        const batch = await search.next(200);
        if (batch.length === 0) break;
        if (batch.some((r) => r.href.startsWith(p.page))) { found = true; break; }
      }
      if (!found) missed.push(p);
    }
    return missed;
  })()`);
  return missed as Phrase[];
}
