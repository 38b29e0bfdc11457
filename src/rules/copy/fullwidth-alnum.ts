import { type CopyRule, defineCopyRule, matchFindings } from '../text-finding.js';

const toHalf = (s: string) => s.replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** Full-width digits and letters: `１０００元` → `1000元`. */
export const fullwidthAlnum: CopyRule = defineCopyRule({
  id: 'copy/fullwidth-alnum',
  kind: 'source',
  severity: 'warning',
  fixable: true,
  summary: '用了全角数字或字母（如「１０００」）',
  description:
    '中文稿件里的数字和拉丁字母用半角（GB/T 15835《出版物上数字用法》）。全角数字多来自输入法的全角状态，' +
    '字宽和正文里的其他数字不一致，也搜不到。',
  fix: '改为半角数字、字母：「１０００元」→「1000元」。可用「yongzu check --fix」自动改正。',
  examples: {
    fail: [{ text: '奖励１０００元', at: '1:3', fixed: '奖励1000元' }],
    pass: [{ text: '1000元' }, { text: '奖励1000元' }],
  },
  check: (text) =>
    matchFindings(text, /[０-９Ａ-Ｚａ-ｚ]+/g, (m) => ({
      replacement: toHalf(m[0]),
      message: `全角数字或字母「${m[0]}」应为半角「${toHalf(m[0])}」。`,
    })),
});
