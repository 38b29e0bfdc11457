import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, REPO } from './helpers.js';

const GENERATOR = join(REPO, '..', 'shared', 'bench', 'gen-corpus.mjs');

function digest(dir: string): string {
  const h = createHash('sha256');
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else h.update(relative(dir, p)).update('\0').update(readFileSync(p));
    }
  };
  walk(dir);
  return h.digest('hex');
}

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
