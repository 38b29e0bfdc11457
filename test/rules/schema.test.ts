import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/api.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { edit, sampleProject, writeFile } from '../helpers.js';
import { describeFamily } from './run-examples.js';

describeFamily('schema');

const QIYANG = 'issues/2009-18/04-qiyang.md';
const META = 'issues/2009-18/issue.yml';
const byRule = (ds: Diagnostic[], rule: string) => ds.filter((d) => d.rule === rule);

async function checkEdited(path: string, from: string | RegExp, to: string) {
  const root = sampleProject();
  edit(root, path, from, to);
  return (await check({ root })).diagnostics;
}

describe('schema messages', () => {
  it('schema/required names the missing key', async () => {
    const [d] = byRule(await checkEdited(QIYANG, /title: .*\n/, ''), 'schema/required');
    expect(d).toMatchObject({ file: QIYANG, severity: 'error' });
    expect(d!.message).toContain('title');
  });

  it('schema/required on issue.yml is reported on issue.yml only', async () => {
    const ds = await checkEdited(META, /themes:\n.*\n/, '');
    expect(byRule(ds, 'schema/required').map((d) => d.file)).toEqual([META]);
  });

  it('schema/type says what was written, at the value', async () => {
    const [d] = byRule(await checkEdited(QIYANG, 'issue: 18', 'issue: 十八'), 'schema/type');
    expect(d).toMatchObject({ line: 2, column: 8 });
    expect(d!.message).toContain('十八');
  });

  it('schema/type: a date that is not on the calendar', async () => {
    const [d] = byRule(await checkEdited(META, 'date: 2009-06-15', 'date: 2009-02-30'), 'schema/type');
    expect(d).toMatchObject({ file: META, line: 5, column: 7 });
    expect(d!.message).toContain('日期');
  });

  it('schema/unknown-key suggests the key meant', async () => {
    const [d] = byRule(await checkEdited(QIYANG, 'title:', 'titel: x\ntitle:'), 'schema/unknown-key');
    expect(d).toMatchObject({ line: 5, column: 1, severity: 'warning' });
    expect(d!.message).toContain('「title」');
  });

  it('every schema message is in Chinese, at the value it is about', async () => {
    const root = sampleProject();
    writeFile(
      root,
      'yongzu.config.yml',
      [
        'pageBudget: 1.5',
        'copies: 0',
        'site: 网站',
        'distribution:',
        '  - 报: 市委',
        'counties:',
        '  - 江华县',
        '  - name: 测试县',
        '    slug: 7',
        '  - 5',
        '',
      ].join('\n'),
    );
    edit(root, META, 'themes:', 'copies: 2.5\ndistribution:\n  报: 5\n  送:\n    - 市委\n    - 6\nthemes:');
    edit(root, META, 'year: 2009', 'year: 2009.5');
    const ds = (await check({ root })).diagnostics.filter((d) => d.severity === 'error');
    const where = (file: string, line: number) => ds.filter((d) => d.file === file && d.line === line);
    for (const d of ds) {
      expect(d.message, d.rule).toMatch(/[\u4e00-\u9fff]/);
      expect(d.message, d.rule).not.toMatch(/Invalid|expected|received|undefined/);
    }
    // Each bad value is reported at its own line.
    for (const line of [1, 2, 3, 5, 9, 10])
      expect(where('yongzu.config.yml', line), `config line ${line}`).not.toEqual([]);
    const meta = readFileSync(join(root, META), 'utf8').split('\n');
    for (const value of ['year: 2009.5', 'copies: 2.5', '  报: 5', '    - 6']) {
      expect(where(META, meta.indexOf(value) + 1), value).not.toEqual([]);
    }
  });
});
