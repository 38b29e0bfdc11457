import type { Nodes, Root } from 'mdast';
import { CJK_CHAR } from '../../util/cjk.js';
import { pushAll } from '../../util/append.js';
import { defineRule } from '../rule.js';
import type { TextFinding } from '../text-finding.js';

/**
 * Emphasis and strikethrough marks that the Markdown parser (the renderer's
 * own, CJK-friendly) leaves as text: they would print as asterisks, tildes
 * or underscores on the site and on paper.
 */
export const literalDelimiter = defineRule({
  id: 'content/literal-delimiter',
  kind: 'source',
  severity: 'warning',
  summary: '加粗、斜体或删除线的符号没有生效，会原样印出',
  description:
    '正文里用 **文字** 表示加粗，*文字* 表示斜体，~~文字~~ 表示删除线。符号要成对，并且紧挨着文字：' +
    '「** 专项经费 **」里侧有空格、只写了开头的「**」没写结尾，或两个「**」之间隔了段落，符号就不起作用，' +
    '网页和印刷版上会原样出现星号或波浪线。本规则用和排版完全相同的方式读正文，找出这样留下来的符号。' +
    '中文标点旁的加粗（如 **四是强化保障。**县里……）是有效的，不会报告。代码里的符号、网址里的下划线、' +
    '3*4 这样两个字母或数字之间的单个星号、10~20 里的单个波浪线不算。超过 3 万字，或星号、下划线、波浪线、' +
    '反引号和方括号合计超过 1000 个的正文不查（读这样的正文太慢；排版时另有时间限制）。',
  fix:
    '补上缺的一半符号，删去符号里侧的空格；不要加粗的，删去符号。确实要印出星号、下划线或波浪线本身的，' +
    '在前面加反斜杠，写作 \\*、\\_、\\~。',
  examples: {
    fail: [
      { text: '**四是强化保障。县里每年安排经费20万元。', at: '1:1', note: '只有开头的「**」，没有结尾的。' },
      { text: '县里安排** 专项经费 **用于培训。', at: '1:5', note: '「**」里侧有空格。' },
      { text: '~~ 作废的一句 ~~正文。', at: '1:1' },
      { text: '一是调配干部。\n\n*注：数据截至6月底。', at: '3:1' },
    ],
    pass: [
      { text: '**四是强化保障。**县里每年安排经费20万元。' },
      { text: '一是**“三严三实”**专题教育，~~作废的一句。~~正文。' },
      { text: '每组3*4人，人数10~20人，文件名为 report_2009.docx。' },
      { text: '\\*注：数据截至6月底。代码 `**` 不算。' },
    ],
  },
});

/**
 * Whether a body may have a mark left as text, so that it must be parsed:
 * it has a `*`, `_` or `~`, and is not sure to be fine (surelyAllBold).
 */
export function mayHaveLiteralDelimiters(body: string): boolean {
  return /[*_~]/.test(body) && !surelyAllBold(body) && !tooManyMarks(body);
}

/**
 * Bodies with more marks than this are not parsed for this check: the parser
 * takes time quadratic in unpaired marks within a paragraph (40 KB of `中*_`
 * took over 30 s), and no write-up has hundreds of them. Rendering such a
 * body is bounded by the render sandbox's time limit.
 */
export const MAX_CHECKED_MARKS = 1000;

function tooManyMarks(body: string): boolean {
  let marks = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if ((c === 0x2a || c === 0x5f || c === 0x7e) && ++marks > MAX_CHECKED_MARKS) return true;
  }
  return false;
}

/** Bodies longer than this are not parsed: ten times a long write-up, parsed in well under a second. */
export const MAX_PARSED_LENGTH = 30_000;
/**
 * Nor bodies with more marks than this (`*`, `_`, `~`, backticks, square
 * brackets): micromark matches them in quadratic time or worse (a body of
 * 150,000 `*_` did not finish in ten minutes; 8,000 marks take a second).
 */
export const MAX_PARSED_MARKS = 1000;

/** Whether parsing the body for this rule is bounded (MAX_PARSED_LENGTH, MAX_PARSED_MARKS): one linear pass. */
export function parseIsBounded(body: string): boolean {
  if (body.length > MAX_PARSED_LENGTH) return false;
  let marks = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    // * _ ~ ` [ ]
    if (
      (c === 0x2a || c === 0x5f || c === 0x7e || c === 0x60 || c === 0x5b || c === 0x5d) &&
      ++marks > MAX_PARSED_MARKS
    )
      return false;
  }
  return true;
}

/** Anything that could change how `**` parses: other marks, escapes, code, HTML, links. */
const UNSURE = /[_~\\`<[\]]/;
/** `**X**` on one line, X without `*` and not starting or ending with white space. */
const PAIR = /\*\*([^*\s](?:[^*\n]*[^*\s])?)\*\*/gu;
const SPACE = /\s/u;
const PUNCT = /[\p{P}\p{S}]/u;

/**
 * The usual body with emphasis, decided without the parser (about 1 ms a
 * body): every `*` is in a bold pair `**X**` on one line, X not starting or
 * ending with white space, no other marks, escapes, code, HTML or links, and
 * each pair's marks flank their text as CommonMark wants (punctuation inside
 * only against white space, punctuation or Chinese outside, the CJK-friendly
 * rule). Conservative: when in doubt, false, and the parser decides. A
 * property test holds it to the parser: whatever it passes has no finding.
 */
export function surelyAllBold(body: string): boolean {
  if (UNSURE.test(body)) return false;
  let rest = '';
  let from = 0;
  for (const m of body.matchAll(PAIR)) {
    const start = m.index!;
    const end = start + m[0].length;
    const inner = m[1]!;
    const before = [...body.slice(Math.max(0, start - 2), start)].at(-1);
    const after = [...body.slice(end, end + 2)][0];
    if (before === '*' || after === '*') return false;
    if (!flanks(inner[0]!, before) || !flanks([...inner].at(-1)!, after)) return false;
    rest += body.slice(from, start);
    from = end;
  }
  rest += body.slice(from);
  return !rest.includes('*');
}

/** Whether a mark between `outside` and `inside` (its text's first or last character) opens or closes there. */
function flanks(inside: string, outside: string | undefined): boolean {
  if (!PUNCT.test(inside)) return true;
  return outside === undefined || SPACE.test(outside) || PUNCT.test(outside) || CJK_CHAR.test(outside);
}

const RUN = /\*+|_+|~+/g;
const WORD = /[\p{L}\p{N}]/u;
const ASCII_WORD = /[A-Za-z0-9]/;
const KIND = { '*': '加粗或斜体', _: '加粗或斜体', '~': '删除线' } as const;

/**
 * The marks of emphasis (`*`, `_`) and strikethrough (`~`) that the renderer's
 * parser (text/markdown-syntax.ts) leaves in text nodes of `tree`, the body's
 * syntax tree, at their indexes in the body.
 * Escaped marks (`\*`) are meant as they are; so are a single `*` or `_`
 * between two letters or digits (3*4, report_2009) and a single `~` (10~20).
 */
export function findLiteralDelimiters(body: string, tree: Root): TextFinding[] {
  const out: TextFinding[] = [];
  const visit = (node: Nodes | Root) => {
    if (node.type === 'text') {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start !== undefined && end !== undefined) pushAll(out, literalRuns(body, start, end));
      return;
    }
    // An autolink's text is its address (www.x.org/a_b), not prose.
    if (node.type === 'link' && node.position && body[node.position.start.offset ?? 0] !== '[') return;
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return out;
}

/** The literal runs of marks in body[start, end), the source of one text node. */
function literalRuns(body: string, start: number, end: number): TextFinding[] {
  const source = body.slice(start, end);
  const out: TextFinding[] = [];
  for (const m of source.matchAll(RUN)) {
    let at = m.index!;
    let run = m[0];
    // A backslash escapes the first mark of a run (an even number of backslashes escape each other).
    let slashes = 0;
    while (source[at - 1 - slashes] === '\\') slashes++;
    if (slashes % 2 === 1) {
      at++;
      run = run.slice(1);
    }
    if (run === '') continue;
    const mark = run[0] as keyof typeof KIND;
    const before = source[at - 1] ?? body[start + at - 1] ?? '';
    const after = source[at + run.length] ?? body[start + at + run.length] ?? '';
    if (run.length === 1 && mark === '~') continue;
    if (run.length === 1 && mark === '*' && ASCII_WORD.test(before) && ASCII_WORD.test(after)) continue;
    if (run.length === 1 && mark === '_' && WORD.test(before) && WORD.test(after) && ASCII_WORD.test(before + after))
      continue;
    out.push({
      index: start + at,
      length: run.length,
      message:
        `这里的「${run}」没有成为${KIND[mark]}，网页和印刷版上会原样印出。` +
        '请检查符号是否成对、是否紧挨文字（里侧不留空格）；要印出符号本身，在前面加 \\。',
    });
  }
  return out;
}
