/**
 * Headlines must not break inside a word on a narrow screen or in a narrow
 * column (「新型工／业化」): the text is cut into words by the Chinese rules
 * of Intl.Segmenter (Node's full ICU: the dictionary Chromium uses too), and
 * each word is kept on one line. Lines still break between words, as Chinese
 * text breaks anywhere else. The site's headlines and the print's
 * (headlineHtml, src/pdf/print-html.ts) are cut here alike. Pure: no I/O, the
 * same text gives the same runs.
 */
import type { Config } from '../model/config.js';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** A run of a text: a word to keep on one line (`keep`), or what lies between words. */
export interface WordRun {
  text: string;
  keep: boolean;
}

/**
 * The text in runs, in order. A word is what the segmenter calls one, with a
 * one-character word that follows it attached (工业 + 化, which ICU cuts
 * apart); `known` words (county names, say, which ICU does not know) are kept
 * whole wherever they occur. Single characters are not kept: a line may break
 * on either side of them.
 */
export function wordRuns(text: string, known: readonly string[] = []): WordRun[] {
  // Where each known word covers the text: a segment starting inside one joins the one before it.
  const covered = new Uint8Array(text.length + 1);
  for (const word of known) {
    if (word.length < 2) continue;
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) {
      covered.fill(1, at + 1, at + word.length);
    }
  }
  const runs: WordRun[] = [];
  let attached = false;
  for (const { segment, index, isWordLike } of segmenter.segment(text)) {
    const last = runs[runs.length - 1];
    const word = isWordLike === true;
    if (last && covered[index]) {
      last.text += segment;
      last.keep = true;
      continue;
    }
    const single = Array.from(segment).length === 1;
    if (last?.keep && word && single && !attached) {
      last.text += segment;
      attached = true;
      continue;
    }
    attached = false;
    const keep = word && !single;
    if (last && !keep && !last.keep) last.text += segment;
    else runs.push({ text: segment, keep });
  }
  return runs;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/**
 * The text as HTML, escaped, each word (wordRuns) in a `<span class="…">`
 * that the stylesheet keeps on one line (`white-space: nowrap`).
 */
export function keepWordsHtml(text: string, known: readonly string[] = [], className = 'kw'): string {
  return wordRuns(text, known)
    .map((r) => (r.keep ? `<span class="${className}">${escapeHtml(r.text)}</span>` : escapeHtml(r.text)))
    .join('');
}

/** The words a project's headlines keep whole besides ICU's: its counties' names and other spellings. */
export function knownWords(config: Pick<Config, 'counties'>): string[] {
  return config.counties.flatMap((c) => [c.name, ...c.aliases]);
}
