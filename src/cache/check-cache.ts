import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { IssueCheck } from '../check/check-project.js';
import type { Config } from '../config/defaults.js';
import { CODE_DIR } from '../render/search-paths.js';
import { createDiagnosticPacker, unpackDiagnostics, type DiagnosticTables } from '../diagnostics/pack-diagnostics.js';

/** One folder's check, as cached: the result and how many files it read. */
export interface CachedFolder {
  sig: string;
  check: IssueCheck;
  fileCount: number;
}

/**
 * The results of checking each issue folder, kept across runs under
 * node_modules/.cache/yongzu/check.json. A folder is checked again when any
 * of its files' names, sizes or modification times changed; everything is
 * checked again when the configuration or yongzu's own code changed.
 */
export interface CheckCache {
  get(folder: string, sig: string): CachedFolder | undefined;
  set(folder: string, entry: CachedFolder): void;
  /**
   * Writes the cache if anything changed, keeping only the given folders. The
   * data is taken now and the file written in the background (the build goes
   * on rendering meanwhile); the promise settles when it is on disk, and never rejects.
   */
  save(folders: readonly string[]): Promise<void>;
}

/**
 * A folder's signature, and the names of the files directly in it (as readdir's entries say: symbolic links are not
 * files).
 */
export interface FolderListing {
  sig: string;
  files: string[];
}

/**
 * Names, sizes, modification times and inodes of everything in a folder, its
 * subfolders included: its signature. The build's input fingerprint is made
 * of these (build-manifest.ts), so one stat pass serves both, and the folder's
 * files are read (load-project.ts) without listing it again.
 */
export function folderListing(root: string, folder: string): FolderListing {
  const files: string[] = [];
  const signature = (dir: string, top: boolean): string =>
    readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((entry) => {
        const n = entry.name;
        if (top && entry.isFile()) files.push(n);
        // Nanosecond times: two saves within one millisecond still differ.
        const s = statSync(join(dir, n), { bigint: true, throwIfNoEntry: false });
        if (!s) return n;
        return s.isDirectory() ? `${n}/[${signature(join(dir, n), false)}]` : `${n}:${s.size}:${s.mtimeNs}:${s.ino}`;
      })
      .join('|');
  try {
    return { sig: signature(join(root, 'issues', folder), true), files };
  } catch {
    return { sig: '', files: [] };
  }
}

/** A folder's signature alone (folderListing). */
export function folderSignature(root: string, folder: string): string {
  return folderListing(root, folder).sig;
}

/** What invalidates every entry: the configuration and the compiled code of yongzu. */
function cacheKey(config: Config): string {
  const h = createHash('sha1').update(JSON.stringify(config));
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name.endsWith('.js')) h.update(`${p}:${statSync(p).mtimeMs}`);
    }
  };
  try {
    walk(CODE_DIR);
  } catch {
    h.update('no-lib');
  }
  return h.digest('hex');
}

/** A folder's entry as written: its diagnostics packed over the file's shared tables. */
interface StoredFolder {
  sig: string;
  fileCount: number;
  value: IssueCheck['value'];
  rows: number[];
}

/** Opens the check cache of a project for a configuration. */
export function openCheckCache(root: string, config: Config): CheckCache {
  const file = join(root, 'node_modules', '.cache', 'yongzu', 'check.json');
  const key = cacheKey(config);
  const entries = new Map<string, CachedFolder>();
  let stored: Record<string, StoredFolder> = {};
  let tables: DiagnosticTables = { files: [], rules: [], messages: [] };
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as {
      key: string;
      tables: DiagnosticTables;
      entries: Record<string, StoredFolder>;
    };
    if (saved.key === key && saved.tables) ({ entries: stored, tables } = saved);
  } catch {
    // no cache yet
  }
  const entry = (folder: string): CachedFolder | undefined => {
    let e = entries.get(folder);
    const s = stored[folder];
    if (!e && s) {
      e = {
        sig: s.sig,
        fileCount: s.fileCount,
        check: { value: s.value, diagnostics: unpackDiagnostics(s.rows, tables) },
      };
      entries.set(folder, e);
    }
    return e;
  };
  let dirty = false;
  return {
    get(folder, sig) {
      const e = entry(folder);
      return e && e.sig === sig ? e : undefined;
    },
    set(folder, e) {
      entries.set(folder, e);
      dirty = true;
    },
    save(folders) {
      const keep = new Set(folders);
      if (Object.keys(stored).some((f) => !keep.has(f)) || [...entries.keys()].some((f) => !keep.has(f))) dirty = true;
      if (!dirty) return Promise.resolve();
      const packer = createDiagnosticPacker();
      const out: Record<string, StoredFolder> = {};
      for (const folder of folders) {
        const e = entry(folder);
        if (e)
          out[folder] = {
            sig: e.sig,
            fileCount: e.fileCount,
            value: e.check.value,
            rows: packer.pack(e.check.diagnostics),
          };
      }
      const json = JSON.stringify({ key, tables: packer.tables(), entries: out });
      const tmp = `${file}.${process.pid}.tmp`;
      return mkdir(dirname(file), { recursive: true })
        .then(() => writeFile(tmp, json))
        .then(() => rename(tmp, file))
        .catch(() => unlink(tmp).catch(() => undefined)); // the cache is an optimisation
    },
  };
}
