// Generates a corpus with bench/gen-corpus.mjs and hands out fresh output folders.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export const repo = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
export const outRoot = join(repo, 'bench', 'out');
const generator = join(repo, 'bench', 'gen-corpus.mjs');

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

/**
 * Deletes what earlier benchmark runs left under bench/out (their corpora and
 * outputs), then lets the disk settle: on this machine's disk, deleting
 * thousands of files slows file creation for seconds after, which would be
 * timed with the next builds. Setup, never on a timed path.
 */
export async function clearOldOutput(settleMs = 3000) {
  if (!existsSync(outRoot)) return;
  const entries = readdirSync(outRoot);
  if (entries.length === 0) return;
  for (const entry of entries) rmSync(join(outRoot, entry), { recursive: true, force: true });
  await new Promise((done) => setTimeout(done, settleMs));
}

/** Clears yongzu's caches (node_modules/.cache/yongzu of the repo and of the corpus root). */
export function clearCaches(root) {
  for (const base of [repo, root])
    rmSync(join(base, 'node_modules', '.cache', 'yongzu'), { recursive: true, force: true });
}
