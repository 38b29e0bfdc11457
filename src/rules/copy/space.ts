import { type CopyRule, defineCopyRule, matchFindings } from '../text-finding.js';

const CJK = '\\p{Script=Han}，。、；：？！“”‘’（）《》【】';
// The look-behinds come after the first space, so the engine can skip to spaces (5× faster than a leading
// look-behind).
const SPACES = new RegExp(
  `[ \\u3000](?:(?<=[${CJK}][ \\u3000])[ \\u3000]*(?=[${CJK}0-9A-Za-z])` +
    `|(?<=[0-9A-Za-z][ \\u3000])[ \\u3000]*(?=[${CJK}]))`,
  'gu',
);

/** Spaces inside Chinese text: `共 35 名` → `共35名`. */
export const straySpace: CopyRule = defineCopyRule({
  id: 'copy/space',
  kind: 'source',
  severity: 'warning',
  fixable: true,
  summary: '中文里多了空格（如「共 35 名」）',
  description:
    '本刊的中文排版中，汉字之间、汉字与数字或字母之间、全角标点前后都不加空格。多出来的空格多半来自 Word 里的对齐' +
    '或从网页复制，排出来是一道明显的空隙。全角空格也算。',
  fix: '删去这些空格。可用「yongzu check --fix」自动改正。',
  examples: {
    fail: [
      { text: '共 35 名', at: '1:2', fixed: '共35名' },
      { text: '干部 队伍', at: '1:3', fixed: '干部队伍' },
      { text: '干部， 队伍', at: '1:4', fixed: '干部，队伍' },
    ],
    pass: [{ text: '共35名' }, { text: '使用Node.js工具' }],
  },
  check: (text) =>
    matchFindings(text, SPACES, (m) => ({
      replacement: '',
      message:
        `中文里多了${m[0].length > 1 ? ` ${m[0].length} 个` : ''}空格：` +
        '汉字之间、汉字与数字之间、全角标点前后都不加空格。',
    })),
});
