import { describe, expect, it } from 'vitest';
import { COPY_RULES } from '../src/check/copy/index.js';
import { chineseNumeral, parseChineseNumeral } from '../src/check/copy/enumeration.js';
import { bodySpan } from '../src/check/text-span.js';

const rule = (id: string) => {
  const r = COPY_RULES.find((x) => x.id === id);
  if (!r) throw new Error(id);
  return r;
};

/** Applies every finding's replacement, right to left, as --fix would. */
function fix(id: string, text: string): string {
  const findings = rule(id)
    .check(text)
    .filter((f) => f.replacement !== undefined)
    .sort((a, b) => b.index - a.index);
  let out = text;
  for (const f of findings) out = out.slice(0, f.index) + f.replacement + out.slice(f.index + f.length);
  return out;
}

// Each rule: ok examples produce no finding; not-ok examples produce one at the
// given index, and the fix (where safe) gives the expected text.
const CASES: { id: string; ok: string[]; notOk: { text: string; index: number; fixed?: string }[] }[] = [
  {
    id: 'copy/halfwidth-punctuation',
    ok: ['领导力量，江华经开区', '共1,000人', '10:30开会', 'Node.js 与 npm'],
    notOk: [
      { text: '领导力量,江华经开区', index: 4, fixed: '领导力量，江华经开区' },
      { text: '措施:部分专业', index: 2, fixed: '措施：部分专业' },
      { text: '坚持"三严三实"要求', index: 2, fixed: '坚持“三严三实”要求' },
      { text: '共43个,其中', index: 4, fixed: '共43个，其中' },
      { text: '效果显著!', index: 4, fixed: '效果显著！' },
    ],
  },
  {
    id: 'copy/enumeration',
    ok: ['一是调配干部。二是考核干部。三是锻炼干部。', '统一是关键。', '一是甲。二是乙。\n\n一是丙。二是丁。'],
    notOk: [
      { text: '一是调配干部。二是考核干部。四是锻炼干部。', index: 14 },
      { text: '一是调配干部。二是考核干部。二是锻炼干部。', index: 14 },
      { text: '一是：调配干部。二是考核干部。', index: 2, fixed: '一是调配干部。二是考核干部。' },
      { text: '一是调配干部，其他照旧。', index: 0 },
    ],
  },
  { id: 'copy/fullwidth-alnum', ok: ['1000元'], notOk: [{ text: '奖励１０００元', index: 2, fixed: '奖励1000元' }] },
  {
    id: 'copy/space',
    ok: ['共35名', '使用 Node.js 工具'.replace(/ /g, '')],
    notOk: [
      { text: '共 35 名', index: 1, fixed: '共35名' },
      { text: '干部 队伍', index: 2, fixed: '干部队伍' },
      { text: '干部， 队伍', index: 3, fixed: '干部，队伍' },
    ],
  },
  { id: 'copy/repeated-marks', ok: ['显著！', '……', '——'], notOk: [{ text: '显著！！', index: 2, fixed: '显著！' }] },
  {
    id: 'copy/value-range',
    ok: ['60～120元', '2009-06-15', '2021—2025年'],
    notOk: [
      { text: '每月60-120元的奖励', index: 2, fixed: '每月60～120元的奖励' },
      { text: '2021-2025年规划', index: 0, fixed: '2021—2025年规划' },
    ],
  },
  {
    id: 'copy/ellipsis',
    ok: ['湖北、长三角……'],
    notOk: [
      { text: '湖北、长三角...', index: 6, fixed: '湖北、长三角……' },
      { text: '湖北、长三角。。。', index: 6, fixed: '湖北、长三角……' },
      { text: '湖北、长三角……等地', index: 8, fixed: '湖北、长三角……地' },
    ],
  },
  { id: 'copy/dash', ok: ['目标——建成'], notOk: [{ text: '目标--建成', index: 2, fixed: '目标——建成' }] },
  {
    id: 'copy/dunhao-between-quotes',
    ok: ['《条例》《规定》', '“送知识下乡”和“送文化下乡”'],
    notOk: [{ text: '《条例》、《规定》', index: 4, fixed: '《条例》《规定》' }],
  },
  {
    id: 'copy/date-format',
    ok: ['2009年6月5日', '6月15日'],
    notOk: [
      { text: '2009年06月05日', index: 0, fixed: '2009年6月5日' },
      { text: '09年6月5日', index: 0 },
    ],
  },
  {
    id: 'copy/list-number',
    ok: ['1.加强领导', '（一）加强领导'],
    notOk: [
      { text: '1、加强领导', index: 0, fixed: '1.加强领导' },
      { text: '（一）、加强领导', index: 0, fixed: '（一）加强领导' },
    ],
  },
];

describe.each(CASES)('$id', ({ id, ok, notOk }) => {
  it.each(ok)('ok: %s', (text) => {
    expect(rule(id).check(text)).toEqual([]);
  });
  it.each(notOk)('not ok: $text', ({ text, index, fixed }) => {
    const findings = rule(id).check(text);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]!.index).toBe(index);
    expect(findings[0]!.message).toMatch(/[\u4e00-\u9fff]/);
    if (fixed !== undefined) expect(fix(id, text)).toBe(fixed);
  });
});

describe('Chinese numerals', () => {
  it('round-trips 1 to 29', () => {
    for (let n = 1; n < 30; n++) expect(parseChineseNumeral(chineseNumeral(n))).toBe(n);
    expect(parseChineseNumeral('三')).toBe(3);
    expect(parseChineseNumeral('十二')).toBe(12);
    expect(parseChineseNumeral('一一')).toBeUndefined();
  });
});

describe('prose masking', () => {
  it('keeps code, URLs and link targets out of copy rules but keeps positions', () => {
    const span = bodySpan('见`a,b`和[链接](http://x.cn/a,b)。\n干部,会议', 10);
    const findings = rule('copy/halfwidth-punctuation').check(span.text);
    expect(findings).toHaveLength(1);
    expect(span.place(findings[0]!.index)).toEqual({ line: 11, column: 3 });
  });
});
