import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { BIN, edit, makeProject, sampleProject } from './helpers.js';

function run(args: string[], cwd?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs the CLI in-process, capturing what it prints. */
async function runInProcess(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(
    args,
    (t) => (stdout += t),
    (t) => (stderr += t),
  );
  return { code, stdout, stderr };
}

describe('yongzu check (real process)', () => {
  it('exits 0 on the sample, with warnings and a summary line', () => {
    const r = run(['check'], sampleProject());
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/issues\/2009-18\/01-jianghua\.md:8:\d+ {2}警告 {2}.+ {2}copy\/halfwidth-punctuation/);
    expect(r.stdout).toMatch(/0 个错误，\d+ 个警告/);
  });

  it('exits 1 with JSON diagnostics pointing at the offending value', () => {
    const root = sampleProject();
    edit(root, 'issues/2009-18/04-qiyang.md', 'county: 祁阳县', 'county: 永州县');
    const r = run(['check', '--root', root, '--format', 'json']);
    expect(r.code).toBe(1);
    const list = JSON.parse(r.stdout) as Record<string, unknown>[];
    const d = list.find((x) => x['rule'] === 'county/known');
    expect(d).toEqual({
      file: 'issues/2009-18/04-qiyang.md',
      line: 3,
      column: 9,
      severity: 'error',
      rule: 'county/known',
      message: expect.stringContaining('未知县区「永州县」'),
    });
    for (const x of list) {
      const keys = ['column', 'file', 'line', 'message', 'rule', 'severity'];
      expect(Object.keys(x).sort()).toEqual(x['fixable'] ? [...keys.slice(0, 2), 'fixable', ...keys.slice(2)] : keys);
    }
    // The copy warnings of the sample are all fixed by check --fix, and say so.
    expect(list.filter((x) => x['rule'] === 'copy/halfwidth-punctuation').every((x) => x['fixable'] === true)).toBe(
      true,
    );
  });

  it('text output groups by file in the ESLint style', () => {
    const root = sampleProject();
    edit(root, 'issues/2009-18/04-qiyang.md', 'county: 祁阳县', 'county: 永州县');
    const r = run(['check', '--root', root]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('issues/2009-18/04-qiyang.md:3:9  错误  未知县区「永州县」');
    expect(r.stdout).toMatch(/1 个错误/);
  });

  it('a missing issues/ folder is an error with exit 1 and no stack trace', () => {
    const r = run(['check', '--root', makeProject()]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('找不到 issues 文件夹');
    expect(r.stdout + r.stderr).not.toMatch(/\bat .+:\d+:\d+\)/);
  });
});

describe('argument errors', () => {
  it('an unknown option exits 1 with the usage, in Chinese', async () => {
    const r = await runInProcess(['check', '--frmat', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('参数有误');
    expect(r.stderr).toContain('用法');
  });

  it('an unknown command exits 1', async () => {
    expect((await runInProcess(['chek'])).code).toBe(1);
  });

  it('a bad --format exits 1', async () => {
    expect((await runInProcess(['check', '--format', 'xml'])).code).toBe(1);
  });
});

describe('yongzu build (real process)', () => {
  it('builds the sample, then refuses a broken copy and leaves the last good output untouched', () => {
    const root = sampleProject();
    const ok = run(['build', '--root', root, '--no-pdf']);
    expect(ok.code).toBe(0);
    const page = join(root, 'dist/2009/18/index.html');
    const before = readFileSync(page);
    edit(root, 'issues/2009-18/issue.yml', 'date: 2009-06-15', 'date: 2009-13-01');
    const bad = run(['build', '--root', root, '--no-pdf']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('issues/2009-18/issue.yml:5:7');
    expect(bad.stderr).toContain('上一次的输出保持不变');
    expect(readFileSync(page)).toEqual(before);
  });

  it('refuses while another build holds the lock of the output folder', () => {
    const root = sampleProject();
    const out = join(root, 'site');
    mkdirSync(root, { recursive: true });
    // A live process (this test runner) holds the lock.
    writeFileSync(`${out}.lock`, String(process.pid));
    const r = run(['build', '--root', root, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('build/locked');
  });
});
