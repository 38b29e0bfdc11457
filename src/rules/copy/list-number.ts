import { type CopyRule, defineCopyRule, matchFindings } from '../text-finding.js';

/** List numbers: `1、` → `1.`, `（一）、` → `（一）`. */
export const listNumber: CopyRule = defineCopyRule({
  id: 'copy/list-number',
  kind: 'source',
  severity: 'warning',
  fixable: true,
  summary: '序号写法不对（「1、」「（一）、」）',
  description:
    '阿拉伯数字序号后面用下脚点：「1.」「2.」；带括号的序号后面不再加标点：「（一）」「（1）」' +
    '（GB/T 15834《标点符号用法》）。「1、」「（一）、」都不规范。阿拉伯数字序号只看句子开头的。',
  fix: '「1、」改为「1.」，「（一）、」改为「（一）」。可用「yongzu check --fix」自动改正。',
  examples: {
    fail: [
      { text: '1、加强领导', at: '1:1', fixed: '1.加强领导' },
      { text: '（一）、加强领导', at: '1:1', fixed: '（一）加强领导' },
    ],
    pass: [{ text: '1.加强领导' }, { text: '（一）加强领导' }],
  },
  check: (text) =>
    matchFindings(text, /(\d(?<=(?:^|[。；\n\s])\d)\d?)、|（([一二三四五六七八九十]{1,3})）、/gu, (m) =>
      m[1] !== undefined
        ? { replacement: `${m[1]}.`, message: `阿拉伯数字序号「${m[0]}」应为「${m[1]}.」。` }
        : { replacement: `（${m[2]}）`, message: `序号「${m[0]}」后不再加顿号，应为「（${m[2]}）」。` },
    ),
});
