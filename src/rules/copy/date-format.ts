import { type CopyRule, defineCopyRule, matchFindings } from '../text-finding.js';

/** Dates in full without zero padding: `09年6月05日` → `2009年6月5日`. */
export const dateFormat: CopyRule = defineCopyRule({
  id: 'copy/date-format',
  kind: 'source',
  severity: 'warning',
  fixable: true,
  summary: '日期的月、日前补了 0，或年份只写了两位',
  description: '日期写作「2009年6月5日」：年份写全四位，月、日前不补 0。「2009年06月05日」「09年6月5日」都不规范。',
  fix:
    '删去月、日前面的 0，两位的年份补全为四位。补 0 的可用「yongzu check --fix」自动改正；' +
    '两位年份须核对后手工补全。',
  examples: {
    fail: [
      { text: '2009年06月05日', at: '1:1', fixed: '2009年6月5日' },
      { text: '09年6月5日', at: '1:1' },
    ],
    pass: [{ text: '2009年6月5日' }, { text: '6月15日' }],
  },
  check: (text) =>
    matchFindings(text, /(?<!\d)(\d{2}|\d{4})年(0?\d{1,2})月(?:(0?\d{1,2})日)?/g, (m) => {
      const [, y, mo, d] = m;
      const year = y!.length === 2 ? undefined : y!;
      const padded = /^0/.test(mo!) || (d !== undefined && /^0/.test(d));
      if (year && !padded) return undefined;
      const fixed = `${year ?? `20${y}`}年${Number(mo)}月${d !== undefined ? `${Number(d)}日` : ''}`;
      return year
        ? { replacement: fixed, message: `日期「${m[0]}」的月、日前不补 0，应为「${fixed}」。` }
        : { message: `日期「${m[0]}」的年份应写全四位，如「${fixed}」。` };
    }),
});
