import { describe, expect, it } from 'vitest';
import { check } from '../../src/api.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { edit, sampleProject, writeFile } from '../helpers.js';
import { describeFamily } from './run-examples.js';

describeFamily('county');

const QIYANG = 'issues/2009-18/04-qiyang.md';
const errors = (ds: Diagnostic[]) => ds.filter((d) => d.severity === 'error');
const known = (ds: Diagnostic[]) => ds.filter((d) => d.rule === 'county/known');

describe('county/known', () => {
  it('lists the counties there are', async () => {
    const root = sampleProject();
    edit(root, QIYANG, 'county: 祁阳县', 'county: 永州县');
    const [d] = known((await check({ root })).diagnostics);
    expect(d).toMatchObject({ file: QIYANG, line: 3, column: 9, severity: 'error' });
    expect(d!.message).toContain('祁阳县');
  });

  it('suggests the county meant', async () => {
    const root = sampleProject();
    edit(root, QIYANG, 'county: 祁阳县', 'county: 祈阳县');
    expect(known((await check({ root })).diagnostics)[0]!.message).toContain('是不是「祁阳县」');
  });

  it('accepts aliases (江华瑶族自治县, 祁阳市)', async () => {
    const root = sampleProject();
    edit(root, 'issues/2009-18/01-jianghua.md', 'county: 江华县', 'county: 江华瑶族自治县');
    edit(root, QIYANG, 'county: 祁阳县', 'county: 祁阳市');
    expect(errors((await check({ root })).diagnostics)).toEqual([]);
  });

  it('knows the counties yongzu.config.yml adds, with their aliases', async () => {
    const root = sampleProject();
    edit(root, QIYANG, 'county: 祁阳县', 'county: 测试区');
    expect(known((await check({ root })).diagnostics)).toHaveLength(1);
    writeFile(
      root,
      'yongzu.config.yml',
      'counties:\n  - 江华县\n  - 双牌县\n  - 道县\n  - name: 测试县\n    aliases: [测试区]\n',
    );
    expect(errors((await check({ root })).diagnostics)).toEqual([]);
  });
});
