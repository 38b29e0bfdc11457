import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exchangeFolders } from '../src/write/exchange-folders.js';
import { BIN, digest, edit, runCli, sampleProject } from './helpers.js';

/**
 * A build killed (SIGKILL: no clean-up runs) at each step of writing its
 * output, through the test-only kill points (YONGZU_TEST_STOP_AT, see
 * src/write/test-hooks.ts): OUT is the old output or the new one, never half
 * of either; the next build repairs what was left and leaves nothing behind.
 * Both ways of swapping are run: the atomic exchange (Linux, through perl)
 * and the two renames used where there is none.
 */

/** The steps of writing OUT, in order (`after-aside` exists only with two renames). */
const STEPS = ['first-file-written', 'before-swap', 'after-aside', 'after-swap', 'old-removed'];

const WAYS: [string, NodeJS.ProcessEnv][] = [
  ['atomic exchange', {}],
  ['two renames', { YONGZU_TEST_NO_EXCHANGE: '1' }],
];

/** What lies beside OUT that a build made: temporary and set-aside folders, the lock. */
function leftovers(root: string): string[] {
  return readdirSync(root).filter((n) => n.startsWith('.dist.') || n === 'dist.lock');
}

describe.each(WAYS)('OUT after a kill at each step (%s)', (way, env) => {
  const steps = way === 'atomic exchange' ? STEPS.filter((s) => s !== 'after-aside') : STEPS;
  it.each(steps)(
    'killed at %s: old or new, repaired by the next build',
    async (step) => {
      const root = sampleProject();
      const out = join(root, 'dist');
      expect((await runCli(['build', '--no-pdf', '--root', root], { env })).code).toBe(0);
      const old = digest(out);
      edit(root, 'issues/2009-18/04-qiyang.md', '坚持学习培训', '坚持系统学习培训');
      // The new output, as a build elsewhere makes it.
      expect((await runCli(['build', '--no-pdf', '--root', root, '--out', join(root, 'expected')], { env })).code).toBe(
        0,
      );
      const fresh = digest(join(root, 'expected'));
      rmSync(join(root, 'expected'), { recursive: true });
      expect(fresh).not.toBe(old);

      const killed = await runCli(['build', '--no-pdf', '--root', root], {
        env: { ...env, YONGZU_TEST_STOP_AT: step },
      });
      expect(killed.code).toBeNull(); // killed by its signal
      if (step === 'after-aside') {
        // The one window of two renames: OUT is set aside, the new one not yet in its place.
        expect(existsSync(out)).toBe(false);
      } else {
        expect([old, fresh]).toContain(digest(out));
      }
      // The next build puts a set-aside OUT back and removes the leftovers when it opens OUT (stopped just before its
      // own swap here, to see that).
      const next = await runCli(['build', '--no-pdf', '--root', root], {
        env: { ...env, YONGZU_TEST_STOP_AT: 'before-swap' },
      });
      expect(next.code).toBeNull();
      expect([old, fresh]).toContain(digest(out));
      if (step === 'after-aside') expect(digest(out)).toBe(old);
      // And a build that runs through leaves the new output and nothing beside it.
      const done = await runCli(['build', '--no-pdf', '--root', root], { env });
      expect(done.code).toBe(0);
      expect(digest(out)).toBe(fresh);
      expect(leftovers(root)).toEqual([]);
      // Nor in the cache: the killed runs' temporary files of the build record are gone.
      const builds = join(root, 'node_modules/.cache/yongzu/builds');
      expect(readdirSync(builds).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    },
    60_000,
  );
});

describe.runIf(process.platform === 'linux' && ['x64', 'arm64'].includes(process.arch))('the atomic exchange', () => {
  it('swaps two folders in one step on this machine', () => {
    const dir = join(tmpdir(), `yongzu-exchange-${process.pid}`);
    mkdirSync(join(dir, 'a'), { recursive: true });
    mkdirSync(join(dir, 'b'));
    writeFileSync(join(dir, 'a', 'from-a'), '');
    writeFileSync(join(dir, 'b', 'from-b'), '');
    expect(exchangeFolders(join(dir, 'a'), join(dir, 'b'))).toBe(true);
    expect(readdirSync(join(dir, 'a'))).toEqual(['from-b']);
    expect(readdirSync(join(dir, 'b'))).toEqual(['from-a']);
    expect(exchangeFolders(join(dir, 'a'), join(dir, 'missing'))).toBe(false);
    rmSync(dir, { recursive: true });
  });

  it('is what a build uses: it never sets OUT aside', async () => {
    const root = sampleProject();
    expect((await runCli(['build', '--no-pdf', '--root', root])).code).toBe(0);
    edit(root, 'issues/2009-18/04-qiyang.md', '坚持学习培训', '坚持系统学习培训');
    const run = await runCli(['build', '--no-pdf', '--root', root], { env: { YONGZU_TEST_STOP_AT: 'after-aside' } });
    expect(run.code).toBe(0);
  });
});

describe("OUT's mode", () => {
  it('keeps the mode OUT had; a new OUT gets 0755 under the usual umask', async () => {
    const root = sampleProject();
    const out = join(root, 'dist');
    const r = spawnSync(
      'sh',
      ['-c', `umask 022 && exec "${process.execPath}" "${BIN}" build --no-pdf --root "${root}"`],
      {
        encoding: 'utf8',
      },
    );
    expect(r.status).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o755);
    chmodSync(out, 0o750);
    edit(root, 'issues/2009-18/04-qiyang.md', '坚持学习培训', '坚持系统学习培训');
    expect((await runCli(['build', '--no-pdf', '--root', root])).code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o750);
    for (const way of WAYS) {
      edit(root, 'issues/2009-18/04-qiyang.md', /坚持(系统)?学习培训|atomic exchange/, way[0]);
      chmodSync(out, 0o711);
      expect((await runCli(['build', '--no-pdf', '--root', root], { env: way[1] })).code).toBe(0);
      expect(statSync(out).mode & 0o777).toBe(0o711);
    }
  }, 60_000);
});
