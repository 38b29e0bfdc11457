import type { SearchRecord } from '../site/search-records.js';
import { encodeSearchChar, normalizeSearchText, tokenShard } from '../site/search-text.js';
import type { OutputFile } from '../write/write-output.js';

/** Where the index lives in the site; the browser's engine (assets/search-engine.js) loads it from there. */
export const SEARCH_DIR = 'search-index';

/** Postings are spread over this many files, so a query fetches a few small ones. */
export const POSTING_SHARDS = 256;
/** Write-ups (their text, for the passage) per file. */
export const DOCS_PER_SHARD = 64;

/** A sorted list of ids as the gaps between them, in base 36, comma-separated: compact JSON. */
export function encodePostings(ids: readonly number[]): string {
  let last = -1;
  return ids.map((id) => {
    const gap = id - last;
    last = id;
    return gap.toString(36);
  }).join(',');
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

export function createCharTable(): CharTable {
  const charIds = new Map<number, number>();
  const codes: string[] = [];
  return {
    codes,
    ids(raw) {
      const text = normalizeSearchText(raw);
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
          id = codes.length;
          charIds.set(cp, id);
          codes.push(encodeSearchChar(String.fromCodePoint(cp)));
        }
        ids[n++] = id;
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
  return writeSearchIndex(chars, records.map((r) => chars.ids(r.indexed)), records.map((r) => r.meta));
}

/**
 * The index's files from each record's characters (`texts`, numbered by
 * `chars`) and what its result shows. The files depend on the characters,
 * not on their numbers: a thread may number the texts in any order
 * (search/aside-worker.ts numbers them as the folders are checked).
 */
export function writeSearchIndex(chars: CharTable, texts: readonly Int32Array[], metas: readonly SearchRecord['meta'][]): OutputFile[] {
  const { codes } = chars;
  // Keys stay small integers while fewer than 2^15 distinct characters are met.
  const base = codes.length <= 0x8000 ? 0x8000 : 0x200000;
  const postings = new Map<number, number[]>();
  texts.forEach((ids, doc) => {
    for (let i = 0; i + 1 < ids.length; i++) {
      const key = ids[i]! * base + ids[i + 1]!;
      const list = postings.get(key);
      if (list === undefined) postings.set(key, [doc]);
      else if (list[list.length - 1] !== doc) list.push(doc);
    }
  });
  const shards: Record<string, string>[] = Array.from({ length: POSTING_SHARDS }, () => ({}));
  for (const [key, ids] of postings) {
    const token = `b${codes[Math.floor(key / base)]}${codes[key % base]}`;
    shards[tokenShard(token, POSTING_SHARDS)]![token] = encodePostings(ids);
  }
  const files: OutputFile[] = shards.map((shard, i) => ({ path: `${SEARCH_DIR}/postings/${i}.json`, content: JSON.stringify(shard) }));
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
