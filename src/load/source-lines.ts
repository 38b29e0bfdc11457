import { join } from 'node:path';
import { CONFIG_FILE, ISSUES_DIR } from '../paths.js';
import { readSource } from './read-source.js';

/** The lines of a project's source file, by its path relative to the root, for excerpts in reports. */
export type SourceLines = (file: string) => readonly string[] | undefined;

/**
 * Reads the sources that diagnostics name (submissions, issue.yml, the
 * configuration: text files under issues/ and yongzu.config.yml, nothing
 * else), each once, read and decoded as loading reads them (never past the
 * size limit); undefined for a file that cannot be read, is too large or is
 * not text.
 */
export function createSourceLines(root: string): SourceLines {
  const cache = new Map<string, readonly string[] | undefined>();
  return (file) => {
    if (cache.has(file)) return cache.get(file);
    let lines: readonly string[] | undefined;
    const source = file === CONFIG_FILE || (file.startsWith(`${ISSUES_DIR}/`) && /\.(md|markdown|ya?ml)$/i.test(file));
    if (source && !file.split('/').includes('..')) {
      try {
        const read = readSource(join(root, file));
        if (read.kind === 'text') lines = read.text.split('\n');
      } catch {
        // gone or unreadable: no excerpt
      }
    }
    cache.set(file, lines);
    return lines;
  };
}
