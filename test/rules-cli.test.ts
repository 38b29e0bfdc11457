import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/rules/catalogue.js';
import { BIN } from './helpers.js';

/** Runs the compiled CLI (bin/yongzu.js, built by `npm run compile`). */
function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('yongzu rules (real process)', () => {
  it('lists every rule by family: id, severity, summary', () => {
    const r = run(['rules']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('文字规范（copy）');
    expect(r.stdout).toMatch(/\n {2}copy\/halfwidth-punctuation +警告 {2}中文里用了半角标点/);
    expect(r.stdout).toMatch(/\n {2}county\/known +错误 {2}县区名不在配置的县区表里/);
    for (const rule of RULES) expect(r.stdout).toContain(`  ${rule.id} `);
    expect(r.stdout).toContain(`共 ${RULES.length} 条规则`);
  });

  it('gives the catalogue as JSON with --format json', () => {
    const r = run(['rules', '--format', 'json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as { id: string; severity: string; kind: string; examples?: unknown }[];
    expect(list.map((x) => x.id)).toEqual(RULES.map((x) => x.id));
    const copy = list.find((x) => x.id === 'copy/halfwidth-punctuation')!;
    expect(copy).toMatchObject({ family: 'copy', kind: 'source', severity: 'warning', fixable: true });
    expect(copy.examples).toMatchObject({ fail: expect.any(Array), pass: expect.any(Array) });
    expect(list.find((x) => x.id === 'pdf/browser')).not.toHaveProperty('examples');
  });
});

describe('yongzu explain (real process)', () => {
  it('prints copy/halfwidth-punctuation in Chinese with its examples and how to fix', () => {
    const r = run(['explain', 'copy/halfwidth-punctuation']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = r.stdout;
    expect(out.split('\n')[0]).toBe('copy/halfwidth-punctuation  警告  文字规范');
    expect(out).toContain('中文行文用全角标点');
    expect(out).toMatch(/错误示例\n {2}1\. 加强和充实了全县3个工业园区的领导力量,江华经开区升格为副处级\n/);
    expect(out).toContain('报告位置：第 1 行第 20 列「,」');
    expect(out).toContain('改正后：加强和充实了全县3个工业园区的领导力量，江华经开区升格为副处级');
    expect(out).toMatch(/正确示例\n {2}1\. 加强和充实了全县3个工业园区的领导力量，江华经开区升格为副处级\n/);
    expect(out).toMatch(/改法\n {2}改为对应的全角标点.*yongzu check --fix/);
  });

  it('shows a project example as the files it changes, and where the diagnostic is', () => {
    const r = run(['explain', 'county/known']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'issues/2009-18/01-jianghua.md：\n       │ ---\n       │ issue: 18\n       │ county: 永州县',
    );
    expect(r.stdout).toContain('报告位置：issues/2009-18/01-jianghua.md 第 3 行第 9 列');
  });

  it('explains a rule about a run, without examples', () => {
    const r = run(['explain', 'pdf/browser']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('没有示例');
    expect(r.stdout).toContain('YONGZU_CHROMIUM');
  });

  it('exits 1 on an unknown rule, with a did-you-mean', () => {
    const renamed = run(['explain', 'issues/duplicate-number']);
    expect(renamed.code).toBe(1);
    expect(renamed.stdout).toBe('');
    expect(renamed.stderr).toContain('没有「issues/duplicate-number」这条规则。是不是「issue/duplicate-number」？');
    expect(run(['explain', 'halfwidth']).stderr).toContain('是不是「copy/halfwidth-punctuation」？');
    const none = run(['explain', 'foo/bar']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('用「yongzu rules」列出全部规则');
    expect(run(['explain']).code).toBe(1);
    expect(run(['explain', 'a', 'b']).code).toBe(1);
  });

  it('is in the usage text', () => {
    const r = run(['help']);
    expect(r.stdout).toContain('yongzu rules [--format text|json]');
    expect(r.stdout).toContain('yongzu explain 规则名');
  });
});
