import { copyFile, mkdir, open, rename, rm } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { onInterrupt } from './interrupt.js';

/**
 * Writes a source file atomically: a temporary file in the same folder,
 * flushed, then renamed over the target. `exclusive` refuses to replace an
 * existing file.
 */
export async function writeSourceAtomic(
  path: string,
  content: string | Uint8Array,
  options: { exclusive?: boolean } = {},
): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${Date.now()}`);
  const unregister = onInterrupt(() => rmSync(tmp, { force: true }));
  const handle = await open(tmp, 'wx').catch((e: unknown) => {
    unregister();
    throw e;
  });
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    if (options.exclusive) {
      // link() fails when the target exists, so a concurrent writer never loses its file.
      const { link } = await import('node:fs/promises');
      await link(tmp, path);
      await rm(tmp);
    } else {
      await rename(tmp, path);
    }
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  } finally {
    unregister();
  }
}

/** Copies a source file into `backupDir`, keeping its relative path; returns the copy's path. */
export async function backupSource(root: string, relPath: string, backupDir: string): Promise<string> {
  const target = join(backupDir, relPath);
  await mkdir(dirname(target), { recursive: true });
  await copyFile(join(root, relPath), target);
  return target;
}
