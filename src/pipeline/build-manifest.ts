import { createHash } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE } from '../paths.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { createDiagnosticPacker, unpackDiagnostics, type DiagnosticTables } from '../diagnostics/pack-diagnostics.js';
import { CODE_DIR, cacheDir, searchPaths } from '../paths.js';
import { type FolderListing, folderListing } from '../load/folder-listing.js';
import { removeDeadTemporaries, temporaryName } from '../write/dead-temporaries.js';

/**
 * The record of the last successful build of an output folder: what its
 * inputs and its files looked like, and what the build reported. When both
 * still look the same, the next build has nothing to do.
 */
export interface BuildManifest<R> {
  inputs: string;
  outputs: OutputRecord;
  result: R;
}

/** Where the manifest of the builds of `out` lives (beside the PDF cache). */
export function manifestPath(root: string, out: string): string {
  const id = createHash('sha1').update(out).digest('hex').slice(0, 16);
  return join(cacheDir(root), 'builds', `${id}.json`);
}

/** What a build reads, as names, sizes and times. */
export interface InputFingerprint {
  value: string;
  /**
   * The signature and files of each folder under issues/, taken for the fingerprint and reused by the check cache and
   * the loader.
   */
  folders: Map<string, FolderListing>;
}

/**
 * A fingerprint of everything a build reads: every file under issues/, the
 * templates, styles and site assets (the project's and the built-in ones),
 * the configuration, yongzu's own compiled code, the options, and the
 * caller's `extraDirs` (the project's fonts when the build prints). Names, sizes and
 * modification times, as make and git's index do: a stat per file, no reads.
 */
export function inputFingerprint(root: string, options: string, extraDirs: readonly string[] = []): InputFingerprint {
  const h = createHash('sha1').update(options).update('\0');
  const folders = new Map<string, FolderListing>();
  const tree = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      h.update(`${dir}:missing\0`);
      return;
    }
    for (const name of names) {
      const p = `${dir}/${name}`;
      const s = statSync(p, { throwIfNoEntry: false });
      if (!s) continue;
      if (s.isDirectory()) tree(p);
      else h.update(`${p}:${s.size}:${s.mtimeMs}:${s.ino}\0`);
    }
  };
  const issues = join(root, 'issues');
  let names: string[] = [];
  try {
    names = readdirSync(issues).sort();
  } catch {
    h.update('issues:missing\0');
  }
  for (const name of names) {
    const s = statSync(join(issues, name), { throwIfNoEntry: false });
    if (!s) continue;
    if (!s.isDirectory()) {
      h.update(`${name}:${s.size}:${s.mtimeMs}:${s.ino}\0`);
      continue;
    }
    const listing = folderListing(root, name);
    folders.set(name, listing);
    h.update(`${name}/[${listing.sig}]\0`);
  }
  const dirs = [...searchPaths(root, 'templates'), ...searchPaths(root, 'styles'), ...searchPaths(root, 'assets')];
  for (const dir of [...dirs, CODE_DIR, ...extraDirs]) tree(dir);
  const config = statSync(join(root, CONFIG_FILE), { throwIfNoEntry: false });
  h.update(`config:${config?.size}:${config?.mtimeMs}`);
  return { value: h.digest('hex'), folders };
}

/**
 * What the no-change test looks at in OUT, recorded after each build: every
 * folder (a file added, removed or renamed anywhere, as an editor's save by
 * rename does, changes its folder's time) and every file outside the search
 * index, by size, time and inode. The index's 5,000 small files are covered
 * by their folders only: a stat each would cost the no-change build more
 * than all of the rest (files there are data for the site's script, not
 * pages anyone edits).
 */
export interface OutputRecord {
  dirs: string[];
  files: string[];
  sig: string;
}

/** Records OUT after a build (see OutputRecord); files under `skip/` are left to their folders. */
export function recordOutput(out: string, skip: string): OutputRecord {
  const dirs: string[] = [];
  const files: string[] = [];
  const walk = (rel: string) => {
    dirs.push(rel);
    for (const entry of readdirSync(join(out, rel), { withFileTypes: true })) {
      const p = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(p);
      // Files directly in `skip/` (the index's manifest) are recorded; those in its subfolders are left to them.
      else if (!p.startsWith(`${skip}/`) || !p.slice(skip.length + 1).includes('/')) files.push(p);
    }
  };
  try {
    walk('');
  } catch {
    return { dirs: [], files: [], sig: '' };
  }
  return { dirs, files, sig: outputSignature(out, dirs, files) };
}

/** The signature of the recorded folders and files of OUT as they are now; '' when one is missing. */
export function outputSignature(out: string, dirs: readonly string[], files: readonly string[]): string {
  const h = createHash('sha1');
  try {
    for (const list of [dirs, files]) {
      for (const p of list) {
        const s = statSync(join(out, p), { throwIfNoEntry: false });
        if (!s) return '';
        h.update(`${p}:${s.size}:${s.mtimeMs}:${s.ino}\0`);
      }
    }
  } catch {
    // A folder become a file (ENOTDIR), one that cannot be read: not as recorded.
    return '';
  }
  return h.digest('hex');
}

/** True when OUT still looks as the record says. */
export function outputUnchanged(out: string, record: OutputRecord): boolean {
  return record.sig !== '' && outputSignature(out, record.dirs, record.files) === record.sig;
}

/** Diagnostics as written in the manifest (see pack-diagnostics.ts). */
interface PackedDiagnostics extends DiagnosticTables {
  rows: number[];
}

/**
 * The record of the last successful build of an output folder (see
 * BuildManifest); its diagnostics, which may be many thousands, are read
 * only when asked for.
 */
export interface ReadManifest<R> {
  inputs: string;
  outputs: OutputRecord;
  result: Omit<R, 'diagnostics'>;
  diagnostics: () => Diagnostic[];
}

/**
 * Reads a manifest: its first line now (everything but the diagnostics), its
 * second, the diagnostics, only when they are asked for, from the bytes read
 * now (a manifest replaced or removed meanwhile by another build does not
 * matter: decoding and unpacking were the cost, not reading). Undefined when
 * there is none or it cannot be read.
 */
export function readManifest<R extends { diagnostics: Diagnostic[] }>(path: string): ReadManifest<R> | undefined {
  try {
    const bytes = readFileSync(path);
    const end = bytes.indexOf(10);
    if (end < 0) return undefined;
    const raw = JSON.parse(bytes.subarray(0, end).toString('utf8')) as BuildManifest<Omit<R, 'diagnostics'>>;
    if (!raw.outputs || !Array.isArray(raw.outputs.dirs) || !Array.isArray(raw.outputs.files)) return undefined;
    const diagnostics = () => {
      const packed = JSON.parse(bytes.subarray(end + 1).toString('utf8')) as PackedDiagnostics;
      return unpackDiagnostics(packed.rows, packed);
    };
    // The second line is whole (a manifest is renamed into place once written), checked now all the same.
    if (bytes.length < end + 3 || bytes[bytes.length - 1] !== 10 || bytes[bytes.length - 2] !== 0x7d) return undefined;
    return { inputs: raw.inputs, outputs: raw.outputs, result: raw.result, diagnostics };
  } catch {
    return undefined;
  }
}

/** How many diagnostics are packed and written at a time. */
const ROWS_AT_ONCE = 16_384;

/**
 * Packs a build's diagnostics and writes them, as the manifest's second
 * line, into a temporary file beside the manifest: done while the search
 * index is still being written, so that only the first line is left for the
 * end of the build. Packed and written a slice at a time, their tables last
 * (at 2,000 issues, 327,000 warnings made a JSON array of two million
 * numbers, its string and its buffer, all at once). The temporary file's
 * path; undefined when it could not be written (the next build then has no
 * shortcut).
 */
export function writeManifestDiagnostics(path: string, diagnostics: readonly Diagnostic[]): string | undefined {
  const tmp = temporaryName(path, 'diagnostics');
  let fd: number | undefined;
  try {
    mkdirSync(join(path, '..'), { recursive: true });
    removeDeadTemporaries(join(path, '..'));
    fd = openSync(tmp, 'w');
    writeSync(fd, '{"rows":[');
    const packer = createDiagnosticPacker();
    for (let i = 0; i < diagnostics.length; i += ROWS_AT_ONCE) {
      const rows = packer.pack(diagnostics.slice(i, i + ROWS_AT_ONCE));
      writeSync(fd, `${i > 0 ? ',' : ''}${rows.join(',')}`);
    }
    writeSync(fd, `],${JSON.stringify(packer.tables()).slice(1)}\n`);
    closeSync(fd);
    return tmp;
  } catch {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    return undefined;
  }
}

/**
 * Writes a manifest (temporary file, then rename): a first line with
 * everything but the diagnostics, then the diagnostics line written before
 * by writeManifestDiagnostics, whose temporary file it removes. A failure
 * only costs the next build its shortcut.
 */
export function writeManifest<R>(path: string, manifest: BuildManifest<R>, diagnosticsFile: string | undefined): void {
  if (diagnosticsFile === undefined) return;
  const tmp = temporaryName(path);
  let fd: number | undefined;
  let from: number | undefined;
  try {
    fd = openSync(tmp, 'w');
    writeSync(fd, `${JSON.stringify(manifest)}\n`);
    // The diagnostics line copied a megabyte at a time (it is tens of megabytes at 2,000 issues).
    from = openSync(diagnosticsFile, 'r');
    const chunk = Buffer.alloc(COPY_CHUNK);
    for (let n = readSync(from, chunk); n > 0; n = readSync(from, chunk)) writeSync(fd, chunk, 0, n);
    closeSync(from);
    from = undefined;
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
  } catch {
    // the cache is an optimisation
    if (from !== undefined) closeSync(from);
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
  } finally {
    rmSync(diagnosticsFile, { force: true });
  }
}

/** How much of the diagnostics line is copied at a time. */
const COPY_CHUNK = 1 << 20;
