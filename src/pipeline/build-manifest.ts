import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE } from '../paths.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { createDiagnosticPacker, unpackDiagnostics, type DiagnosticTables } from '../diagnostics/pack-diagnostics.js';
import { CODE_DIR, cacheDir, searchPaths } from '../paths.js';
import { type FolderListing, folderListing } from '../load/folder-listing.js';

/**
 * The record of the last successful build of an output folder: what its
 * inputs and its files looked like, and what the build reported. When both
 * still look the same, the next build has nothing to do.
 */
export interface BuildManifest<R> {
  inputs: string;
  outputs: string;
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
 * templates and styles (the project's and the built-in ones), the
 * configuration, yongzu's own compiled code, and the options. Names, sizes and
 * modification times, as make and git's index do: a stat per file, no reads.
 */
export function inputFingerprint(root: string, options: string): InputFingerprint {
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
      const p = join(dir, name);
      const s = statSync(p, { bigint: true, throwIfNoEntry: false });
      if (!s) continue;
      if (s.isDirectory()) tree(p);
      else h.update(`${p}:${s.size}:${s.mtimeNs}:${s.ino}\0`);
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
    const s = statSync(join(issues, name), { bigint: true, throwIfNoEntry: false });
    if (!s) continue;
    if (!s.isDirectory()) {
      h.update(`${name}:${s.size}:${s.mtimeNs}:${s.ino}\0`);
      continue;
    }
    const listing = folderListing(root, name);
    folders.set(name, listing);
    h.update(`${name}/[${listing.sig}]\0`);
  }
  for (const dir of [...searchPaths(root, 'templates'), ...searchPaths(root, 'styles'), CODE_DIR]) tree(dir);
  const config = statSync(join(root, CONFIG_FILE), { throwIfNoEntry: false });
  h.update(`config:${config?.size}:${config?.mtimeMs}`);
  return { value: h.digest('hex'), folders };
}

/** A fingerprint of the files of an output folder; '' when it does not exist. */
export function outputFingerprint(out: string): string {
  const h = createHash('sha1');
  let any = false;
  const tree = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, entry.name);
      if (entry.isDirectory()) tree(p);
      else {
        const s = statSync(p, { bigint: true });
        h.update(`${p}:${s.size}:${s.mtimeNs}:${s.ino}\0`);
        any = true;
      }
    }
  };
  try {
    tree(out);
  } catch {
    return '';
  }
  return any ? h.digest('hex') : '';
}

/** Diagnostics as written in the manifest (see pack-diagnostics.ts). */
interface PackedDiagnostics extends DiagnosticTables {
  rows: number[];
}

function unpack(p: PackedDiagnostics): Diagnostic[] {
  return unpackDiagnostics(p.rows, p);
}

/** Reads a manifest; undefined when there is none or it cannot be read. */
export function readManifest<R extends { diagnostics: Diagnostic[] }>(path: string): BuildManifest<R> | undefined {
  try {
    const raw = JSON.parse(readFileSync(path, 'utf8')) as BuildManifest<Omit<R, 'diagnostics'>> & {
      diagnostics: PackedDiagnostics;
    };
    return {
      inputs: raw.inputs,
      outputs: raw.outputs,
      result: { ...raw.result, diagnostics: unpack(raw.diagnostics) } as unknown as R,
    };
  } catch {
    return undefined;
  }
}

/** How many diagnostics are packed and written at a time. */
const ROWS_AT_ONCE = 16_384;

/**
 * Writes a manifest (temporary file, then rename); a failure only costs the
 * next build its shortcut. The diagnostics are packed and written a slice at
 * a time, their tables last: at 2,000 issues, 327,000 warnings made a JSON
 * array of two million numbers, its string and its buffer, all at once.
 */
export function writeManifest<R extends { diagnostics: Diagnostic[] }>(path: string, manifest: BuildManifest<R>): void {
  const tmp = `${path}.${process.pid}.tmp`;
  let fd: number | undefined;
  try {
    mkdirSync(join(path, '..'), { recursive: true });
    fd = openSync(tmp, 'w');
    const { diagnostics, ...result } = manifest.result;
    const head = { inputs: manifest.inputs, outputs: manifest.outputs, result };
    writeSync(fd, `${JSON.stringify(head).slice(0, -1)},"diagnostics":{"rows":[`);
    const packer = createDiagnosticPacker();
    for (let i = 0; i < diagnostics.length; i += ROWS_AT_ONCE) {
      const rows = packer.pack(diagnostics.slice(i, i + ROWS_AT_ONCE));
      writeSync(fd, `${i > 0 ? ',' : ''}${rows.join(',')}`);
    }
    writeSync(fd, `],${JSON.stringify(packer.tables()).slice(1)}}`);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
  } catch {
    // the cache is an optimisation
    if (fd !== undefined) closeSync(fd);
  }
}
