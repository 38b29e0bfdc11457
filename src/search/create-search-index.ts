import type { SearchRecord } from '../site/search-records.js';
import { tokenShard } from '../site/search-text.js';
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
 * Builds the site's search index from the write-ups' records: an inverted
 * index from each pair of adjacent characters (search-text.ts) to the
 * write-ups that hold it, sharded by token, plus the write-ups' text in
 * shards for the passages. Plain JSON, built in memory in one pass, served
 * by any static server. Records come newest first, so ids ascend with age
 * and results list newest first without sorting.
 */
export async function createSearchIndex(records: readonly SearchRecord[]): Promise<OutputFile[]> {
  const postings = new Map<string, number[]>();
  records.forEach((record, id) => {
    for (const token of record.content.split(' ')) {
      if (token === '') continue;
      const list = postings.get(token);
      if (list) list.push(id);
      else postings.set(token, [id]);
    }
  });
  const shards: Record<string, string>[] = Array.from({ length: POSTING_SHARDS }, () => ({}));
  for (const [token, ids] of postings) shards[tokenShard(token, POSTING_SHARDS)]![token] = encodePostings(ids);
  const files: OutputFile[] = shards.map((shard, i) => ({ path: `${SEARCH_DIR}/postings/${i}.json`, content: JSON.stringify(shard) }));
  for (let start = 0; start < records.length; start += DOCS_PER_SHARD) {
    const docs = records.slice(start, start + DOCS_PER_SHARD).map((r) => r.meta);
    files.push({ path: `${SEARCH_DIR}/docs/${start / DOCS_PER_SHARD}.json`, content: JSON.stringify(docs) });
  }
  files.push({
    path: `${SEARCH_DIR}/meta.json`,
    content: JSON.stringify({ version: 1, docs: records.length, docsPerShard: DOCS_PER_SHARD, shards: POSTING_SHARDS }),
  });
  return files;
}
