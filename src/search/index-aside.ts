import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SearchRecord } from '../site/search-records.js';
import type { OutputFile } from '../write/write-output.js';
import { createSearchIndex } from './create-search-index.js';

/** Below this many write-ups (about 75 issues) the index takes less time than starting a thread. */
const MIN_RECORDS_ASIDE = 500;

/**
 * Builds the search index on a worker thread, so that a build renders its
 * pages meanwhile: the two are different code, so neither thread compiles the
 * other's (which is why check and render stay on one thread). Falls back to
 * this thread for small archives, when the worker cannot run (from
 * TypeScript sources, in tests) or when it fails; the files are the same.
 */
export function createSearchIndexAside(records: readonly SearchRecord[]): Promise<OutputFile[]> {
  const file = new URL('./index-worker.js', import.meta.url);
  if (records.length < MIN_RECORDS_ASIDE || !existsSync(fileURLToPath(file))) return Promise.resolve(createSearchIndex(records));
  return new Promise<OutputFile[]>((resolve) => {
    const worker = new Worker(file, { workerData: { records } });
    let settled = false;
    const inline = () => {
      if (!settled) {
        settled = true;
        resolve(createSearchIndex(records));
      }
    };
    worker.once('message', (files: OutputFile[]) => {
      settled = true;
      resolve(files);
      void worker.terminate();
    });
    worker.once('error', inline);
    worker.once('exit', inline);
  });
}
