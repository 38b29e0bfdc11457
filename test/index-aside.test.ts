import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/api.js';
import { BIN, digest, REPO } from './helpers.js';

const GENERATOR = join(REPO, '..', 'shared', 'bench', 'gen-corpus.mjs');

describe.runIf(existsSync(GENERATOR))('the search index built aside', () => {
  it('the compiled CLI (index on a worker thread) writes the same index, byte for byte, as the API from sources (index inline)', async () => {
    // 90 issues: over 500 write-ups, so the CLI builds the index on its worker thread.
    const root = mkdtempSync(join(tmpdir(), 'yongzu-index-'));
    execFileSync(process.execPath, [GENERATOR, join(root, 'issues'), '--issues', '90'], { stdio: 'ignore' });
    const cli = spawnSync(process.execPath, [BIN, 'build', '--no-pdf', '--root', root, '--out', join(root, 'by-cli')], { encoding: 'utf8' });
    expect(cli.status).toBe(0);
    const api = await build({ root, out: join(root, 'by-api'), pdf: false });
    expect(api.written).toBeDefined();
    const meta = JSON.parse(readFileSync(join(root, 'by-cli', 'search-index', 'meta.json'), 'utf8')) as { docs: number };
    expect(meta.docs).toBeGreaterThan(500);
    // The index only: assets/search-tokens.js is the tokenizer's source as compiled, which differs between tsc and vitest.
    expect(digest(join(root, 'by-cli', 'search-index'))).toBe(digest(join(root, 'by-api', 'search-index')));
  }, 120_000);
});
