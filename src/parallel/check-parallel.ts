import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Config } from '../config/defaults.js';
import { openCheckCache } from '../cache/check-cache.js';
import { checkFolders, type FoldersResult } from './check-folders.js';

/** Below this many issues, starting threads costs more than it saves. */
const MIN_FOLDERS_FOR_THREADS = 48;

/**
 * Loads and checks every issue folder; when sections are rendered too and the
 * archive is large, the work is split over worker threads (one per core, at
 * most 4); results come back in folder
 * order, as if checked in one pass. YONGZU_THREADS=1 turns threads off.
 */
export async function checkInParallel(root: string, folders: readonly string[], config: Config, render: boolean): Promise<FoldersResult> {
  const wanted = Number(process.env['YONGZU_THREADS'] ?? availableParallelism());
  const threads = Math.max(1, Math.min(4, Number.isFinite(wanted) ? wanted : 1));
  const workerFile = new URL('./check-worker.js', import.meta.url);
  // Checking alone is too light to pay for a thread's start-up and the copy of its results; rendering is not.
  // Run from TypeScript sources (vitest, vite-node) there is no compiled worker: stay in this thread.
  if (!render || threads < 2 || folders.length < MIN_FOLDERS_FOR_THREADS || !existsSync(fileURLToPath(workerFile))) {
    return checkFolders(root, folders, config, render, openCheckCache(root, config));
  }
  // Contiguous shares keep each thread's files together on disk.
  const size = Math.ceil(folders.length / threads);
  const shares = Array.from({ length: threads }, (_, i) => folders.slice(i * size, (i + 1) * size)).filter((s) => s.length > 0);
  const results = await Promise.all(
    shares.map(
      (share) =>
        new Promise<FoldersResult>((resolve, reject) => {
          const worker = new Worker(workerFile, { workerData: { root, folders: share, config, render } });
          worker.once('message', (m: FoldersResult) => {
            resolve(m);
            void worker.terminate();
          });
          worker.once('error', reject);
        }),
    ),
  );
  return {
    checks: results.flatMap((r) => r.checks),
    fileCount: results.reduce((n, r) => n + r.fileCount, 0),
    html: results.flatMap((r) => r.html),
  };
}
