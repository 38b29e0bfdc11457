import type { CopyFinding, CopyRule } from './copy-rule.js';

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
 *
 * ok: 一是根据需要调配干部。二是跟踪项目考核干部。三是坚持一线锻炼干部。
 * not ok: 一是根据需要调配干部。二是跟踪项目考核干部。四是坚持一线锻炼干部。
 */
export const enumeration: CopyRule = {
  id: 'copy/enumeration',
  check(text) {
    const out: CopyFinding[] = [];
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
};

function loneFirst(index: number): CopyFinding {
  return { index, length: 2, message: '只有「一是」，没有「二是」：只有一条时不用「一是」，或补上后面各条。' };
}
