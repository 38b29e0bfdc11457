import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { safeOutputPath, type OutputFile } from './write-output.js';

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
