import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { build } from '../src/api.js';
import * as tokens from '../src/search/tokens.js';
import { BIN, digest, REPO } from './helpers.js';

const GENERATOR = join(REPO, 'bench', 'gen-corpus.mjs');

describe('the search index built aside', () => {
  it('the compiled CLI (index on a worker thread) writes the same index, byte for byte, as the API from sources (index inline), and a tokenizer that cuts alike', async () => {
    // 90 issues: over 500 write-ups, so the CLI builds the index on its worker thread.
    const root = mkdtempSync(join(tmpdir(), 'yongzu-index-'));
    execFileSync(process.execPath, [GENERATOR, join(root, 'issues'), '--issues', '90'], { stdio: 'ignore' });
    const cli = spawnSync(process.execPath, [BIN, 'build', '--no-pdf', '--root', root, '--out', join(root, 'by-cli')], {
      encoding: 'utf8',
    });
    expect(cli.status).toBe(0);
    const api = await build({ root, out: join(root, 'by-api'), pdf: false });
    expect(api.written).toBeDefined();
    const manifest = readFileSync(join(root, 'by-cli', 'search-index', 'manifest.js'), 'utf8');
    expect(Number(/"docs":(\d+)/.exec(manifest)![1])).toBeGreaterThan(500);
    // The index only: assets/search-tokens.js is the tokenizer's source as compiled, which differs between tsc and vitest.
    expect(digest(join(root, 'by-cli', 'search-index'))).toBe(digest(join(root, 'by-api', 'search-index')));
    // The tokenizer the CLI (bundled, scripts/bundle.mjs) ships to browsers cuts queries as the index was cut.
    const context: Record<string, unknown> = {};
    context['self'] = context;
    vm.runInNewContext(readFileSync(join(root, 'by-cli', 'assets', 'search-tokens.js'), 'utf8'), context);
    const shipped = context['YongzuSearchTokens'] as typeof tokens;
    for (const query of ['人才强县', 'ＡＢ１２ 干部', '😀𠀀Σ', '一', '“道县 人才”']) {
      expect(JSON.stringify(shipped.parseQuery(query))).toBe(JSON.stringify(tokens.parseQuery(query)));
      expect(shipped.isSearchable(query)).toBe(tokens.isSearchable(query));
      expect(shipped.normalizeSearchText(query)).toBe(tokens.normalizeSearchText(query));
      expect(shipped.gramShard(query, 4096)).toBe(tokens.gramShard(query, 4096));
    }
  }, 120_000);
});
