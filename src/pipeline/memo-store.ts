import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { IssueCheck } from '../check/check-project.js';
import { createDiagnosticPacker, type DiagnosticTables, unpackDiagnostics } from '../diagnostics/pack-diagnostics.js';
import type { CheckedIssue } from '../model/checked-issue.js';
import type { Config } from '../model/config.js';
import type { IssueModel } from '../model/issue-model.js';
import { CODE_DIR, cacheDir } from '../paths.js';
import type { RenderedSections } from '../render/markdown.js';
import type { PageCache } from '../site/page-context.js';

/** One folder's check, memoized: the result, how many files it read, and the folder's signature then. */
export interface FolderMemo {
  sig: string;
  check: IssueCheck;
  fileCount: number;
}

/**
 * What the pipeline remembers so that it does not do the same work twice: the
 * check of each issue folder (by the folder's signature: names, sizes and
 * modification times of its files), each section's HTML (by its text), each
 * merged issue (by its checked issue) and, in `yongzu dev`, each page (by
 * what it is made of). One store per configuration: a new configuration
 * means a new store. The folder checks of a persistent store are kept across
 * runs in node_modules/.cache/yongzu/check.json, for `check` and `build`;
 * `dev` keeps everything in memory while it runs.
 */
export interface MemoStore {
  /** A folder's memo if its signature is `sig`; with no `sig`, whatever is remembered (dev trusts its watcher). */
  folder(folder: string, sig?: string): FolderMemo | undefined;
  remember(folder: string, memo: FolderMemo): void;
  /** Rendered sections, by body and run-in title. */
  readonly sections: RenderedSections;
  /** Merged issues, by the checked issue they were merged from. */
  readonly merged: WeakMap<CheckedIssue, IssueModel>;
  /** Rendered pages kept between rebuilds, by what they are made of (dev only). */
  readonly pages: PageCache | undefined;
  /**
   * Writes the folder checks if anything changed, keeping only the given
   * folders (a persistent store; otherwise nothing). The data is taken now and
   * the file written in the background; the promise settles when it is on
   * disk, and never rejects.
   */
  save(folders: readonly string[]): Promise<void>;
}

/** What invalidates every folder memo: the configuration and the compiled code of yongzu. */
function storeKey(config: Config): string {
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

/** A folder's memo as written: its diagnostics packed over the file's shared tables. */
interface StoredFolder {
  sig: string;
  fileCount: number;
  value: IssueCheck['value'];
  rows: number[];
}

/** How much of the memo's JSON is spelled before it is written out. */
const CHUNK_CHARS = 1 << 20;

/**
 * Writes the memo file as JSON, folder by folder, each folder's diagnostics
 * packed over tables written last: the whole file is never one string (at
 * 2,000 issues, 34 MB of JSON and as much again as the buffer written, held
 * through a build while it rendered the site).
 */
async function writeMemoFile(path: string, key: string, kept: readonly [string, FolderMemo][]): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const handle = await open(path, 'w');
  try {
    const packer = createDiagnosticPacker();
    let chunk = `{"key":${JSON.stringify(key)},"entries":{`;
    for (const [i, [folder, e]] of kept.entries()) {
      const stored: StoredFolder = {
        sig: e.sig,
        fileCount: e.fileCount,
        value: e.check.value,
        rows: packer.pack(e.check.diagnostics),
      };
      chunk += `${i > 0 ? ',' : ''}${JSON.stringify(folder)}:${JSON.stringify(stored)}`;
      if (chunk.length >= CHUNK_CHARS) {
        await handle.write(chunk);
        chunk = '';
      }
    }
    await handle.write(`${chunk}},"tables":${JSON.stringify(packer.tables())}}`);
  } finally {
    await handle.close();
  }
}

/** The file the folder checks of `root` are kept in. */
export function memoFile(root: string): string {
  return join(cacheDir(root), 'check.json');
}

/** Opens the memo store of a project for a configuration: `persist` reads and writes its folder checks on disk. */
export function openMemoStore(root: string, config: Config, options: { persist: boolean; pages?: boolean }): MemoStore {
  const file = memoFile(root);
  const entries = new Map<string, FolderMemo>();
  let stored: Record<string, StoredFolder> = {};
  let tables: DiagnosticTables = { files: [], rules: [], messages: [] };
  const key = options.persist ? storeKey(config) : '';
  if (options.persist) {
    try {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as {
        key: string;
        tables: DiagnosticTables;
        entries: Record<string, StoredFolder>;
      };
      if (saved.key === key && saved.tables) ({ entries: stored, tables } = saved);
    } catch {
      // nothing kept yet
    }
  }
  const entry = (folder: string): FolderMemo | undefined => {
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
    folder(folder, sig) {
      const e = entry(folder);
      return e && (sig === undefined || e.sig === sig) ? e : undefined;
    },
    remember(folder, e) {
      entries.set(folder, e);
      dirty = true;
    },
    sections: new Map(),
    merged: new WeakMap(),
    pages: options.pages ? new Map() : undefined,
    save(folders) {
      if (!options.persist) return Promise.resolve();
      const keep = new Set(folders);
      if (Object.keys(stored).some((f) => !keep.has(f)) || [...entries.keys()].some((f) => !keep.has(f))) dirty = true;
      if (!dirty) return Promise.resolve();
      // Taken now (the entries themselves are not changed after they are remembered); written piece by piece.
      const kept: [string, FolderMemo][] = [];
      for (const folder of folders) {
        const e = entry(folder);
        if (e) kept.push([folder, e]);
      }
      const tmp = `${file}.${process.pid}.tmp`;
      return writeMemoFile(tmp, key, kept)
        .then(() => rename(tmp, file))
        .catch(() => unlink(tmp).catch(() => undefined)); // the memo is an optimisation
    },
  };
}
