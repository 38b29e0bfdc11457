import { describe, expect, it } from 'vitest';
import type { IssueModel, Section } from '../src/model/issue-model.js';
import { parseLayoutReport, placeFindings } from '../src/pdf/layout-findings.js';

const section = (file: string, title: string, body: string, bodyLine: number): Section => ({
  id: file,
  county: { name: '江华县', aliases: [] } as unknown as Section['county'],
  countyText: '江华县',
  title,
  file,
  body,
  bodyLine,
});

const issue = {
  folder: '2009-18',
  articles: [
    {
      theme: '主题',
      source: '（综合江华县、双牌县情况）',
      sections: [
        section('issues/2009-18/01-a.md', '江华县抓好干部', '一是调配干部。\n\n二是**考核**干部，做到有奖有惩。\n', 8),
        section('issues/2009-18/02-b.md', '双牌县引进人才', '- 引进博士两名。\n- 引进硕士十名。\n', 7),
      ],
    },
  ],
} as unknown as IssueModel;

describe('placeFindings', () => {
  it('finds the line where the paragraph starts, past the run-in title and Markdown marks', () => {
    const placed = placeFindings(issue, {
      pages: 2,
      findings: [
        { kind: 'last-line', page: 2, section: 0, text: '二是考核干部，做到有奖有惩。' },
        { kind: 'first-line', page: 1, section: 0, text: '江华县抓好干部。一是调配干部。' },
        { kind: 'first-line', page: 1, section: 1, text: '引进硕士十名。' },
      ],
    });
    expect(placed.map((f) => `${f.file}:${f.line}`)).toEqual([
      'issues/2009-18/01-a.md:10',
      'issues/2009-18/01-a.md:8',
      'issues/2009-18/02-b.md:8',
    ]);
    expect(placed[1]!.excerpt).toBe('一是调配干部。');
  });

  it('places a lone source line on the last line of the article’s last section', () => {
    const [f] = placeFindings(issue, {
      pages: 2,
      findings: [{ kind: 'source-alone', page: 2, section: -1, text: '（综合江华县、双牌县情况）' }],
    });
    expect(f).toMatchObject({ file: 'issues/2009-18/02-b.md', line: 8, excerpt: '（综合江华县、双牌县情况）' });
  });

  it('falls back to the first line of the section, or to issue.yml, when the paragraph cannot be told', () => {
    const placed = placeFindings(issue, {
      pages: 2,
      findings: [
        { kind: 'last-line', page: 2, section: 1, text: '不在稿件里的文字' },
        { kind: 'last-line', page: 2, section: 7, text: '不在稿件里的文字' },
      ],
    });
    expect(placed.map((f) => `${f.file}:${f.line}`)).toEqual([
      'issues/2009-18/02-b.md:7',
      'issues/2009-18/issue.yml:1',
    ]);
  });
});

describe('parseLayoutReport (what the preview posts)', () => {
  it('keeps a well-formed report and nothing else of it', () => {
    const report = { pages: 3, findings: [{ kind: 'last-line', page: 2, section: 0, text: '一是', extra: 1 }] };
    expect(parseLayoutReport(report)).toEqual({
      pages: 3,
      findings: [{ kind: 'last-line', page: 2, section: 0, text: '一是' }],
    });
  });

  it('refuses anything else', () => {
    for (const bad of [
      null,
      'x',
      { pages: 0, findings: [] },
      { pages: 2.5, findings: [] },
      { pages: 3 },
      { pages: 3, findings: [{ kind: 'run', page: 1, section: 0, text: '' }] },
      { pages: 3, findings: [{ kind: 'last-line', page: 4, section: 0, text: '' }] },
      { pages: 3, findings: [{ kind: 'last-line', page: 1, section: 0, text: 'x'.repeat(41) }] },
      { pages: 3, findings: [{ kind: 'last-line', page: 1, section: '../x', text: '' }] },
      { pages: 3, findings: Array.from({ length: 201 }, () => ({ kind: 'last-line', page: 1, section: 0, text: '' })) },
    ])
      expect(parseLayoutReport(bad), JSON.stringify(bad)?.slice(0, 60)).toBeUndefined();
  });
});
