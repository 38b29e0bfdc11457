// Generates a corpus with ../shared/bench/gen-corpus.mjs and hands out fresh output folders.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export const repo = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
export const outRoot = join(repo, 'bench', 'out');
const generator = join(repo, '..', 'shared', 'bench', 'gen-corpus.mjs');

/** Writes DIR/issues for `issues` issues under bench/out (regenerated each run). */
export function makeCorpus(issues) {
  if (!existsSync(generator)) throw new Error(`corpus generator not found: ${generator}`);
  const root = join(outRoot, `corpus-${issues}-${Date.now().toString(36)}`);
  mkdirSync(root, { recursive: true });
  execFileSync(process.execPath, [generator, join(root, 'issues'), '--issues', String(issues)], { stdio: 'ignore' });
  return root;
}

let counter = 0;
/** A folder name under bench/out that does not exist yet (never deleted on the timed path). */
export function freshDir(label) {
  return join(outRoot, 'runs', `${label}-${process.pid}-${++counter}`);
}

/** Moves old output aside now and deletes it in a detached background process. */
export function removeInBackground(dir) {
  if (!existsSync(dir)) return;
  const trash = `${dir}.trash-${Date.now()}`;
  renameSync(dir, trash);
  spawn('rm', ['-rf', trash], { detached: true, stdio: 'ignore' }).unref();
}

/** Clears yongzu's caches (node_modules/.cache/yongzu of the repo and of the corpus root). */
export function clearCaches(root) {
  for (const base of [repo, root]) rmSync(join(base, 'node_modules', '.cache', 'yongzu'), { recursive: true, force: true });
}
