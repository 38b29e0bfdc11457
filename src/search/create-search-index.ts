import * as pagefind from 'pagefind';
import type { SearchRecord } from '../site/search-records.js';
import type { OutputFile } from '../write/write-output.js';

/** Where the index lives in the site; the browser glue (assets/search.js) loads it from there. */
export const SEARCH_DIR = 'pagefind';

/**
 * The files of Pagefind's bundle the site needs: its engine, worker, WebAssembly
 * and index. Its ready-made UIs are left out; the site has its own search page.
 */
export function isNeededSearchFile(path: string): boolean {
  return !/^pagefind-(ui|modular-ui|component-ui|highlight)\.|^playground\//.test(path);
}

/** How many records are sent to Pagefind's service before waiting for its answers. */
const BATCH = 200;

/** Pagefind failed; its own messages are kept for the build's diagnostic. */
export class SearchIndexError extends Error {}

/**
 * Builds the Pagefind index of the records in memory (Pagefind runs its
 * binary as a service) and returns its files under `pagefind/`, so they go
 * into the same atomic write as the pages.
 */
export function createSearchIndex(records: readonly SearchRecord[]): Promise<OutputFile[]> {
  // Pagefind's service is one per process and close() stops it for every
  // index, so builds in one process (tests, a future watch mode) take turns.
  const run = turn.then(() => indexRecords(records));
  turn = run.catch(() => undefined);
  return run;
}

let turn: Promise<unknown> = Promise.resolve();

async function indexRecords(records: readonly SearchRecord[]): Promise<OutputFile[]> {
  const { index, errors } = await pagefind.createIndex({});
  try {
    if (!index) throw new SearchIndexError(errors.join('; '));
    // In batches: one at a time doubles the time (each waits for the service's
    // answer); all at once keeps every message in flight in memory.
    for (let i = 0; i < records.length; i += BATCH) {
      const added = await Promise.all(records.slice(i, i + BATCH).map((record) => index.addCustomRecord(record)));
      const failed = added.flatMap((a) => a.errors);
      if (failed.length > 0) throw new SearchIndexError(failed.join('; '));
    }
    const result = await index.getFiles();
    if (result.errors.length > 0) throw new SearchIndexError(result.errors.join('; '));
    return result.files.filter((f) => isNeededSearchFile(f.path)).map((f) => ({ path: `${SEARCH_DIR}/${f.path}`, content: f.content }));
  } finally {
    // The service is a child process: stop it so the build's process can exit.
    await pagefind.close();
  }
}
