import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { chmod, mkdtemp, open, readFile, rename, rm, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { OutputFile } from '../model/output-file.js';
import { exchangeFolders } from './exchange-folders.js';
import { onInterrupt } from './interrupt.js';
import { OUTPUT_MARKER, OUTPUT_MARKER_TEXT } from './output-guard.js';
import { stopHereInTests } from './test-hooks.js';
import { safeOutputPath } from './write-files.js';
import { mkdirs } from './write-source.js';
import { isAlive } from '../util/process-alive.js';

/** Another build holds the lock of this output folder. */
export class OutputLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly pid: number,
  ) {
    super(`output locked by process ${pid}`);
  }
}

/**
 * The lock another live build holds on `out`, if any, without taking it: lets
 * a build refuse before its slow work (printing PDFs) rather than after.
 */
export async function findLiveLock(out: string): Promise<OutputLockedError | undefined> {
  const lockFile = `${out}.lock`;
  const pid = Number((await readFile(lockFile, 'utf8').catch(() => '')).trim());
  return pid > 0 && pid !== process.pid && isAlive(pid) ? new OutputLockedError(lockFile, pid) : undefined;
}

/** Takes `<out>.lock`; a lock left by a dead process is taken over. Returns its release. */
export async function acquireLock(out: string): Promise<() => Promise<void>> {
  const lockFile = `${out}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockFile, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => unlink(lockFile).catch(() => undefined);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number((await readFile(lockFile, 'utf8').catch(() => '')).trim());
      if (pid > 0 && isAlive(pid) && pid !== process.pid) throw new OutputLockedError(lockFile, pid);
      await unlink(lockFile).catch(() => undefined);
    }
  }
  throw new OutputLockedError(lockFile, 0);
}

/**
 * The output folder being written: files go into a fresh folder beside OUT as
 * they are made (so a build never holds the whole site in memory), and the
 * folder is swapped in for OUT only when complete. On any failure, or Ctrl-C,
 * the previous OUT is untouched and the temporary folder removed.
 */
export interface OutputFolder {
  /** The temporary folder the files go into until commit. */
  readonly dir: string;
  /** Writes one file (synchronously: see writeFilesInto). */
  write(file: OutputFile): void;
  /** How many files were written by write(). */
  readonly count: number;
  /** Swaps the folder in for OUT; the previous OUT is removed. */
  commit(): Promise<void>;
  /** Removes the temporary folder and frees the lock; OUT stays as it was. */
  abort(): Promise<void>;
}

/** The names of the temporary and the set-aside folders of a build of `out`, beside it. */
const tmpPrefix = (out: string) => `.${basename(out)}.tmp-`;
const oldPrefix = (out: string) => `.${basename(out)}.old-`;

/** What recoverOutputFolder() found and did. */
export interface Recovery {
  /** The set-aside previous OUT that was put back because OUT was missing. */
  restored?: string;
  /** Leftover folders removed. */
  removed: string[];
}

/**
 * Repairs what a build killed midway left beside OUT (the caller holds OUT's
 * lock, so no live build is using them): when OUT is missing and a previous
 * OUT was set aside (a kill between the two renames of a swap without
 * exchange), the newest one is put back; every other temporary or set-aside
 * folder of OUT is removed.
 */
export function recoverOutputFolder(out: string): Recovery {
  const parent = dirname(out);
  let names: string[];
  try {
    names = readdirSync(parent).filter((n) => n.startsWith(tmpPrefix(out)) || n.startsWith(oldPrefix(out)));
  } catch {
    return { removed: [] };
  }
  const recovery: Recovery = { removed: [] };
  if (!lstatSync(out, { throwIfNoEntry: false })) {
    const newest = names
      .filter((n) => n.startsWith(oldPrefix(out)))
      .map((n) => ({ n, at: statSync(join(parent, n), { throwIfNoEntry: false })?.mtimeMs ?? 0 }))
      .sort((a, b) => b.at - a.at)[0];
    if (newest) {
      renameSync(join(parent, newest.n), out);
      recovery.restored = join(parent, newest.n);
      names = names.filter((n) => n !== newest.n);
    }
  }
  for (const n of names) {
    rmSync(join(parent, n), { recursive: true, force: true });
    recovery.removed.push(join(parent, n));
  }
  return recovery;
}

/** The mode a new OUT gets: what the umask leaves of 0777, as mkdir would make it (mkdtemp makes 0700). */
function folderMode(out: string): number {
  const existing = statSync(out, { throwIfNoEntry: false });
  if (existing?.isDirectory()) return existing.mode & 0o7777;
  return 0o777 & ~process.umask();
}

/** Takes OUT's lock and opens a temporary folder beside it, with OUT's mode. */
export async function openOutputFolder(out: string): Promise<OutputFolder> {
  const parent = dirname(out);
  await mkdirs(parent);
  const release = await acquireLock(out);
  let tmp: string;
  try {
    recoverOutputFolder(out);
    tmp = await mkdtemp(join(parent, `${tmpPrefix(out)}${process.pid}-`));
    await chmod(tmp, folderMode(out));
  } catch (e) {
    await release();
    throw e;
  }
  let old: string | undefined;
  let count = 0;
  const dirs = new Set<string>();
  // On Ctrl-C: put the previous output back if it was moved aside, drop the temporary folder, free the lock.
  const unregister = onInterrupt(() => {
    if (old && existsSync(old)) {
      if (existsSync(out)) rmSync(old, { recursive: true, force: true });
      else renameSync(old, out);
    }
    rmSync(tmp, { recursive: true, force: true });
    unlinkSync(`${out}.lock`);
  });
  let ended = false;
  const end = async (removeTmp: boolean) => {
    if (ended) return;
    ended = true;
    unregister();
    if (removeTmp) await rm(tmp, { recursive: true, force: true });
    await release();
  };
  return {
    dir: tmp,
    get count() {
      return count;
    },
    write(file) {
      const target = safeOutputPath(tmp, file.path);
      const d = dirname(target);
      if (!dirs.has(d)) {
        mkdirSync(d, { recursive: true });
        dirs.add(d);
      }
      writeFileSync(target, file.content);
      if (count++ === 0) stopHereInTests('first-file-written');
    },
    async commit() {
      let exchanged = false;
      try {
        writeFileSync(join(tmp, OUTPUT_MARKER), OUTPUT_MARKER_TEXT);
        stopHereInTests('before-swap');
        // One step where the system allows it: OUT is old or new at every instant; tmp then holds the old output.
        exchanged = existsSync(out) && exchangeFolders(tmp, out);
        if (!exchanged) {
          // Two renames: a kill between them leaves OUT missing until the next run puts the old one back.
          old = join(parent, `${oldPrefix(out)}${process.pid}-${Date.now()}`);
          try {
            await rename(out, old);
          } catch (e) {
            if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
            old = undefined;
          }
          if (old) stopHereInTests('after-aside');
          try {
            await rename(tmp, out);
          } catch (e) {
            if (old) await rename(old, out);
            old = undefined;
            throw e;
          }
        }
        stopHereInTests('after-swap');
      } catch (e) {
        await end(true);
        throw e;
      }
      // The previous output (in tmp after an exchange, else set aside) is removed, then the lock freed.
      if (exchanged) await rm(tmp, { recursive: true, force: true });
      if (old) await rm(old, { recursive: true, force: true });
      stopHereInTests('old-removed');
      await end(false);
    },
    abort: () => end(true),
  };
}
