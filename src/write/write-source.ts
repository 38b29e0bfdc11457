import { existsSync, rmSync } from 'node:fs';
import { copyFile, link, mkdir, open, rename, rm, rmdir } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { onInterrupt } from './interrupt.js';
import { failWriteInTests } from './test-hooks.js';
import { describeWriteError } from './write-errors.js';
import { writeSource } from '../rules/write/source.js';

/**
 * Writes a source file atomically: a temporary file in the same folder,
 * flushed, then renamed over the target. `exclusive` refuses to replace an
 * existing file. On any failure (a full or read-only disk) the temporary file
 * is removed and the target is as it was; the error is thrown.
 */
export async function writeSourceAtomic(
  path: string,
  content: string | Uint8Array,
  options: { exclusive?: boolean } = {},
): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${Date.now()}`);
  const unregister = onInterrupt(() => rmSync(tmp, { force: true }));
  let made = false;
  try {
    const handle = await open(tmp, 'wx');
    made = true;
    try {
      failWriteInTests();
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.exclusive) {
      // link() fails when the target exists, so a concurrent writer never loses its file.
      await link(tmp, path);
      await rm(tmp);
    } else {
      await rename(tmp, path);
    }
  } catch (e) {
    if (made) await rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  } finally {
    unregister();
  }
}

/**
 * A failed write of a source file (or of a folder for one) as the diagnostic
 * an editor can act on; undefined for an error that is not the file
 * system's. `file` is shown relative to `root`.
 */
export function sourceWriteFailure(e: unknown, root: string, file: string): Diagnostic | undefined {
  const why = describeWriteError(e);
  if (!why) return undefined;
  const shown = relative(root, file).split('\\').join('/') || file;
  return writeSource.report(
    shown,
    undefined,
    `无法写入 ${shown}（${why}）：没有写入任何内容，也没有留下临时文件，原有文件保持不变。请检查磁盘空间和文件夹的写入权限后重试。`,
  );
}

/**
 * Makes a folder and those above it that are missing; returns a function that
 * removes again the ones it made (if still empty), for a write that failed.
 */
export async function makeFolders(dir: string): Promise<() => Promise<void>> {
  const first = await mkdirs(dir);
  return async () => {
    if (!first) return;
    for (let d = dir; ; d = dirname(d)) {
      try {
        await rmdir(d);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return; // not empty: leave it and those above
      }
      if (d === first || dirname(d) === d) return;
    }
  };
}

/**
 * mkdir -p, with the real reason when it fails: Node's recursive mkdir says
 * ENOENT on a read-only disk; the first missing folder, made alone, says EROFS.
 */
export async function mkdirs(dir: string): Promise<string | undefined> {
  try {
    return await mkdir(dir, { recursive: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    let missing = dir;
    while (dirname(missing) !== missing && !existsSync(dirname(missing))) missing = dirname(missing);
    await mkdir(missing); // throws the error that stopped the recursive one
    throw e;
  }
}

/** Copies a source file into `backupDir`, keeping its relative path; returns the copy's path. */
export async function backupSource(root: string, relPath: string, backupDir: string): Promise<string> {
  const target = join(backupDir, relPath);
  await mkdirs(dirname(target));
  try {
    failWriteInTests();
    await copyFile(join(root, relPath), target);
  } catch (e) {
    await rm(target, { force: true }).catch(() => undefined);
    throw e;
  }
  return target;
}
