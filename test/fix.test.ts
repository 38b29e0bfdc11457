import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, fix } from '../src/api.js';
import { readSample, sampleProject, writeFile } from './helpers.js';

const NAMES = ['01-jianghua.md', '02-shuangpai.md', '03-daoxian.md', '04-qiyang.md'];

/** What the house style expects of the sample's text, line by line. */
function expected(text: string): string {
  return text
    .split('\n')
    .map((line, i) =>
      i < 6
        ? line
        : line
            .replace(/,/g, '，')
            .replace(/;/g, '；')
            .replace(/:/g, '：')
            .replace(/60-120元/g, '60～120元')
            .replace(/”、“/g, '”“'),
    )
    .join('\n');
}

describe('check --fix on a copy of the sample', () => {
  it('fixes every safe copy problem, line by line, and keeps the originals', async () => {
    const root = sampleProject();
    const { fixed, after } = await fix({ root });
    expect(fixed.map((f) => f.file)).toEqual(NAMES.map((n) => `issues/2009-18/${n}`));
    for (const name of NAMES) {
      const original = readSample(name);
      const now = readFileSync(join(root, 'issues/2009-18', name), 'utf8');
      const want = expected(original).split('\n');
      const got = now.split('\n');
      expect(got.length).toBe(want.length);
      for (const [i, line] of got.entries()) expect(line, `${name}:${i + 1}`).toBe(want[i]);
      const f = fixed.find((x) => x.file.endsWith(name))!;
      expect(readFileSync(f.backup, 'utf8')).toBe(original);
    }
    expect(after.diagnostics).toEqual([]);
    expect(readdirSync(join(root, 'issues/2009-18')).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('prints each change with its place and the text before and after', async () => {
    const root = sampleProject();
    const { fixed } = await fix({ root });
    const first = fixed[0]!.changes[0]!;
    expect(first).toMatchObject({ rule: 'copy/halfwidth-punctuation', line: 8, column: 50 });
    expect(first.before).toContain('力量,江华');
    expect(first.after).toContain('力量，江华');
  });

  it('never touches keys, numbers, county or theme, and keeps CRLF and BOM', async () => {
    const root = sampleProject();
    const text =
      '---\nissue: 18\ncounty: 祁阳县\ntheme: 各县区创新组织工作服务新型工业化发展\ntitle: 祁阳县注重企业培训,提升班子发展能力\n---\n\n共 35 名干部,奖励１０００元...\n';
    writeFile(root, 'issues/2009-18/04-qiyang.md', `\uFEFF${text.replace(/\n/g, '\r\n')}`);
    await fix({ root });
    const raw = readFileSync(join(root, 'issues/2009-18/04-qiyang.md'), 'utf8');
    expect(raw.startsWith('\uFEFF---\r\nissue: 18\r\ncounty: 祁阳县\r\n')).toBe(true);
    expect(raw).toContain('title: 祁阳县注重企业培训，提升班子发展能力\r\n');
    expect(raw).toContain('共35名干部，奖励1000元……\r\n');
  });

  it('leaves files whose front-matter is broken alone', async () => {
    const root = sampleProject();
    const broken = readSample('04-qiyang.md').replace('county: 祁阳县', 'county：祁阳县');
    writeFile(root, 'issues/2009-18/04-qiyang.md', broken);
    await fix({ root });
    expect(readFileSync(join(root, 'issues/2009-18/04-qiyang.md'), 'utf8')).toBe(broken);
    expect((await check({ root })).diagnostics.some((d) => d.rule === 'front-matter/fullwidth-colon')).toBe(true);
  });
});
