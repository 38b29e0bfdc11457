import type { Page } from 'playwright-core';
import { mergeIssue } from '../../src/merge/merge-issue.js';
import { createMarkdownRenderer, loadMarkdownPipeline } from '../../src/render/markdown.js';
import { htmlToText } from '../../src/search/records.js';
import { normalizeSearchText } from '../../src/search/tokens.js';
import { siteSearchDocs } from '../../src/site/render-site.js';
import { checkedProject } from '../helpers.js';

/** A phrase cut from a write-up, and the write-up's number in the index (the site's order). */
export interface Phrase {
  phrase: string;
  id: number;
}

/** The write-ups' texts of a project, in the order its build numbers them in the index. */
export async function projectTexts(root: string): Promise<string[]> {
  const checked = await checkedProject(root);
  const issues = checked.issues.map((i) => mergeIssue(i, checked.config));
  await loadMarkdownPipeline(issues.flatMap((i) => i.articles.flatMap((a) => a.sections.map((s) => s.body))));
  return siteSearchDocs(issues, checked.config, createMarkdownRenderer()).map((doc) => htmlToText(doc.html));
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
export function samplePhrases(texts: readonly string[], count: number, seed = 1): Phrase[] {
  const next = random(seed);
  const phrases: Phrase[] = [];
  for (let tries = 0; phrases.length < count && tries < count * 20; tries++) {
    const id = Math.floor(next() * texts.length);
    const text = texts[id];
    if (text === undefined) break;
    const chars = Array.from(text);
    const length = 2 + Math.floor(next() * 5);
    const start = Math.floor(next() * Math.max(1, chars.length - length));
    const phrase = chars.slice(start, start + length).join('');
    if (/\s/.test(phrase) || normalizeSearchText(phrase).length < 2) continue;
    phrases.push({ phrase, id });
  }
  return phrases;
}

/**
 * Runs every phrase through the site's own search engine (assets/search-engine.js)
 * in the page, which must be the site's search page, and returns the phrases
 * whose write-up was not among the results.
 */
export async function missedPhrases(page: Page, phrases: readonly Phrase[]): Promise<Phrase[]> {
  // A string, not a function: the test runner would rewrite code inside a function.
  const missed = await page.evaluate(`(async () => {
    const phrases = ${JSON.stringify(phrases)};
    const engine = self.YongzuSearch.createSearchEngine(new URL('../', location.href));
    const missed = [];
    for (const p of phrases) {
      const found = await engine.search(p.phrase);
      if (!found.ids.includes(p.id)) missed.push(p);
    }
    return missed;
  })()`);
  return missed as Phrase[];
}
