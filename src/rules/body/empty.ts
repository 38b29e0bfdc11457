import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { FRONT_MATTER, SUBMISSION } from '../examples.js';
import { defineRule } from '../rule.js';

/** A submission has text under its front-matter. */
export const bodyEmpty = defineRule({
  id: 'body/empty',
  kind: 'source',
  severity: 'error',
  summary: '稿件只有文件头，没有正文',
  description:
    '文件头（两行「---」之间）下面要有正文。只有空行或空格的稿件，多是正文没有粘贴进来，或粘贴到了文件头里面。',
  fix: '在第二个「---」下面写上（粘贴进）正文。',
  examples: {
    fail: [{ files: { [SUBMISSION]: `${FRONT_MATTER}\n   \n` }, at: `${SUBMISSION}:6:1` }],
    pass: [{ files: { [SUBMISSION]: `${FRONT_MATTER}\n一是根据需要调配干部。\n` } }],
  },
});

/** The diagnostic of a body with nothing but white space, at the closing fence. */
export function checkBodyEmpty(file: string, body: string, bodyLine: number): Diagnostic[] {
  if (/[^\s\u3000]/.test(body)) return [];
  return [
    bodyEmpty.report(
      file,
      { line: Math.max(1, bodyLine - 1), column: 1 },
      '稿件正文是空的：请在第二个「---」下面写正文。',
    ),
  ];
}
