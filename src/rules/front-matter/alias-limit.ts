import type { Diagnostic, Place } from '../../diagnostics/diagnostic.js';
import { edited, SUBMISSION } from '../examples.js';
import { defineRule } from '../rule.js';

/** YAML aliases beyond this count are refused (the "billion laughs" bomb). */
export const MAX_ALIASES = 100;

/** Nine lists of nine aliases of the list before: 9⁹ items once expanded. */
const BOMB = [
  'a: &a ["x","x","x","x","x","x","x","x","x"]',
  ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
].join('\n');

/** YAML aliases expanding past the limit (an alias bomb). */
export const aliasLimit = defineRule({
  id: 'front-matter/alias-limit',
  kind: 'source',
  severity: 'error',
  summary: `YAML 别名（&、*）展开超过 ${MAX_ALIASES} 处`,
  description:
    `YAML 可以用「&名字」定义、用「*名字」引用一个值。一层层引用下去，几行文字能展开成几十亿个值，把程序拖垮` +
    `（所谓「别名炸弹」）。展开超过 ${MAX_ALIASES} 处的文件一律拒绝读取。稿件和 issue.yml 用不着别名。`,
  fix: '删去别名，直接写出各项的值。',
  examples: {
    fail: [{ files: edited(SUBMISSION, 'issue: 18\n', `issue: 18\n${BOMB}\n`), at: `${SUBMISSION}:1:1` }],
    pass: [{ files: {}, note: '通常的文件头不用别名。' }],
  },
});

export function aliasLimitAt(file: string, place: Place): Diagnostic {
  return aliasLimit.report(
    file,
    place,
    `YAML 别名（&、*）展开过多，超过 ${MAX_ALIASES} 处，已拒绝读取。请直接写出各项的值。`,
  );
}
