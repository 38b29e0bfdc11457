import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Every filesystem location yongzu knows: the project's layout, where its
 * caches and backups go, and where yongzu's own files are.
 */

/** The configuration file at a project's root. */
export const CONFIG_FILE = 'yongzu.config.yml';

/** The folder of issue folders, relative to the root. */
export const ISSUES_DIR = 'issues';

/** What a project holds that no output may overwrite, hold or lie in (relative to the root). */
export const SOURCE_ENTRIES = [ISSUES_DIR, 'templates', 'styles', 'fonts', CONFIG_FILE, '.yongzu', '.git'] as const;

/** Where yongzu keeps what it may throw away (check results, build records, PDFs, page counts). */
export function cacheDir(root: string): string {
  return join(root, 'node_modules', '.cache', 'yongzu');
}

/** Where `check --fix` copies each file before rewriting it (one folder per run). */
export function backupDir(root: string, at: Date): string {
  return join(root, '.yongzu', 'backup', at.toISOString().replace(/[:.]/g, '-'));
}

const HERE = dirname(fileURLToPath(import.meta.url));

/** yongzu's own folder (the first above this code with a package.json): built-in templates, styles, scripts. */
export const PACKAGE_DIR = ((): string => {
  for (let dir = HERE; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return join(HERE, '..');
  }
})();

/**
 * The folder of yongzu's running code, whose files the caches are keyed by:
 * lib/bundle/ when this runs bundled (bin/yongzu.js), else all of lib/.
 */
export const CODE_DIR = basename(HERE) === 'bundle' ? HERE : join(PACKAGE_DIR, 'lib');

/**
 * Folders searched for a template or style: the project's own first, then the
 * built-in ones, so a project overrides only the files it wants to.
 */
export function searchPaths(root: string, kind: 'templates' | 'styles' | 'assets'): string[] {
  const own = join(root, kind);
  const builtIn = join(PACKAGE_DIR, kind);
  return own === builtIn || !existsSync(own) ? [builtIn] : [own, builtIn];
}

const require = createRequire(import.meta.url);

/**
 * The folder and version of an installed npm package. Looked up along Node's
 * search paths rather than with require.resolve, since pagedjs and fontsource
 * do not export their package.json (nor the files we serve).
 */
export function packageDir(name: string): { dir: string; version: string } {
  for (const base of require.resolve.paths(name) ?? []) {
    const manifest = join(base, name, 'package.json');
    if (existsSync(manifest)) {
      return {
        dir: join(base, name),
        version: (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version,
      };
    }
  }
  throw new Error(`npm package ${name} is not installed: run npm ci`);
}
