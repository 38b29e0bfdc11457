import { defineRule } from '../rule.js';
import type { TextFinding } from '../text-finding.js';

/** Deeper nesting than this is refused: no real write-up comes near it. */
export const MAX_DEPTH = 32;
const MAX_RUN = 32;

const QUOTES = /^(?:[ \t]*>)+/;
const LIST_ITEM = /^([ \t]*)(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
const RUNS = new RegExp(
  `[*_]{${MAX_RUN + 1},}|\\[{${MAX_RUN + 1},}|\\]{${MAX_RUN + 1},}|(?:\\*[ \\t]?){${MAX_RUN + 1},}`,
  'g',
);

/**
 * Block quotes or lists nested past 32 levels, or runs of emphasis and
 * bracket marks that long, make the Markdown parser recurse without bound (a
 * crash or minutes of work). They are refused with their place, before
 * anything is rendered.
 */
export const tooDeep = defineRule({
  id: 'content/too-deep',
  kind: 'source',
  severity: 'error',
  summary: `正文嵌套过深（超过 ${MAX_DEPTH} 层），或一连串「*」「_」「[」「]」`,
  description:
    `引用（>）或列表嵌套超过 ${MAX_DEPTH} 层，或一连 ${MAX_RUN + 1} 个以上的「*」「_」「[」「]」，` +
    '会让 Markdown 解析器无休止地递归（卡死或算上几分钟）。真实的稿件不会这样写，多是误粘贴，所以在排版之前就拒绝，' +
    '并指出位置。',
  fix: '删去多余的「>」、缩进、列表符号或连串的符号。',
  examples: {
    fail: [
      { text: `${'>'.repeat(40)} 引用的文字`, at: '1:1' },
      { text: `强调${'*'.repeat(40)}`, at: '1:3' },
    ],
    pass: [{ text: '> 引用的文字' }, { text: '**强调**' }],
  },
});

/** The lines of a body nested too deep, or with too long a run of marks (at most 5). */
export function findTooDeep(body: string): TextFinding[] {
  const out: TextFinding[] = [];
  let index = 0;
  for (const line of body.split('\n')) {
    const quotes = QUOTES.exec(line)?.[0];
    const depth = quotes ? (quotes.match(/>/g) ?? []).length : 0;
    const indent = LIST_ITEM.exec(line)?.[1]?.replace(/\t/g, '    ').length ?? 0;
    if (depth > MAX_DEPTH || indent > MAX_DEPTH * 2) {
      out.push({
        index,
        length: line.length,
        message: `正文在这里嵌套过深（引用或列表超过 ${MAX_DEPTH} 层），无法处理。请检查是否误粘贴了大量「>」、缩进或列表符号。`,
      });
    } else {
      for (const m of line.matchAll(RUNS)) {
        out.push({
          index: index + m.index!,
          length: m[0].length,
          message: `正文这里连续出现 ${m[0].length} 个「${m[0][0]}」，无法处理。请删去多余的符号。`,
        });
        break;
      }
    }
    index += line.length + 1;
    if (out.length >= 5) break;
  }
  return out;
}
