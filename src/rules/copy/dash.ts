import { type CopyRule, defineCopyRule, matchFindings } from '../text-finding.js';

/** Each look-behind follows the dash's first character: faster. */
const DASH = /(?:-(?<=\p{Script=Han}-)-+|－(?<=\p{Script=Han}－)－|—(?<=\p{Script=Han}—)(?!—))(?=\p{Script=Han})/gu;

/** The dash is ——: not `--` or a single —, between Han characters. */
export const dash: CopyRule = defineCopyRule({
  id: 'copy/dash',
  kind: 'source',
  severity: 'warning',
  fixable: true,
  summary: '破折号写成了「--」或单个「—」',
  description:
    '破折号是两个一字线连写的「——」，占两个字的位置。夹在汉字中间的「--」「－－」或单个「—」都应改为「——」。' +
    '年份范围里的单个「—」前后是数字，不算。',
  fix: '改为「——」。可用「yongzu check --fix」自动改正。',
  examples: {
    fail: [
      { text: '目标--建成', at: '1:3', fixed: '目标——建成' },
      { text: '目标—建成', at: '1:3', fixed: '目标——建成' },
    ],
    pass: [{ text: '目标——建成' }, { text: '2021—2025年' }],
  },
  check: (text) =>
    matchFindings(text, DASH, (m) => ({
      replacement: '——',
      message: `破折号「${m[0]}」应为「——」（两个一字线）。`,
    })),
});
