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
import { removeDeadTemporaries, temporaryName } from '../write/dead-temporaries.js';
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
 * runs in node_modules/.cache/yongzu/check.json and their bodies beside it in
 * check-bodies.json, for `check` (which reads only the first) and `build`;
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

/** A folder's memo as written: its diagnostics packed over the file's shared tables, its bodies elsewhere. */
interface StoredFolder {
  sig: string;
  fileCount: number;
  value: IssueCheck['value'];
  rows: number[];
}

/** A folder's bodies as written in the bodies file, with the signature of the folder they were read from. */
interface StoredBodies {
  sig: string;
  bodies: string[];
}

/** How much of the memo's JSON is spelled before it is written out. */
const CHUNK_CHARS = 1 << 20;

/**
 * Writes a JSON object, `head` then one member per item, spelled a megabyte
 * at a time: the whole file is never one string (at 2,000 issues, 34 MB of
 * JSON and as much again as the buffer written, held through a build while
 * it rendered the site).
 */
async function writeObject<T>(
  path: string,
  head: string,
  items: readonly T[],
  member: (item: T) => string,
  tail: () => string,
): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const handle = await open(path, 'w');
  try {
    let chunk = head;
    for (const [i, item] of items.entries()) {
      chunk += `${i > 0 ? ',' : ''}${member(item)}`;
      if (chunk.length >= CHUNK_CHARS) {
        await handle.write(chunk);
        chunk = '';
      }
    }
    await handle.write(`${chunk}${tail()}`);
  } finally {
    await handle.close();
  }
}

/** Writes `path` through a temporary file; false when it could not. */
async function replaceFile(path: string, write: (tmp: string) => Promise<void>): Promise<boolean> {
  const tmp = temporaryName(path);
  try {
    await write(tmp);
    await rename(tmp, path);
    return true;
  } catch {
    await unlink(tmp).catch(() => undefined);
    return false;
  }
}

/** The file the folder checks of `root` are kept in (their bodies are in bodiesFile). */
export function memoFile(root: string): string {
  return join(cacheDir(root), 'check.json');
}

/**
 * The file the memoized submissions' bodies are kept in: read by build and
 * pdf; check reads it only when it saves (to keep the bodies of the folders
 * it did not read), never for a check with nothing new.
 */
export function bodiesFile(root: string): string {
  return join(cacheDir(root), 'check-bodies.json');
}

/** Reads a JSON file of the cache; undefined when there is none or it cannot be read. */
function readJson<T>(path: string): T | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/** A folder's memoized value with these bodies given back to its submissions. */
function withBodies(value: IssueCheck['value'], bodies: readonly string[]): IssueCheck['value'] {
  if (!value) return value;
  return { ...value, submissions: value.submissions.map((s, i) => ({ ...s, body: bodies[i] ?? '' })) };
}

export interface MemoStoreOptions {
  /** Read and write the folder checks on disk (check, build); otherwise in memory only (dev). */
  persist: boolean;
  /**
   * The memoized submissions' bodies are needed (build and pdf merge them).
   * Without them (check), the bodies file, two thirds of the store, is read
   * only to save, and memoized submissions have empty bodies: check reads
   * nothing of a body it did not load itself.
   */
  bodies: boolean;
  /** Keep rendered pages between rebuilds (dev). */
  pages?: boolean;
}

/**
 * Opens the memo store of a project for a configuration. A persistent store
 * is two files: check.json (each folder's check, its bodies left out) and
 * check-bodies.json (the bodies, by folder and signature). A folder's memo
 * holds only when both agree on its signature (a store written half, by a
 * run stopped between the two, costs only re-checks).
 */
export function openMemoStore(root: string, config: Config, options: MemoStoreOptions): MemoStore {
  const file = memoFile(root);
  const entries = new Map<string, FolderMemo>();
  /** Folders whose memo came from disk without its bodies (a store opened for check). */
  const bodiless = new Set<string>();
  let stored: Record<string, StoredFolder> = {};
  let storedBodies: Record<string, StoredBodies> | undefined;
  let tables: DiagnosticTables = { files: [], rules: [], messages: [] };
  const key = options.persist ? storeKey(config) : '';
  const readBodies = () => {
    if (!storedBodies) {
      const saved = readJson<{ key: string; folders: Record<string, StoredBodies> }>(bodiesFile(root));
      // Bodies written under another configuration or by another yongzu (which may read them otherwise) are not used.
      storedBodies = saved?.key === key && saved.folders ? saved.folders : {};
    }
    return storedBodies;
  };
  if (options.persist) {
    const saved = readJson<{ key: string; tables: DiagnosticTables; entries: Record<string, StoredFolder> }>(file);
    if (saved?.key === key && saved.tables) ({ entries: stored, tables } = saved);
    if (options.bodies) readBodies();
  }
  /** A stored folder's bodies, if the bodies file has them for its signature. */
  const bodiesOf = (folder: string, s: StoredFolder): string[] | undefined => {
    const b = readBodies()[folder];
    const count = s.value?.submissions.length ?? 0;
    return b && b.sig === s.sig && b.bodies.length === count ? b.bodies : undefined;
  };
  const entry = (folder: string): FolderMemo | undefined => {
    let e = entries.get(folder);
    const s = stored[folder];
    if (!e && s) {
      const bodies = options.bodies ? bodiesOf(folder, s) : [];
      if (!bodies) return undefined;
      e = {
        sig: s.sig,
        fileCount: s.fileCount,
        check: { value: withBodies(s.value, bodies), diagnostics: unpackDiagnostics(s.rows, tables) },
      };
      entries.set(folder, e);
      if (!options.bodies) bodiless.add(folder);
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
      bodiless.delete(folder);
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
      const kept: [string, FolderMemo, string[]][] = [];
      for (const folder of folders) {
        const e = entry(folder);
        if (!e) continue;
        // A memo read without its bodies keeps the bodies file's, or is dropped (checked again next time).
        const bodies = bodiless.has(folder)
          ? stored[folder] && bodiesOf(folder, stored[folder])
          : (e.check.value?.submissions.map((s) => s.body) ?? []);
        if (bodies) kept.push([folder, e, bodies]);
      }
      return writeStore(root, key, kept);
    },
  };
}

/**
 * Writes both files of a store: the bodies first, so that check.json never
 * names a signature whose bodies were not written (a run stopped between the
 * two leaves new bodies under old checks: their signatures differ, so those
 * folders are only checked again). Never rejects: the memo is an optimisation.
 */
async function writeStore(root: string, key: string, kept: readonly [string, FolderMemo, string[]][]): Promise<void> {
  removeDeadTemporaries(cacheDir(root));
  const bodiesWritten = await replaceFile(bodiesFile(root), (tmp) =>
    writeObject(
      tmp,
      `{"key":${JSON.stringify(key)},"folders":{`,
      kept,
      ([folder, e, bodies]) => `${JSON.stringify(folder)}:${JSON.stringify({ sig: e.sig, bodies })}`,
      () => '}}',
    ),
  );
  if (!bodiesWritten) return;
  const packer = createDiagnosticPacker();
  await replaceFile(memoFile(root), (tmp) =>
    writeObject(
      tmp,
      `{"key":${JSON.stringify(key)},"entries":{`,
      kept,
      ([folder, e]) => {
        const value = e.check.value && {
          ...e.check.value,
          submissions: e.check.value.submissions.map(({ body: _, ...rest }) => rest),
        };
        const stored = { sig: e.sig, fileCount: e.fileCount, value, rows: packer.pack(e.check.diagnostics) };
        return `${JSON.stringify(folder)}:${JSON.stringify(stored)}`;
      },
      () => `},"tables":${JSON.stringify(packer.tables())}}`,
    ),
  );
}
