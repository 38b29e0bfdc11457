import { readdirSync, rmSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { OutputFile } from '../model/output-file.js';
import { safeOutputPath } from './write-files.js';

/** The temporary files of in-place writes, at the top of OUT (so that leftovers are found without a walk). */
const TMP_PREFIX = '.yongzu-tmp-';

/** Removes the temporary files a killed `yongzu dev` left at the top of OUT (the caller holds OUT's lock). */
export function removeLeftoverTemporaryFiles(out: string): void {
  let names: string[] = [];
  try {
    names = readdirSync(out).filter((n) => n.startsWith(TMP_PREFIX));
  } catch {
    return;
  }
  for (const n of names) rmSync(join(out, n), { force: true, recursive: true });
}

/**
 * Writes an output folder in place, file by file, as `yongzu dev` does on
 * every save: only files whose bytes changed since the last write are
 * written (each to a temporary name, then renamed), and files it wrote before
 * that are no longer produced are removed. Files it did not write are left alone.
 */
export function createChangedFilesWriter(out: string) {
  let n = 0;
  /** The bytes last written to each output path. */
  const last = new Map<string, string | Uint8Array>();
  const same = (a: string | Uint8Array, b: string | Uint8Array) =>
    a === b || (typeof a === 'string' ? a === b : typeof b !== 'string' && Buffer.compare(a, b) === 0);
  /** Writes `files` as the whole output; returns the paths written or removed. */
  return async function writeChanged(files: readonly OutputFile[]): Promise<string[]> {
    const changed: string[] = [];
    const produced = new Set(files.map((f) => f.path));
    for (const path of [...last.keys()]) {
      if (produced.has(path)) continue;
      await rm(safeOutputPath(out, path), { force: true });
      last.delete(path);
      changed.push(path);
    }
    for (const f of files) {
      const before = last.get(f.path);
      if (before !== undefined && same(before, f.content)) continue;
      const target = safeOutputPath(out, f.path);
      await mkdir(dirname(target), { recursive: true });
      const tmp = join(out, `${TMP_PREFIX}${process.pid}-${n++}`);
      try {
        await writeFile(tmp, f.content);
        await rename(tmp, target);
      } catch (e) {
        await rm(tmp, { force: true });
        throw e;
      }
      last.set(f.path, f.content);
      changed.push(f.path);
    }
    return changed;
  };
}
