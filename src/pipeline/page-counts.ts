import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { PageCounts } from '../model/page-counts.js';
import { cacheDir } from '../paths.js';

function file(root: string): string {
  return join(cacheDir(root), 'pages.json');
}

/** The page counts recorded by earlier builds; empty when none. */
export function readPageCounts(root: string): PageCounts {
  try {
    return JSON.parse(readFileSync(file(root), 'utf8')) as PageCounts;
  } catch {
    return {};
  }
}

/** Records the page counts of the PDFs just printed (merged into what was there). */
export function recordPageCounts(root: string, printed: readonly { folder: string; pages: number }[]): void {
  if (printed.length === 0) return;
  const counts = readPageCounts(root);
  const at = new Date().toISOString();
  for (const p of printed) counts[p.folder] = { pages: p.pages, at };
  try {
    mkdirSync(join(file(root), '..'), { recursive: true });
    writeFileSync(`${file(root)}.tmp`, JSON.stringify(counts));
    renameSync(`${file(root)}.tmp`, file(root));
  } catch {
    // only an aid for check
  }
}
