import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { OutputFile } from '../model/output-file.js';
import { safeOutputPath } from '../write/write-files.js';

/**
 * Writes files into `dir` as they are made, one call each (synchronous: for
 * thousands of small files one call each beats the thread pool's round
 * trips), making folders as needed. `guard` runs each write; when it says
 * false (the gate closed on Ctrl-C) nothing more is written. How many were.
 */
export function writeEach(
  dir: string,
  files: Iterable<OutputFile>,
  guard: (write: () => void) => boolean = (write) => (write(), true),
): number {
  const made = new Set<string>();
  let written = 0;
  for (const f of files) {
    const target = safeOutputPath(dir, f.path);
    const folder = dirname(target);
    if (!made.has(folder)) {
      if (!guard(() => mkdirSync(folder, { recursive: true }))) break;
      made.add(folder);
    }
    if (!guard(() => writeFileSync(target, f.content))) break;
    written++;
  }
  return written;
}
