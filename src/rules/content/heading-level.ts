import { defineRule } from '../rule.js';
import type { TextFinding } from '../text-finding.js';

const NUMERAL = '[一二三四五六七八九十百零〇]+';

/** The four levels of Chinese numbering (GB/T 9704-2012, 7.3.3), with the Markdown heading each is. */
export const NUMBERING_LEVELS: readonly { level: number; name: string; example: string; pattern: RegExp }[] = [
  { level: 1, name: '第一级', example: '一、', pattern: new RegExp(`^${NUMERAL}、`) },
  { level: 2, name: '第二级', example: '（一）', pattern: new RegExp(`^[（(]${NUMERAL}[）)]`) },
  { level: 3, name: '第三级', example: '1.', pattern: /^[0-9０-９]+(?:[.．、](?![0-9])|$)/ },
  { level: 4, name: '第四级', example: '（1）', pattern: /^[（(][0-9０-９]+[）)]/ },
];

/** The numbering level a heading's text starts with (1 to 4), or undefined when it has none. */
export function numberingLevel(text: string): number | undefined {
  return NUMBERING_LEVELS.find((l) => l.pattern.test(text))?.level;
}

const CODE = /^(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:\n\1[^\n]*|$)/gm;
const HEADING = /^( {0,3})(#{1,6})[ \t]+(.*)$/gm;

/**
 * A heading numbered 一、 is a first-level heading (`#`), （一） a second
 * (`##`), 1. a third (`###`), （1） a fourth (`####`): the order of Chinese
 * official documents. A heading whose numbering and level disagree would print
 * in the wrong size and face.
 */
export const headingLevel = defineRule({
  id: 'content/heading-level',
  kind: 'source',
  severity: 'warning',
  summary: '小标题的序号和级别不符（如「### 一、」）',
  description:
    '正文里的小标题用「#」的个数表示级别，序号也有级别：一、是第一级，（一）是第二级，1. 是第三级，（1）是第四级' +
    '（GB/T 9704-2012 的层次序数）。「#」对应第一级，「##」第二级，「###」第三级，「####」第四级。两者不符时，' +
    '小标题会排成别的级别的字体和字号（如「### 一、」排成第三级）。没有序号的小标题不查。',
  fix: '按序号改「#」的个数：「# 一、」「## （一）」「### 1.」「#### （1）」。',
  examples: {
    fail: [
      { text: '### 一、强化组织保障\n\n一是调配干部。', at: '1:1' },
      { text: '# （一）建立培训基地', at: '1:1' },
      { text: '## 一、强化组织保障\n\n### 1．集中轮训', at: '1:1' },
    ],
    pass: [
      { text: '# 一、强化组织保障\n\n## （一）建立培训基地\n\n### 1. 集中轮训\n\n#### （1）县级轮训' },
      { text: '### 工作成效\n\n一是调配干部。' },
    ],
  },
});

/** The headings of a body whose numbering does not match their level. */
export function findHeadingLevels(body: string): TextFinding[] {
  if (!body.includes('#')) return [];
  const text =
    body.includes('```') || body.includes('~~~') ? body.replace(CODE, (m) => m.replace(/[^\n]/g, ' ')) : body;
  const out: TextFinding[] = [];
  for (const m of text.matchAll(HEADING)) {
    const depth = m[2]!.length;
    const level = NUMBERING_LEVELS.find((l) => l.pattern.test(m[3]!.trim()));
    if (!level || level.level === depth) continue;
    const number = m[3]!.trim().match(level.pattern)![0];
    const right = '#'.repeat(level.level);
    out.push({
      index: m.index! + m[1]!.length,
      length: depth,
      message:
        `小标题的序号「${number}」是${level.name}，应写作「${right} ${number}…」，而不是「${m[2]} ${number}…」` +
        '（一、用 #，（一）用 ##，1. 用 ###，（1）用 ####）。',
    });
  }
  return out;
}
