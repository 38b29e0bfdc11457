import { type CopyRule, defineCopyRule, matchFindings } from '../text-finding.js';

/** Ellipsis is ……: not `...`, `。。。` or a lone …; no 等 after it. */
export const ellipsis: CopyRule = defineCopyRule({
  id: 'copy/ellipsis',
  kind: 'source',
  severity: 'warning',
  fixable: true,
  summary: '省略号写法不对（「...」「。。。」或单个「…」），或省略号后又加了「等」',
  description:
    '省略号是两个「…」连写的「……」，占两个字的位置。三个句点「...」、三个句号「。。。」或单个「…」都不规范。' +
    '省略号已经表示列举未尽，后面不再加「等」。',
  fix: '改为「……」；删去省略号后面的「等」。可用「yongzu check --fix」自动改正。',
  examples: {
    fail: [
      { text: '湖北、长三角...', at: '1:7', fixed: '湖北、长三角……' },
      { text: '湖北、长三角。。。', at: '1:7', fixed: '湖北、长三角……' },
      { text: '湖北、长三角……等地', at: '1:9', fixed: '湖北、长三角……地' },
    ],
    pass: [{ text: '湖北、长三角……' }],
  },
  check: (text) =>
    matchFindings(text, /\.{3,}|。{3,}|(?<!…)…(?!…)|……等/g, (m) =>
      m[0] === '……等'
        ? { index: 2, length: 1, replacement: '', message: '省略号「……」后不再加「等」。' }
        : { replacement: '……', message: `省略号「${m[0]}」应为「……」（两个「…」）。` },
    ),
});
