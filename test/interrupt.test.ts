import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/api.js';
import { BIN, digest, sampleProject } from './helpers.js';

describe('an interrupted build', () => {
  /**
   * Starts a build with PDFs whose temporary folder is `tmp`, and resolves once its Chromium is up (its profile folder
   * exists), so that a signal then arrives while it prints.
   */
  async function buildPrinting(root: string, tmp: string) {
    const child = spawn(process.execPath, [BIN, 'build', '--root', root], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TMPDIR: tmp },
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    const exit = new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    const profiles = () => readdirSync(tmp).filter((n) => n.startsWith('yongzu-chromium-'));
    const own = join(tmp, `yongzu-chromium-${child.pid}`);
    const printing = () => existsSync(own) && readdirSync(own).length > 0;
    for (let i = 0; i < 600 && !printing(); i++) await new Promise((r) => setTimeout(r, 50));
    expect(printing()).toBe(true);
    return { child, exit, stderr: () => stderr, profiles };
  }

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)(
    '%s while printing: the previous output byte for byte, exit %d, nothing left (browser profile included)',
    async (signal, code) => {
      const root = sampleProject();
      const out = join(root, 'dist');
      expect((await build({ root, pdf: false })).written).toBeDefined();
      const before = digest(out);
      const tmp = mkdtempSync(join(tmpdir(), 'yongzu-tmp-'));
      const run = await buildPrinting(root, tmp);
      run.child.kill(signal);
      expect(await run.exit).toBe(code);
      expect(run.stderr()).toContain(`已中断（${signal}）`);
      expect(digest(out)).toBe(before);
      expect(readdirSync(root).filter((n) => n.startsWith('.dist'))).toEqual([]);
      expect(existsSync(`${out}.lock`)).toBe(false);
      expect(readdirSync(tmp)).toEqual([]);
    },
    90_000,
  );

  it('a build killed outright leaves its browser profile; the next run that prints removes it', async () => {
    const root = sampleProject();
    const tmp = mkdtempSync(join(tmpdir(), 'yongzu-tmp-'));
    const run = await buildPrinting(root, tmp);
    run.child.kill('SIGKILL');
    await run.exit;
    const left = run.profiles();
    expect(left).toEqual([`yongzu-chromium-${run.child.pid}`]);
    // The next build prints (the PDF cache has nothing): its first launch removes the dead run's profiles.
    const next = await buildPrinting(root, tmp);
    expect(next.profiles()).not.toContain(left[0]);
    next.child.kill('SIGINT');
    expect(await next.exit).toBe(130);
    expect(readdirSync(tmp)).toEqual([]);
  }, 120_000);

  it('an output that cannot be written is a diagnostic, not a crash', async () => {
    const root = sampleProject();
    // The parent of OUT is a file: every write fails, as on a full or read-only disk.
    writeFileSync(join(root, 'blocker'), 'a file');
    const result = await build({ root, pdf: false, out: join(root, 'blocker/site') });
    expect(result.written).toBeUndefined();
    const d = result.diagnostics.find((x) => x.rule === 'build/write');
    expect(d?.message).toMatch(/ENOTDIR|EEXIST/);
    expect(d?.message).toContain('上一次的输出保持不变');
  });
});
