import { SIGN_OFF_LINE } from '../../util/sign-off.js';
import { type CopyRule, defineCopyRule, matchFindings } from '../text-finding.js';

const CJK = '\\p{Script=Han}，。、；：？！“”‘’（）《》【】';
// The look-behinds come after the first space, so the engine can skip to spaces (5× faster than a leading
// look-behind).
const SPACES = new RegExp(
  `[ \\u3000](?:(?<=[${CJK}][ \\u3000])[ \\u3000]*(?=[${CJK}0-9A-Za-z])` +
    `|(?<=[0-9A-Za-z][ \\u3000])[ \\u3000]*(?=[${CJK}]))`,
  'gu',
);

/**
 * An attribution or dateline line, whole (`（江永县委组织部 蒋某某）`,
 * `道县委组织部  2009年6月22日`): its spaces are meant. Leading \u0001 are
 * masked Markdown (a list marker).
 */
const SIGN_OFF = new RegExp(`^[\\s\\u0001]*${SIGN_OFF_LINE}[ \\u3000]*$`, 'gmu');

/** The stretches of attribution and dateline lines, where spaces are left alone. */
function signOffLines(text: string): [number, number][] {
  if (!/[部委组办局院所站心司校支道区村镇乡队团会处科]/.test(text)) return [];
  return [...text.matchAll(SIGN_OFF)].map((m) => [m.index!, m.index! + m[0].length]);
}

/**
 * Spaces inside Chinese text: `共 35 名` → `共35名`; but not the spaces of an
 * attribution or dateline line, between a unit and a name or before a date.
 */
export const straySpace: CopyRule = defineCopyRule({
  id: 'copy/space',
  kind: 'source',
  severity: 'warning',
  fixable: true,
  summary: '中文里多了空格（如「共 35 名」）',
  description:
    '本刊的中文排版中，汉字之间、汉字与数字或字母之间、全角标点前后都不加空格。多出来的空格多半来自 Word 里的对齐' +
    '或从网页复制，排出来是一道明显的空隙。全角空格也算。署名行和落款行里的空格是有意的，不算：' +
    '单位和人名之间（「（江永县委组织部 蒋某某）」）、日期前面（「道县委组织部  2009年6月22日」）。',
  fix: '删去这些空格。可用「yongzu check --fix」自动改正。',
  examples: {
    fail: [
      { text: '共 35 名', at: '1:2', fixed: '共35名' },
      { text: '干部 队伍', at: '1:3', fixed: '干部队伍' },
      { text: '干部， 队伍', at: '1:4', fixed: '干部，队伍' },
    ],
    pass: [
      { text: '共35名' },
      { text: '使用Node.js工具' },
      { text: '一是调配干部。\n\n（江永县委组织部 蒋某某）', note: '署名行里单位和人名之间的空格要保留。' },
      { text: '道县委组织部  2009年6月22日', note: '落款里日期前的空格要保留。' },
    ],
  },
  check: (text) => {
    let kept: [number, number][] | undefined;
    return matchFindings(text, SPACES, (m) =>
      (kept ??= signOffLines(text)).some(([from, to]) => m.index! >= from && m.index! < to)
        ? undefined
        : {
            replacement: '',
            message:
              `中文里多了${m[0].length > 1 ? ` ${m[0].length} 个` : ''}空格：` +
              '汉字之间、汉字与数字之间、全角标点前后都不加空格。',
          },
    );
  },
});
