import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { check, importDocument, newIssue, newSubmission } from '../src/api.js';
import { main, type Prompt } from '../src/cli.js';
import { isoDate } from '../src/new/next-numbers.js';
import { BIN, makeProject, sampleProject } from './helpers.js';

const THIS_YEAR = new Date().getFullYear();

/** Runs the CLI in-process with scripted answers to its questions (null: no terminal to ask on). */
async function cli(args: string[], answers: string[] | null = null) {
  let stdout = '';
  let stderr = '';
  const asked: string[] = [];
  const prompt: Prompt | null = answers && {
    ask: async (q) => {
      asked.push(q);
      return answers.shift();
    },
    close: () => {},
  };
  const code = await main(
    args,
    (t) => (stdout += t),
    (t) => (stderr += t),
    prompt,
  );
  return { code, stdout, stderr, asked };
}

const folders = (root: string) => readdirSync(join(root, 'issues')).sort();

describe('new issue: which year, and what it made', () => {
  it('in a 2009 archive, never silently this year: without --date a script gets an error and nothing is made', async () => {
    const root = sampleProject();
    const r = await cli(['new', 'issue', '--root', root]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('最新一期 issues/2009-18 是2009年第18期（总第476期），日期 2009-06-15，不是今年的');
    expect(r.stderr).toContain('--date 2009-MM-DD');
    expect(r.stderr).toContain('--this-year');
    expect(r.stderr).toContain('new/which-year');
    expect(folders(root)).toEqual(['2009-18']);
  });

  it('takes the year from --date and says the folder, 第N期（总第M期） and the date', async () => {
    const root = sampleProject();
    const r = await cli(['new', 'issue', '--root', root, '--date', '2009-07-01', '--theme', '基层党建']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      '已创建 issues/2009-19/issue.yml\n新的一期：2009年第19期（总第477期），文件夹 issues/2009-19，日期 2009-07-01。\n',
    );
  });

  it('with --this-year, starts this year at 第1期, total continuing, dated today', async () => {
    const root = sampleProject();
    const r = await cli(['new', 'issue', '--root', root, '--this-year']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`已创建 issues/${THIS_YEAR}-01/issue.yml\n`);
    expect(r.stdout).toContain(`新的一期：${THIS_YEAR}年第1期（总第477期），文件夹 issues/${THIS_YEAR}-01，`);
    expect(r.stdout).toContain(`日期 ${isoDate(new Date())}（今天的日期；要改就改 issue.yml 的 date）`);
    expect((await cli(['new', 'issue', '--root', root, '--this-year', '--date', '2009-07-01'])).code).toBe(1);
  });

  it('on a terminal, asks whether to continue the newest issue’s year, then the date', async () => {
    const root = sampleProject();
    const yes = await cli(['new', 'issue', '--root', root, '--theme', '基层党建'], ['', '2009-7-8']);
    expect(yes.asked[0]).toContain('新的一期接着编 2009 年的吗？');
    expect(yes.asked[1]).toContain('这一期的日期');
    expect(yes.stdout).toContain('新的一期：2009年第19期（总第477期），文件夹 issues/2009-19，日期 2009-07-08。');
    const no = await cli(['new', 'issue', '--root', root], ['n']);
    expect(no.stdout).toContain(`新的一期：${THIS_YEAR}年第1期（总第478期）`);
    const none = await cli(['new', 'issue', '--root', root], ['y', '']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('没有写这一期的日期，未新建');
  });

  it('asks in a real terminal (a pseudo-terminal made by script(1))', async () => {
    const root = sampleProject();
    const child = spawn('script', ['-qec', `${process.execPath} ${BIN} new issue --root ${root}`, '/dev/null'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (b: Buffer) => {
      output += b.toString();
    });
    // Both answers typed ahead: each waits for its question.
    child.stdin.write('y\n2009-07-08\n');
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(output).toContain('新的一期接着编 2009 年的吗？');
    expect(output).toContain('新的一期：2009年第19期（总第477期）');
    expect(code).toBe(0);
    expect(folders(root)).toEqual(['2009-18', '2009-19']);
  }, 30_000);

  it('dates the first issue of an empty archive, and one continuing this year, today without asking', async () => {
    const root = makeProject();
    mkdirSync(join(root, 'issues'));
    const first = await newIssue({ root, themes: ['基层党建'] });
    expect(first.created).toMatchObject({ year: THIS_YEAR, issue: 1, total: 1, today: true });
    const second = await newIssue({ root, themes: ['基层党建'] });
    expect(second.created).toMatchObject({ year: THIS_YEAR, issue: 2, total: 2, today: true });
  });

  it('writes a theme hint that is valid YAML once uncommented as the comment says', async () => {
    const root = sampleProject();
    const r = await newIssue({ root, date: new Date(2009, 6, 1) });
    const text = readFileSync(join(root, r.value!), 'utf8');
    expect(parse(text)).toMatchObject({ year: 2009, issue: 19, total: 477, date: '2009-07-01', themes: null });
    const lines = text.split('\n');
    const hint = lines.findIndex((l) => l.includes('去掉下一行开头的「# 」'));
    expect(hint).toBeGreaterThan(0);
    lines[hint + 1] = lines[hint + 1]!.replace('# ', '');
    const uncommented = lines.join('\n');
    expect(parse(uncommented)).toMatchObject({ themes: ['各县区创新组织工作服务新型工业化发展'] });
    writeFileSync(join(root, r.value!), uncommented);
    const issueYml = (await check({ root })).diagnostics.filter((d) => d.file === r.value && d.rule !== 'theme/unused');
    expect(issueYml).toEqual([]);
  });
});

describe('new submission: where, which county, only once', () => {
  it('accepts --to as the folder name, the folder, or the total number', async () => {
    for (const [to, county] of [
      ['2009-18', '东安县'],
      ['issues/2009-18', '蓝山县'],
      ['issues/2009-18/', '新田县'],
      ['476', '宁远县'],
    ] as const) {
      const r = await newSubmission({ root: sampleProject(), to, county });
      expect(r.value, to).toMatch(/^issues\/2009-18\/05-/);
    }
    // The issue's case: a new issue, then its first write-up, named as `yongzu pdf 2009-19` names it.
    const root = sampleProject();
    await newIssue({ root, date: new Date(2009, 6, 1), themes: ['基层党建'] });
    expect((await newSubmission({ root, to: '2009-19', county: '江华县' })).value).toBe(
      'issues/2009-19/01-jianghua.md',
    );
  });

  it('gives the right advice when the issue does not exist, or its folder has no valid issue.yml', async () => {
    const root = sampleProject();
    const missing = await newSubmission({ root, to: '2009-19', county: '东安县' });
    expect(missing.value).toBeUndefined();
    expect(missing.diagnostics[0]!.message).toContain('没有「2009-19」这一期（issues/2009-19 不存在）');
    expect(missing.diagnostics[0]!.message).toContain('现有：2009-18（总第476期）');
    expect(missing.diagnostics[0]!.message).toContain('yongzu new issue');
    mkdirSync(join(root, 'issues', '2009-19'));
    writeFileSync(join(root, 'issues', '2009-19', 'issue.yml'), 'year: 2009\n');
    const broken = await newSubmission({ root, to: 'issues/2009-19', county: '东安县' });
    expect(broken.diagnostics[0]!.message).toContain('issue.yml 缺了或有错');
    expect(broken.diagnostics[0]!.message).toContain('yongzu check');
  });

  it('refuses a county that has a write-up in the issue (even one just made, still untitled), unless --force', async () => {
    const root = sampleProject();
    const taken = await newSubmission({ root, to: '2009-18', county: '江华县' });
    expect(taken.value).toBeUndefined();
    expect(taken.diagnostics[0]).toMatchObject({
      rule: 'county/duplicate',
      file: 'issues/2009-18/01-jianghua.md',
      line: 3,
      column: 9,
    });
    expect(taken.diagnostics[0]!.message).toContain('--force');
    const first = await newSubmission({ root, to: '2009-18', county: '东安县' });
    expect(first.value).toBe('issues/2009-18/05-dongan.md');
    const again = await newSubmission({ root, to: '2009-18', county: '东安县' });
    expect(again.diagnostics[0]!.file).toBe('issues/2009-18/05-dongan.md');
    const forced = await newSubmission({ root, to: '2009-18', county: '东安县', force: true });
    expect(forced.value).toBe('issues/2009-18/06-dongan.md');
  });

  it('suggests the closest county name', async () => {
    const r = await cli(['new', 'submission', '--root', sampleProject(), '--to', '2009-18', '--county', '江华']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('未知县区「江华」；是不是「江华县」？');
  });

  it('accepts a county alias from the configuration everywhere a county is named', async () => {
    const root = sampleProject();
    rmSync(join(root, 'issues', '2009-18', '01-jianghua.md'));
    writeFileSync(
      join(root, 'yongzu.config.yml'),
      'counties:\n  - name: 江华县\n    aliases: [江华瑶族自治县]\n  - 双牌县\n  - 道县\n  - 祁阳县\n  - 东安县\n',
    );
    const made = await newSubmission({ root, to: '2009-18', county: '江华瑶族自治县', title: '江华县抓培训' });
    expect(made.value).toBe('issues/2009-18/05-jianghua.md');
    // Written by the county's name, as every other write-up of it.
    expect(readFileSync(join(root, made.value!), 'utf8')).toContain('county: 江华县\n');
    // The alias names the same county: a second write-up, by name or alias, is refused.
    expect((await newSubmission({ root, to: '2009-18', county: '江华县' })).diagnostics[0]!.rule).toBe(
      'county/duplicate',
    );
    rmSync(join(root, made.value!));
    const file = join(makeProject(), '江华.docx');
    writeFileSync(
      file,
      await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('一是抓培训。')] }] })),
    );
    const imported = await importDocument({
      root,
      file,
      to: '2009-18',
      county: '江华瑶族自治县',
      title: '江华县抓培训',
    });
    expect(imported.value).toBe('issues/2009-18/05-jianghua.md');
    expect((await check({ root })).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(existsSync(join(root, 'issues', '2009-18', '05-jianghua.md'))).toBe(true);
  });
});
