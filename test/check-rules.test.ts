import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { check } from '../src/api.js';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';
import { edit, makeProject, readSample, sampleProject, writeFile } from './helpers.js';

const errors = (ds: Diagnostic[]) => ds.filter((d) => d.severity === 'error');
const byRule = (ds: Diagnostic[], rule: string) => ds.filter((d) => d.rule === rule);
const QIYANG = 'issues/2009-18/04-qiyang.md';
const META = 'issues/2009-18/issue.yml';

async function checkEdited(path: string, from: string | RegExp, to: string) {
  const root = sampleProject();
  edit(root, path, from, to);
  return (await check({ root })).diagnostics;
}

describe('the sample issue', () => {
  it('has no errors (the passing example of every structural rule)', async () => {
    const { diagnostics, issues } = await check({ root: sampleProject() });
    expect(errors(diagnostics)).toEqual([]);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.submissions.map((s) => s.county.name)).toEqual(['江华县', '双牌县', '道县', '祁阳县']);
  });
});

describe('front-matter', () => {
  it('front-matter/missing: a file without the --- fence', async () => {
    const root = sampleProject();
    writeFile(root, QIYANG, readSample('04-qiyang.md').split('---').slice(2).join('---'));
    const [d] = byRule((await check({ root })).diagnostics, 'front-matter/missing');
    expect(d).toMatchObject({ file: QIYANG, line: 1, column: 1, severity: 'error' });
  });

  it('front-matter/unclosed: no closing fence', async () => {
    const root = sampleProject();
    writeFile(root, QIYANG, readSample('04-qiyang.md').replace(/\n---\n\n/, '\n\n'));
    expect(byRule((await check({ root })).diagnostics, 'front-matter/unclosed')).toHaveLength(1);
  });

  it('front-matter/fullwidth-colon names the colon at its column', async () => {
    const ds = await checkEdited(QIYANG, 'county: 祁阳县', 'county：祁阳县');
    const [d] = byRule(ds, 'front-matter/fullwidth-colon');
    expect(d).toMatchObject({ line: 3, column: 7, severity: 'error' });
    expect(d!.message).toContain('全角冒号');
    expect(byRule(ds, 'front-matter/yaml')).toEqual([]);
  });

  it('front-matter/yaml points at the line of a YAML error', async () => {
    const ds = await checkEdited(QIYANG, 'title: 祁阳县', 'title: "祁阳县');
    const [d] = byRule(ds, 'front-matter/yaml');
    expect(d?.line).toBeGreaterThanOrEqual(5);
    expect(d?.line).toBeLessThanOrEqual(6);
  });

  it('front-matter/yaml: a key written twice', async () => {
    const ds = await checkEdited(QIYANG, 'county: 祁阳县\n', 'county: 祁阳县\ncounty: 道县\n');
    expect(byRule(ds, 'front-matter/yaml')[0]).toMatchObject({ line: 4, severity: 'error' });
  });

  it('front-matter/alias-limit refuses a YAML alias bomb', async () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++)
      bomb.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    const ds = await checkEdited(QIYANG, 'issue: 18\n', `issue: 18\n${bomb.join('\n')}\n`);
    expect(byRule(ds, 'front-matter/alias-limit')).toHaveLength(1);
  });
});

describe('schema', () => {
  it('schema/required: a missing title', async () => {
    const ds = await checkEdited(QIYANG, /title: .*\n/, '');
    const [d] = byRule(ds, 'schema/required');
    expect(d).toMatchObject({ file: QIYANG, severity: 'error' });
    expect(d!.message).toContain('title');
  });

  it('schema/type: issue written in words, placed at the value', async () => {
    const [d] = byRule(await checkEdited(QIYANG, 'issue: 18', 'issue: 十八'), 'schema/type');
    expect(d).toMatchObject({ line: 2, column: 8 });
    expect(d!.message).toContain('十八');
  });

  it('schema/type: a date that is not on the calendar', async () => {
    const [d] = byRule(await checkEdited(META, 'date: 2009-06-15', 'date: 2009-02-30'), 'schema/type');
    expect(d).toMatchObject({ file: META, line: 5, column: 7 });
    expect(d!.message).toContain('日期');
  });

  it('schema/unknown-key warns with a suggestion', async () => {
    const [d] = byRule(await checkEdited(QIYANG, 'title:', 'titel: x\ntitle:'), 'schema/unknown-key');
    expect(d).toMatchObject({ line: 5, column: 1, severity: 'warning' });
    expect(d!.message).toContain('「title」');
  });

  it('schema/required on issue.yml: themes missing', async () => {
    const ds = await checkEdited(META, /themes:\n.*\n/, '');
    expect(byRule(ds, 'schema/required').map((d) => d.file)).toEqual([META]);
  });
});

describe('cross-checks', () => {
  it("issue/match: last issue's number left in the template", async () => {
    const [d] = byRule(await checkEdited(QIYANG, 'issue: 18', 'issue: 17'), 'issue/match');
    expect(d).toMatchObject({ file: QIYANG, line: 2, column: 8, severity: 'error' });
    expect(d!.message).toContain('18');
  });

  it('county/known: an unknown county, with the list', async () => {
    const [d] = byRule(await checkEdited(QIYANG, 'county: 祁阳县', 'county: 永州县'), 'county/known');
    expect(d).toMatchObject({ file: QIYANG, line: 3, column: 9, severity: 'error' });
    expect(d!.message).toContain('祁阳县');
  });

  it('county/known: a misspelt county gets a did-you-mean', async () => {
    const [d] = byRule(await checkEdited(QIYANG, 'county: 祁阳县', 'county: 祈阳县'), 'county/known');
    expect(d!.message).toContain('是不是「祁阳县」');
  });

  it('county/known accepts aliases (江华瑶族自治县, 祁阳市)', async () => {
    const root = sampleProject();
    edit(root, 'issues/2009-18/01-jianghua.md', 'county: 江华县', 'county: 江华瑶族自治县');
    edit(root, QIYANG, 'county: 祁阳县', 'county: 祁阳市');
    expect(errors((await check({ root })).diagnostics)).toEqual([]);
  });

  it('county/duplicate: a county twice in one issue', async () => {
    const [d] = byRule(await checkEdited(QIYANG, 'county: 祁阳县', 'county: 道县'), 'county/duplicate');
    expect(d).toMatchObject({ file: QIYANG, line: 3, column: 9 });
  });

  it('theme/declared: a theme typed slightly differently', async () => {
    const [d] = byRule(
      await checkEdited(
        QIYANG,
        'theme: 各县区创新组织工作服务新型工业化发展',
        'theme: 各县区创新组织工作服务新型工业化',
      ),
      'theme/declared',
    );
    expect(d).toMatchObject({ file: QIYANG, line: 4, column: 8 });
    expect(d!.message).toContain('是不是「各县区创新组织工作服务新型工业化发展」');
  });

  it('theme/unused: a declared theme with no submission', async () => {
    const [d] = byRule(await checkEdited(META, /(themes:\n.*\n)/, '$1  - 基层党建\n'), 'theme/unused');
    expect(d).toMatchObject({ file: META, line: 8, column: 5 });
  });

  it('title/final-period', async () => {
    const [d] = byRule(await checkEdited(QIYANG, /(title: .*)\n/, '$1。\n'), 'title/final-period');
    expect(d).toMatchObject({ line: 5, severity: 'warning' });
  });

  it('body/empty', async () => {
    const root = sampleProject();
    writeFile(root, QIYANG, readSample('04-qiyang.md').split('---').slice(0, 2).join('---') + '---\n\n   \n');
    expect(byRule((await check({ root })).diagnostics, 'body/empty')).toHaveLength(1);
  });

  it('content/raw-html: HTML in a body is reported where it is', async () => {
    const [d] = byRule(
      await checkEdited(QIYANG, '坚持学习', '<span onclick="x()">坚持</span>学习'),
      'content/raw-html',
    );
    expect(d).toMatchObject({ line: 8, column: 1, severity: 'warning' });
  });
});

describe('the issues folder', () => {
  it('issues/duplicate-number and issues/duplicate-total', async () => {
    const root = sampleProject();
    cpSync(join(root, 'issues/2009-18'), join(root, 'issues/2009-18-copy'), { recursive: true });
    const ds = (await check({ root })).diagnostics;
    expect(byRule(ds, 'issues/duplicate-number')[0]).toMatchObject({ file: 'issues/2009-18-copy/issue.yml', line: 3 });
    expect(byRule(ds, 'issues/duplicate-total')[0]).toMatchObject({ file: 'issues/2009-18-copy/issue.yml', line: 4 });
  });

  it('folder/no-issue-yml: submissions in a folder without issue.yml are reported', async () => {
    const root = sampleProject();
    writeFile(root, 'issues/2009-19/01-x.md', readSample('01-jianghua.md'));
    const [d] = byRule((await check({ root })).diagnostics, 'folder/no-issue-yml');
    expect(d).toMatchObject({ file: 'issues/2009-19/01-x.md', severity: 'error' });
  });

  it('project/no-issues-dir', async () => {
    const [d] = (await check({ root: makeProject() })).diagnostics;
    expect(d).toMatchObject({ rule: 'project/no-issues-dir', severity: 'error' });
  });

  it('files starting with _ or . are ignored', async () => {
    const root = sampleProject();
    writeFile(root, 'issues/2009-18/_draft.md', 'anything');
    writeFile(root, 'issues/2009-18/.04-qiyang.md.swp', 'x');
    expect(errors((await check({ root })).diagnostics)).toEqual([]);
  });
});

describe('encoding', () => {
  it('UTF-8 with BOM and CRLF line ends are accepted silently, positions unchanged', async () => {
    const root = sampleProject();
    const text = readSample('04-qiyang.md').replace('county: 祁阳县', 'county: 永州县').replace(/\n/g, '\r\n');
    writeFileSync(join(root, QIYANG), `\uFEFF${text}`);
    const ds = (await check({ root })).diagnostics;
    expect(byRule(ds, 'encoding/not-utf8')).toEqual([]);
    expect(byRule(ds, 'county/known')[0]).toMatchObject({ line: 3, column: 9 });
  });

  it('GB18030 is transcoded with a warning that names it, and read correctly', async () => {
    const root = sampleProject();
    writeFileSync(join(root, QIYANG), iconv.encode(readSample('04-qiyang.md'), 'gb18030'));
    const { diagnostics, issues } = await check({ root });
    expect(byRule(diagnostics, 'encoding/not-utf8')[0]!.message).toContain('GB18030');
    expect(errors(diagnostics)).toEqual([]);
    expect(issues[0]!.submissions[3]!.title).toBe('祁阳县注重企业培训提升班子发展能力');
  });

  it('a binary file is rejected cleanly', async () => {
    const root = sampleProject();
    writeFileSync(join(root, QIYANG), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x08, 0, 0xff, 0xfe, 0x00]));
    const [d] = byRule((await check({ root })).diagnostics, 'encoding/undecodable');
    expect(d).toMatchObject({ file: QIYANG, severity: 'error' });
  });
});

describe('configuration', () => {
  it('yongzu.config.yml adds a county with aliases', async () => {
    const root = sampleProject();
    edit(root, QIYANG, 'county: 祁阳县', 'county: 测试区');
    expect(byRule((await check({ root })).diagnostics, 'county/known')).toHaveLength(1);
    writeFile(
      root,
      'yongzu.config.yml',
      'counties:\n  - 江华县\n  - 双牌县\n  - 道县\n  - name: 测试县\n    aliases: [测试区]\n',
    );
    expect(errors((await check({ root })).diagnostics)).toEqual([]);
  });

  it('a bad configuration is reported at its line', async () => {
    const root = sampleProject();
    writeFile(root, 'yongzu.config.yml', 'bulletin: 永组信息\npageBudget: 四页\n');
    const [d] = errors((await check({ root })).diagnostics);
    expect(d).toMatchObject({ file: 'yongzu.config.yml', line: 2, column: 13 });
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
    const ds = errors((await check({ root })).diagnostics);
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

it('removing a whole issue folder leaves the others checkable', async () => {
  const root = sampleProject();
  rmSync(join(root, 'issues/2009-18/issue.yml'));
  const ds = (await check({ root })).diagnostics;
  expect(byRule(ds, 'folder/no-issue-yml')).toHaveLength(1);
});

describe('page budget in check', () => {
  it('pdf/page-budget: warns from the page count the last PDF build recorded', async () => {
    const root = sampleProject();
    expect((await check({ root })).diagnostics.some((d) => d.rule === 'pdf/page-budget')).toBe(false);
    writeFile(
      root,
      'node_modules/.cache/yongzu/pages.json',
      JSON.stringify({ '2009-18': { pages: 6, at: '2026-11-27T00:00:00Z' } }),
    );
    const [d] = byRule((await check({ root })).diagnostics, 'pdf/page-budget');
    expect(d).toMatchObject({ file: META, line: 1, severity: 'warning' });
    expect(d!.message).toContain('超出页数预算（4 页）2 页');
    writeFile(root, 'yongzu.config.yml', 'pageBudget: 6\n');
    expect(byRule((await check({ root })).diagnostics, 'pdf/page-budget')).toEqual([]);
  });
});

describe('the check cache', () => {
  it('gives back, from the cache, exactly the diagnostics and issues of a fresh check', async () => {
    const root = sampleProject();
    edit(root, QIYANG, 'county: 祁阳县', 'county: 永州县');
    const fresh = await check({ root });
    expect(existsSync(join(root, 'node_modules', '.cache', 'yongzu', 'check.json'))).toBe(true);
    const cached = await check({ root });
    expect(cached.diagnostics.length).toBeGreaterThan(50);
    expect(cached.diagnostics).toEqual(fresh.diagnostics);
    expect(cached.issues).toEqual(fresh.issues);
  });

  it('an edit of the same size right after a check is seen by the next check', async () => {
    const root = sampleProject();
    expect(errors((await check({ root })).diagnostics)).toEqual([]);
    edit(root, QIYANG, 'county: 祁阳县', 'county: 永州县');
    const [d] = byRule((await check({ root })).diagnostics, 'county/known');
    expect(d).toMatchObject({ file: QIYANG, line: 3, column: 9 });
    edit(root, QIYANG, 'county: 永州县', 'county: 祁阳县');
    expect(errors((await check({ root })).diagnostics)).toEqual([]);
  });

  it('a configuration change checks everything again', async () => {
    const root = sampleProject();
    await check({ root });
    writeFile(root, 'yongzu.config.yml', 'counties:\n  - 江华县\n  - 双牌县\n  - 道县\n');
    expect(byRule((await check({ root })).diagnostics, 'county/known').map((d) => d.file)).toEqual([QIYANG]);
  });
});
