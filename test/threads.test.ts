import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, digest, REPO } from './helpers.js';

const GENERATOR = join(REPO, '..', 'shared', 'bench', 'gen-corpus.mjs');

describe.runIf(existsSync(GENERATOR))('worker threads on a large archive', () => {
  it('give the same diagnostics and the same site, byte for byte, as one thread', () => {
    const root = mkdtempSync(join(tmpdir(), 'yongzu-threads-'));
    execFileSync(process.execPath, [GENERATOR, join(root, 'issues'), '--issues', '60'], { stdio: 'ignore' });
    const run = (threads: string, out: string) =>
      spawnSync(process.execPath, [BIN, 'build', '--no-pdf', '--format', 'json', '--root', root, '--out', join(root, out)], {
        encoding: 'utf8',
        env: { ...process.env, YONGZU_THREADS: threads },
        maxBuffer: 1 << 28,
      });
    const one = run('1', 'one');
    const two = run('2', 'two');
    expect(one.status).toBe(0);
    expect(two.status).toBe(0);
    expect(JSON.parse(two.stdout)).toEqual(JSON.parse(one.stdout));
    expect(digest(join(root, 'two'))).toBe(digest(join(root, 'one')));
  }, 120_000);
});
