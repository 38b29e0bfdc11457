import { type CopyRule, defineCopyRule, type TextFinding } from '../text-finding.js';

const DIGITS = '一二三四五六七八九';

/** 一 → 1, 十 → 10, 十二 → 12, 二十三 → 23; undefined for anything else. */
export function parseChineseNumeral(s: string): number | undefined {
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s === '') return undefined;
  const [, a, ten, b] = m;
  if (!ten) return a && !b ? DIGITS.indexOf(a) + 1 : undefined;
  return (a ? DIGITS.indexOf(a) + 1 : 1) * 10 + (b ? DIGITS.indexOf(b) + 1 : 0);
}

/** 3 → 三, 12 → 十二. */
export function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n - 1] ?? '';
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens - 1]}十${ones ? DIGITS[ones - 1] : ''}`;
}

// A marker opens a sentence: at the start of a paragraph or after 。；！？ or a colon.
// (The look-behind follows the first numeral, so the engine can skip to numerals.)
const MARKER =
  /([一二三四五六七八九十](?<=(?:^|[。；！？：\n\s])[一二三四五六七八九十])[一二三四五六七八九十]{0,2})是(?!否|非|不|的)([：:]?)/gu;

/**
 * The 一是、二是、三是… enumeration runs in sequence, without gaps or repeats,
 * and takes no colon after the marker.
 */
export const enumeration: CopyRule = defineCopyRule({
  id: 'copy/enumeration',
  kind: 'source',
  severity: 'warning',
  fixable: true,
  summary: '「一是、二是、三是……」的序号不连贯，或「一是」后面加了冒号',
  description:
    '列举几项工作常用「一是……二是……三是……」。序号从「一是」开始依次往下，不跳号、不重复、不颠倒；' +
    '只有一项时不用「一是」；「一是」后面直接接内容，不加冒号。另起一段可以重新从「一是」开始。' +
    '本规则只看句子开头（段首，或句号、分号、冒号等之后）的「X是」，「统一是」「是否」之类不算。',
  fix:
    '补上缺少的序号，改正重复或颠倒的序号；只有一项时删去「一是」，或补上后面各条。' +
    '「一是」后面的冒号可用「yongzu check --fix」自动删去，序号须手工改正。',
  examples: {
    fail: [
      { text: '一是根据需要调配干部。二是跟踪项目考核干部。四是坚持一线锻炼干部。', at: '1:23' },
      { text: '一是调配干部。二是考核干部。四是锻炼干部。', at: '1:15' },
      { text: '一是调配干部。二是考核干部。二是锻炼干部。', at: '1:15' },
      { text: '一是：调配干部。二是考核干部。', at: '1:3', fixed: '一是调配干部。二是考核干部。' },
      { text: '一是调配干部，其他照旧。', at: '1:1' },
    ],
    pass: [
      { text: '一是根据需要调配干部。二是跟踪项目考核干部。三是坚持一线锻炼干部。' },
      { text: '统一是关键。' },
      { text: '一是甲。二是乙。\n\n一是丙。二是丁。', note: '另起一段，重新从「一是」开始。' },
    ],
  },
  check(text) {
    const out: TextFinding[] = [];
    let prev = 0;
    let first: { index: number } | undefined;
    for (const m of text.matchAll(MARKER)) {
      const n = parseChineseNumeral(m[1]!);
      if (n === undefined) continue;
      const index = m.index;
      const marker = `${m[1]}是`;
      if (m[2]) {
        out.push({
          index: index + marker.length,
          length: 1,
          replacement: '',
          message: `「${marker}」后面不加冒号，直接接内容。`,
        });
      }
      if (n === 1) {
        if (prev === 1 && first) out.push(loneFirst(first.index));
        first = { index };
      } else if (n === prev) {
        out.push({
          index,
          length: marker.length,
          message: `「${marker}」重复了：上一条已是「${marker}」，这里应为「${chineseNumeral(n + 1)}是」。`,
        });
      } else if (prev === 0) {
        out.push({ index, length: marker.length, message: `「${marker}」前面没有「一是」：列举应从「一是」开始。` });
      } else if (n > prev + 1) {
        const missing = Array.from({ length: n - prev - 1 }, (_, k) => `「${chineseNumeral(prev + k + 1)}是」`).join(
          '',
        );
        out.push({
          index,
          length: marker.length,
          message: `缺少${missing}：「${chineseNumeral(prev)}是」之后直接是「${marker}」。请补上或改正序号。`,
        });
      } else if (n < prev) {
        out.push({
          index,
          length: marker.length,
          message: `「${marker}」顺序颠倒：前面已有「${chineseNumeral(prev)}是」，这里应为「${chineseNumeral(prev + 1)}是」。`,
        });
      }
      prev = n;
    }
    if (prev === 1 && first) out.push(loneFirst(first.index));
    return out;
  },
});

function loneFirst(index: number): TextFinding {
  return { index, length: 2, message: '只有「一是」，没有「二是」：只有一条时不用「一是」，或补上后面各条。' };
}
