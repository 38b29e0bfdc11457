import { defineRule } from '../rule.js';
import type { TextFinding } from '../text-finding.js';

// Fenced code (its fence taken whole, atomically: linear on a line of backticks), inline code.
const CODE = [/^(?=(`{3,}|~{3,}))\1[^\n]*\n[\s\S]*?(?:\n\1[^\n]*|$)/gm, /`+[^`\n]*`+/g];
const TAG = /<!--|<\/?([A-Za-z][\w-]*)(?=[\s/>])[^>\n]*>?/g;

/**
 * HTML written into a body is not rendered (it could carry script); the
 * editor is told where it is so nothing disappears unnoticed.
 */
export const rawHtml = defineRule({
  id: 'content/raw-html',
  kind: 'source',
  severity: 'warning',
  summary: '正文里有 HTML 标记',
  description:
    '正文用 Markdown 写。HTML 标记（如 <span style=…>、<font>、<!-- 注释 -->）出于安全不会显示：标记本身被丢掉，' +
    '标记里的文字保留。从网页或公众号后台复制的文字最容易带进来。本规则指出标记所在的位置，以免格式悄悄丢失。' +
    '代码里的标记不算。',
  fix: '删去 HTML 标记，改用 Markdown（如加粗写作 **文字**）或纯文字。',
  examples: {
    fail: [
      { text: '一是<span style="color:red">根据</span>需要调配干部。', at: '1:3' },
      { text: '<!-- 待核实 -->一是根据需要调配干部。', at: '1:1' },
      { text: '<span onclick="x()">坚持</span>学习培训', at: '1:1' },
    ],
    pass: [{ text: '一是**根据**需要调配干部。' }, { text: '网页里的 `<span>` 标记' }],
  },
});

/** The HTML tags and comments of a body, masked code aside. */
export function findRawHtml(body: string): TextFinding[] {
  let text = body;
  for (const re of CODE) text = text.replace(re, (m) => m.replace(/[^\n]+/g, (run) => ' '.repeat(run.length)));
  const out: TextFinding[] = [];
  for (const m of text.matchAll(TAG)) {
    const what = m[1] ? `<${m[1].toLowerCase()}>` : '<!-- 注释 -->';
    out.push({
      index: m.index!,
      length: m[0].length,
      message: `正文里有 HTML 标记「${what}」，出于安全不会显示（标记内的文字保留）。请改用 Markdown 或纯文字。`,
    });
  }
  return out;
}
