import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../src/api.js';
import { sortDiagnostics, type Diagnostic } from '../src/diagnostics/diagnostic.js';
import { BIN, REPO } from './helpers.js';

const GENERATOR = join(REPO, 'bench', 'gen-corpus.mjs');

describe('the copy rules run aside', () => {
  it('the compiled CLI (copy rules on a worker thread) reports exactly what the API from sources (inline) reports', async () => {
    // 110 issues: over 100 folders, so the CLI runs the copy rules on its worker thread.
    const root = mkdtempSync(join(tmpdir(), 'yongzu-copy-'));
    execFileSync(process.execPath, [GENERATOR, join(root, 'issues'), '--issues', '110'], { stdio: 'ignore' });
    const cli = spawnSync(process.execPath, [BIN, 'check', '--format', 'json', '--root', root], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    expect(cli.status).toBe(0);
    const byCli = JSON.parse(cli.stdout) as Diagnostic[];
    // No check cache shared between the two.
    rmSync(join(root, 'node_modules'), { recursive: true, force: true });
    const byApi = sortDiagnostics((await check({ root })).diagnostics);
    expect(byApi.filter((d) => d.rule.startsWith('copy/')).length).toBeGreaterThan(1000);
    // Whether check --fix fixes a warning survives the worker thread and the check cache.
    expect(byCli.filter((d) => d.fixable).length).toBeGreaterThan(1000);
    expect(byCli).toEqual(
      byApi.map(({ file, line, column, severity, rule, message, fixable }) => ({
        file,
        line,
        column,
        severity,
        rule,
        message,
        ...(fixable ? { fixable } : {}),
      })),
    );
  }, 120_000);
});
