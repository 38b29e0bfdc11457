import { spawn } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/api.js';
import { BIN, digest, sampleProject } from './helpers.js';

describe('an interrupted build', () => {
  it('Ctrl-C midway leaves the previous output byte for byte, no temp folders, no lock', async () => {
    const root = sampleProject();
    const out = join(root, 'dist');
    expect((await build({ root, pdf: false })).written).toBeDefined();
    const before = digest(out);
    // With PDFs and no cache this build takes seconds: interrupt it while it renders.
    const child = spawn(process.execPath, [BIN, 'build', '--root', root], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    await new Promise((r) => setTimeout(r, 1500));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    expect(code).toBe(130);
    expect(stderr).toContain('已中断');
    expect(digest(out)).toBe(before);
    expect(readdirSync(root).filter((n) => n.startsWith('.dist'))).toEqual([]);
    expect(existsSync(`${out}.lock`)).toBe(false);
  }, 60_000);

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
