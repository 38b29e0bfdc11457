import { type CopyRule, defineCopyRule, matchFindings } from '../text-finding.js';

const RANGE =
  /(?<![\d.\-－—～])(\d+(?:\.\d+)?)\s*[-－~〜](\s*)(\d+(?:\.\d+)?)(?![\d.\-－])(?=\s*[\p{Script=Han}%％])/gu;

/** Value ranges take ～ (GB/T 15835), year ranges take —: `60-120元` → `60～120元`. */
export const valueRange: CopyRule = defineCopyRule({
  id: 'copy/value-range',
  kind: 'source',
  severity: 'warning',
  fixable: true,
  summary: '数值范围用了「-」或「~」（数值用「～」，年份用「—」）',
  description:
    '数值范围用浪纹线「～」连接（GB/T 15835）：「60～120元」；年份范围用一字线「—」：「2021—2025年」。' +
    '半角连字符「-」、半角波浪号「~」都不对。只看后面紧跟汉字或百分号的范围，「2009-06-15」这样的日期不算。',
  fix: '数值范围改为「～」，年份范围改为「—」。可用「yongzu check --fix」自动改正。',
  examples: {
    fail: [
      { text: '每月60-120元的奖励', at: '1:3', fixed: '每月60～120元的奖励' },
      { text: '2021-2025年规划', at: '1:1', fixed: '2021—2025年规划' },
    ],
    pass: [{ text: '每月60～120元的奖励' }, { text: '2021—2025年规划' }, { text: '2009-06-15' }],
  },
  check: (text) =>
    matchFindings(text, RANGE, (m) => {
      const years = /^(1[89]|20)\d\d$/.test(m[1]!) && /^(1[89]|20)\d\d$/.test(m[3]!);
      const fixed = `${m[1]}${years ? '—' : '～'}${m[3]}`;
      const why = years ? '年份范围用一字线「—」' : '数值范围用浪纹线「～」';
      return { replacement: fixed, message: `数值范围「${m[0]}」应写作「${fixed}」（${why}）。` };
    }),
});
