import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's own folder: built-in templates, styles and scripts live there. */
export const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The folder of yongzu's running code, whose files the caches are keyed by:
 * lib/bundle/ when this runs bundled (bin/yongzu.js), else all of lib/.
 */
export const CODE_DIR =
  basename(dirname(fileURLToPath(import.meta.url))) === 'bundle'
    ? dirname(fileURLToPath(import.meta.url))
    : join(PACKAGE_DIR, 'lib');

/**
 * Folders searched for a template or style: the project's own first, then the
 * built-in ones, so a project overrides only the files it wants to.
 */
export function searchPaths(root: string, kind: 'templates' | 'styles' | 'assets'): string[] {
  const own = join(root, kind);
  const builtIn = join(PACKAGE_DIR, kind);
  return own === builtIn || !existsSync(own) ? [builtIn] : [own, builtIn];
}
