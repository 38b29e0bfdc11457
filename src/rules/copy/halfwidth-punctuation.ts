import { CN_PUNCT, type CopyRule, defineCopyRule, type TextFinding } from '../text-finding.js';

const FULL: Record<string, string> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '!': '！',
  '?': '？',
  '(': '（',
  ')': '）',
  '.': '。',
};
/**
 * CJK ideographs (BMP blocks and surrogate pairs of the supplementary ones); a range test, not a regex, as it runs per
 * character.
 */
const isHan = (c: string | undefined) => {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xd840 && code <= 0xd87f)
  );
};
const CANDIDATES = /[,;:!?()."]/g;
// One message string per mark, not one per finding: a long text can hold thousands of findings.
const MARK_MESSAGES = Object.fromEntries(
  Object.entries(FULL).map(([c, full]) => [c, `中文里用了半角标点「${c}」，应为全角「${full}」。`]),
);
const QUOTE_MESSAGES = {
  '“': '中文里用了半角引号「"」，应为全角「“」。',
  '”': '中文里用了半角引号「"」，应为全角「”」。',
};
const isCn = (c: string | undefined) => isHan(c) || (c !== undefined && CN_PUNCT.includes(c));
const isEnd = (c: string | undefined) => c === undefined || c === '\n';

/**
 * Half-width punctuation in Chinese text: `干部,会议` → `干部，会议`,
 * `"三严三实"` → `“三严三实”`. Numbers such as 1,000 and 10:30 are left alone.
 */
export const halfwidthPunctuation: CopyRule = defineCopyRule({
  id: 'copy/halfwidth-punctuation',
  kind: 'source',
  severity: 'warning',
  fixable: true,
  summary: '中文里用了半角标点（, ; : ! ? ( ) . "）',
  description:
    '中文行文用全角标点。稿件从英文输入法、网页或表格里复制时，常混进半角的逗号、冒号、引号等，' +
    '排出来字距和字形都不对。本规则找出挨着汉字的半角标点；数字里的逗号和冒号（如 1,000、10:30）、' +
    '英文里的句点（如 Node.js）不算。同一行里的半角引号按先后改成「“」和「”」。',
  fix:
    '改为对应的全角标点：「,」→「，」，「;」→「；」，「:」→「：」，「!」→「！」，「?」→「？」，' +
    '「( )」→「（ ）」，「.」→「。」，「"…"」→「“…”」。可用「yongzu check --fix」自动改正（原文件先备份）。',
  examples: {
    fail: [
      {
        text: '加强和充实了全县3个工业园区的领导力量,江华经开区升格为副处级',
        at: '1:20',
        fixed: '加强和充实了全县3个工业园区的领导力量，江华经开区升格为副处级',
      },
      { text: '领导力量,江华经开区', at: '1:5', fixed: '领导力量，江华经开区' },
      { text: '措施:部分专业', at: '1:3', fixed: '措施：部分专业' },
      { text: '坚持"三严三实"要求', at: '1:3', fixed: '坚持“三严三实”要求' },
      { text: '共43个,其中', at: '1:5', fixed: '共43个，其中' },
      { text: '效果显著!', at: '1:5', fixed: '效果显著！' },
    ],
    pass: [
      { text: '加强和充实了全县3个工业园区的领导力量，江华经开区升格为副处级' },
      { text: '共1,000人' },
      { text: '10:30开会' },
      { text: 'Node.js 与 npm', note: '英文里的半角标点不算。' },
    ],
  },
  check(text) {
    const out: TextFinding[] = [];
    let quoteOpen = false;
    // The next line end after the last mark (-1: none): looked up once per line, not per mark (linear on long lines).
    let lineEnd = text.indexOf('\n');
    // Visit only the half-width marks; quotes pair up within a line.
    for (const m of text.matchAll(CANDIDATES)) {
      const i = m.index!;
      const c = m[0];
      const prev = text[i - 1];
      const next = text[i + 1];
      if (lineEnd !== -1 && lineEnd < i) {
        quoteOpen = false;
        lineEnd = text.indexOf('\n', i);
      }
      if (c === '"') {
        if (isCn(prev) || isCn(next)) {
          const replacement = quoteOpen ? '”' : '“';
          out.push({ index: i, length: 1, replacement, message: QUOTE_MESSAGES[replacement] });
        }
        quoteOpen = !quoteOpen;
        continue;
      }
      const full = FULL[c];
      if (!full) continue;
      let hit: boolean;
      if (c === '.') hit = isHan(prev) && (isEnd(next) || isHan(next) || next === ' ');
      else if (c === '(') hit = isHan(prev) || isHan(next);
      else if (c === ')') hit = isHan(prev) || isHan(next);
      else hit = isCn(prev) || (isHan(next) && !/[0-9A-Za-z]/.test(prev ?? '')) || (isHan(next) && c === ',');
      if (hit) out.push({ index: i, length: 1, replacement: full, message: MARK_MESSAGES[c]! });
    }
    return out;
  },
});
