import type { CopyFinding } from '../copy/copy-rule.js';

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
 * content/too-deep: block quotes or lists nested past 32 levels, or runs of
 * emphasis and bracket marks that long, make the Markdown parser recurse
 * without bound (a crash or minutes of work). They are refused with their
 * place, before anything is rendered.
 *
 * ok: > 引用 · - 列表
 * not ok: a line of 40 `>` marks; 40 `*` in a row
 */
export function findTooDeep(body: string): CopyFinding[] {
  const out: CopyFinding[] = [];
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
