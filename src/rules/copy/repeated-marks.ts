import { type CopyRule, defineCopyRule, matchFindings } from '../text-finding.js';

/** Repeated marks: `显著！！` → `显著！`. */
export const repeatedMarks: CopyRule = defineCopyRule({
  id: 'copy/repeated-marks',
  kind: 'source',
  severity: 'warning',
  fixable: true,
  summary: '同一个标点连写了几个（如「！！」「，，」）',
  description:
    '同一个标点连写两个以上（！！、？？、。。、，，、、、；；、：：）不合出版规范，多是误按，或是想加重语气。' +
    '省略号「……」和破折号「——」本来就是两个字符，不算。',
  fix: '只保留一个。可用「yongzu check --fix」自动改正。',
  examples: {
    fail: [{ text: '显著！！', at: '1:3', fixed: '显著！' }],
    pass: [{ text: '显著！' }, { text: '……' }, { text: '——' }],
  },
  check: (text) =>
    matchFindings(text, /([！？。，、；：])\1+/g, (m) => ({
      replacement: m[1]!,
      message: `标点「${m[1]}」重复了 ${m[0].length} 次，只保留一个。`,
    })),
});
