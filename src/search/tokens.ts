/*
 * The search index and the browser must cut text alike, pick the same files
 * and read the same numbers, so these functions are written once here and
 * their compiled source is shipped to the browser as assets/search-tokens.js
 * (see searchTokensScript). Each function is therefore self-contained: no
 * imports, no closures over module state, only calls to the other functions
 * of this file (listed in SHARED).
 *
 * Why not segment the Chinese text into words: Pagefind 1.5+ segments Chinese
 * with one segmenter when indexing and with the browser's Intl.Segmenter when
 * querying; where the two disagree (Pagefind issue #1237) a phrase that is on
 * a page is not found. Measured with Pagefind 1.6.0 on a generated 500-issue
 * archive, 1 phrase in 300 (e.g. 关工作人) was missed that way. The index
 * leaves no segmentation to either side: a two-character word is looked up as
 * that pair of characters, a longer one as character triples whose positions
 * in the write-up must line up (see termGrams), so a phrase is found exactly
 * where it is written, and nowhere else.
 */

/** The letters and digits of `text`, lowercased and NFKC-folded; punctuation and spaces dropped. */
export function normalizeSearchText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Whether a term is long enough to search: at least two letters or digits (no single characters are indexed). */
export function isSearchable(term: string): boolean {
  return Array.from(normalizeSearchText(term)).length >= 2;
}

/**
 * A query as the reader typed it, cut into terms that must all match (in any
 * order): words separated by spaces, where a quoted part ("…", “…”, 「…」,
 * 『…』) may hold spaces. Each term once. `text` is the term as typed, less
 * its quotes; `norm` its letters and digits (normalizeSearchText), which is
 * what is looked up, so quotes and other punctuation inside a word change
 * nothing (a phrase copied from a write-up is found as it is). Terms of fewer
 * than two letters or digits are listed apart in `short`: they cannot be searched.
 */
export function parseQuery(query: string): {
  terms: { text: string; norm: string; quoted: boolean }[];
  short: string[];
} {
  const closers: Record<string, string> = {
    '"': '"＂“”',
    '＂': '"＂“”',
    '“': '"＂“”',
    '”': '"＂“”',
    '「': '」',
    '『': '』',
  };
  const terms: { text: string; norm: string; quoted: boolean }[] = [];
  const short: string[] = [];
  const seen: Record<string, boolean> = {};
  const chars = Array.from(query);
  let i = 0;
  while (i < chars.length) {
    if (/\s/u.test(chars[i]!)) {
      i++;
      continue;
    }
    let text = '';
    let quoted = false;
    while (i < chars.length && !/\s/u.test(chars[i]!)) {
      const close = closers[chars[i]!];
      if (close === undefined) {
        text += chars[i++];
        continue;
      }
      // A quoted part runs to its closing quote (or the end), spaces and all.
      quoted = true;
      let j = i + 1;
      while (j < chars.length && !close.includes(chars[j]!)) j++;
      text += chars.slice(i + 1, j).join('');
      i = j + 1;
    }
    text = text.trim();
    const norm = normalizeSearchText(text);
    if (norm === '') continue;
    if (Array.from(norm).length < 2) short.push(text);
    else if (!seen[norm]) {
      seen[norm] = true;
      terms.push({ text, norm, quoted });
    }
  }
  return { terms, short };
}

/**
 * The index entries a normalized term is looked up by: the term itself when it
 * is two characters long (its pair, offset 0), otherwise character triples at
 * offsets 0, 3, 6, … and the last one, which together cover every character.
 * A write-up holds the term where each triple is at the term's start plus the
 * triple's offset: the index stores where each triple occurs, so the match is
 * exact, not a guess from pairs that may occur apart.
 */
export function termGrams(norm: string): { gram: string; offset: number }[] {
  const chars = Array.from(norm);
  if (chars.length < 2) return [];
  if (chars.length === 2) return [{ gram: norm, offset: 0 }];
  const grams: { gram: string; offset: number }[] = [];
  for (let i = 0; i + 3 <= chars.length; i += 3) grams.push({ gram: chars.slice(i, i + 3).join(''), offset: i });
  const last = chars.length - 3;
  if (grams[grams.length - 1]!.offset !== last) grams.push({ gram: chars.slice(last).join(''), offset: last });
  return grams;
}

/** Which of `shards` files holds an entry (FNV-1a over its code points): the index writer and the browser agree. */
export function gramShard(gram: string, shards: number): number {
  let h = 0x811c9dc5;
  for (const ch of gram) {
    const cp = ch.codePointAt(0)!;
    h = Math.imul(h ^ (cp & 0xff), 0x01000193) >>> 0;
    h = Math.imul(h ^ ((cp >>> 8) & 0xff), 0x01000193) >>> 0;
    h = Math.imul(h ^ (cp >>> 16), 0x01000193) >>> 0;
  }
  return h % shards;
}

/**
 * The 64 characters of the index's numbers, none of which JSON escapes. A
 * number is written low five bits first, one character per five bits; a
 * character's sixth bit says that more follow.
 */
export const NUMBER_DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';

/** The numbers written in a string of the index (see NUMBER_DIGITS). */
export function readNumbers(text: string): number[] {
  const digits = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
  const out: number[] = [];
  let value = 0;
  let scale = 1;
  for (let i = 0; i < text.length; i++) {
    const d = digits.indexOf(text[i]!);
    if (d < 0) throw new Error('not an index number');
    value += (d & 31) * scale;
    if (d & 32) scale *= 32;
    else {
      out.push(value);
      value = 0;
      scale = 1;
    }
  }
  return out;
}

/** The functions shipped to the browser (each self-contained). */
const SHARED = [normalizeSearchText, isSearchable, parseQuery, termGrams, gramShard, readNumbers];

/**
 * The browser's copy of the functions above: a classic script (not a module,
 * which browsers refuse to load from disk) that sets `self.YongzuSearchTokens`.
 */
export function searchTokensScript(): string {
  const head = '// Generated by yongzu from src/search/tokens.ts: the index cuts and reads text with the same code.';
  const names = SHARED.map((f) => f.name).join(', ');
  const body = SHARED.map((f) => f.toString()).join('\n');
  return `${head}\nself.YongzuSearchTokens = (() => {\n${body}\nreturn { ${names} };\n})();\n`;
}
