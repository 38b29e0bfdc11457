import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { OutputFile } from '../model/output-file.js';

/**
 * Writes files into `dir` one by one, each to a temporary name first and then
 * renamed over the old file: a reader (or a printer's hot folder) never sees
 * half a PDF, and files not written are left as they were.
 */
export async function writeFilesAtomic(dir: string, files: readonly OutputFile[]): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const file of files) {
    const target = safeOutputPath(dir, file.path);
    const tmp = join(dir, `.${process.pid}-${Date.now()}-${written.length}.tmp`);
    try {
      await writeFile(tmp, file.content);
      await rename(tmp, target);
    } catch (e) {
      await rm(tmp, { force: true });
      throw e;
    }
    written.push(target);
  }
  return written;
}

/** Resolves a relative output path inside `out`, refusing anything that would escape it. */
export function safeOutputPath(out: string, path: string): string {
  const normalised = path.replace(/\\/g, '/');
  if (normalised.startsWith('/') || normalised.split('/').some((p) => p === '..' || p === '')) {
    throw new Error(`unsafe output path: ${path}`);
  }
  const full = resolve(out, normalised);
  if (!full.startsWith(resolve(out) + sep)) throw new Error(`unsafe output path: ${path}`);
  return full;
}

/**
 * Writes files into a folder, making their subfolders. Synchronous: for
 * hundreds of small files one call each beats the thread pool's round trips
 * for open, write and close (measured: 845 files in 0.14 s against 0.2 s).
 */
export function writeFilesInto(dir: string, files: readonly OutputFile[]): number {
  const dirs = new Set(files.map((f) => dirname(safeOutputPath(dir, f.path))));
  for (const d of [...dirs].sort()) mkdirSync(d, { recursive: true });
  for (const f of files) writeFileSync(safeOutputPath(dir, f.path), f.content);
  return files.length;
}
