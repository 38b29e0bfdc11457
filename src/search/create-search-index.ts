import { encodeSearchChar, tokenShard } from './tokens.js';
import type { OutputFile } from '../model/output-file.js';
import type { SearchRecord } from './records.js';

/** Where the index lives in the site; the browser's engine (assets/search-engine.js) loads it from there. */
export const SEARCH_DIR = 'search-index';

/** Postings are spread over this many files, so a query fetches a few small ones. */
export const POSTING_SHARDS = 256;
/** Write-ups (their text, for the passage) per file. */
export const DOCS_PER_SHARD = 64;

/** Gaps below this are spelled from a table rather than by toString (most are: ids are dense). */
const SPELLED_GAPS = 36 * 36;
const GAP_SPELLING = Array.from({ length: SPELLED_GAPS }, (_, gap) => gap.toString(36));

/** A sorted list of ids as the gaps between them, in base 36, comma-separated: compact JSON. */
export function encodePostings(ids: readonly number[]): string {
  const out = new Array<string>(ids.length);
  let last = -1;
  for (let i = 0; i < ids.length; i++) {
    const gap = ids[i]! - last;
    last = ids[i]!;
    out[i] = gap < SPELLED_GAPS ? GAP_SPELLING[gap]! : gap.toString(36);
  }
  return out.join(',');
}

/**
 * The characters met in the texts of one index, each as a small number in the
 * order first met, and the texts as arrays of those numbers.
 */
export interface CharTable {
  /** The letters and digits of a text (normalizeSearchText), as character numbers. */
  ids(text: string): Int32Array;
  /** Each number's character, spelled for a token (encodeSearchChar). */
  readonly codes: readonly string[];
}

/** A letter or a digit: what normalizeSearchText keeps. */
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
/** In the char table, a character normalizeSearchText drops. */
const DROPPED = -1;

export function createCharTable(): CharTable {
  // Each character met: its number, or DROPPED. One lookup per character
  // both drops punctuation and numbers the rest, so the text is not cut with
  // normalizeSearchText's expression first (a third of an index's time): the
  // characters kept are the same (its test holds the tokens to indexTokens').
  const charIds = new Map<number, number>();
  const codes: string[] = [];
  return {
    codes,
    ids(raw) {
      const text = raw.normalize('NFKC').toLowerCase();
      const ids = new Int32Array(text.length);
      let n = 0;
      // Code points by hand (a pair of surrogates is one), without a string per character.
      for (let i = 0; i < text.length; i++) {
        let cp = text.charCodeAt(i);
        if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
          const low = text.charCodeAt(i + 1);
          if (low >= 0xdc00 && low <= 0xdfff) {
            cp = (cp - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
            i++;
          }
        }
        let id = charIds.get(cp);
        if (id === undefined) {
          const char = String.fromCodePoint(cp);
          if (LETTER_OR_DIGIT.test(char)) {
            id = codes.length;
            codes.push(encodeSearchChar(char));
          } else id = DROPPED;
          charIds.set(cp, id);
        }
        if (id !== DROPPED) ids[n++] = id;
      }
      return ids.subarray(0, n);
    },
  };
}

/**
 * Builds the site's search index from the write-ups' records: an inverted
 * index from each pair of adjacent characters (search-text.ts) to the
 * write-ups that hold it, sharded by token, plus the write-ups' text in
 * shards for the passages. Plain JSON, built in memory in one pass, served
 * by any static server. Records come newest first, so ids ascend with age
 * and results list newest first without sorting.
 *
 * The tokens are those of indexTokens(), but not built as strings per
 * write-up: each character met gets a small number, a pair of them is one
 * integer key, and a token's string is spelled once, when the index is written.
 */
export function createSearchIndex(records: readonly SearchRecord[]): OutputFile[] {
  const chars = createCharTable();
  return writeSearchIndex(
    chars,
    records.map((r) => [chars.ids(r.indexed)]),
    records.map((r) => r.meta),
  );
}

/**
 * The index's files from each record's characters (`texts`, numbered by
 * `chars`) and what its result shows. The files depend on the characters,
 * not on their numbers: a thread may number the texts in any order
 * (index-in-steps.ts, on the executor's thread, numbers them as folders are rendered).
 */
export function writeSearchIndex(
  chars: CharTable,
  texts: readonly (readonly Int32Array[])[],
  metas: readonly SearchRecord['meta'][],
): OutputFile[] {
  const { codes } = chars;
  // Keys stay small integers while fewer than 2^15 distinct characters are met.
  const base = codes.length <= 0x8000 ? 0x8000 : 0x200000;
  const postings = new Map<number, number[]>();
  // A text may come in parts (a theme, then a write-up): pairs run across them.
  texts.forEach((parts, doc) => {
    let prev = -1;
    for (const ids of parts) {
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i]!;
        if (prev >= 0) {
          const key = prev * base + id;
          const list = postings.get(key);
          if (list === undefined) postings.set(key, [doc]);
          else if (list[list.length - 1] !== doc) list.push(doc);
        }
        prev = id;
      }
    }
  });
  // Each shard's JSON object spelled by hand: tokens and postings are base-36 letters and commas, which JSON does not
  // escape.
  const shards: string[][] = Array.from({ length: POSTING_SHARDS }, () => []);
  for (const [key, ids] of postings) {
    const token = `b${codes[Math.floor(key / base)]}${codes[key % base]}`;
    shards[tokenShard(token, POSTING_SHARDS)]!.push(`"${token}":"${encodePostings(ids)}"`);
  }
  const files: OutputFile[] = shards.map((entries, i) => ({
    path: `${SEARCH_DIR}/postings/${i}.json`,
    content: `{${entries.join(',')}}`,
  }));
  for (let start = 0; start < metas.length; start += DOCS_PER_SHARD) {
    const docs = metas.slice(start, start + DOCS_PER_SHARD);
    files.push({ path: `${SEARCH_DIR}/docs/${start / DOCS_PER_SHARD}.json`, content: JSON.stringify(docs) });
  }
  files.push({
    path: `${SEARCH_DIR}/meta.json`,
    content: JSON.stringify({ version: 1, docs: metas.length, docsPerShard: DOCS_PER_SHARD, shards: POSTING_SHARDS }),
  });
  return files;
}
