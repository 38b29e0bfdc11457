import type { CopyFinding } from '../copy/copy-rule.js';

// Fenced code (its fence taken whole, atomically: linear on a line of backticks), inline code.
const CODE = [/^(?=(`{3,}|~{3,}))\1[^\n]*\n[\s\S]*?(?:\n\1[^\n]*|$)/gm, /`+[^`\n]*`+/g];
const TAG = /<!--|<\/?([A-Za-z][\w-]*)(?=[\s/>])[^>\n]*>?/g;

/**
 * content/raw-html: HTML written into a body is not rendered (it could carry
 * script); the editor is told where it is so nothing disappears unnoticed.
 *
 * ok: 一是根据需要调配干部。 · not ok: 一是<span style="color:red">根据</span>需要调配干部。
 */
export function findRawHtml(body: string): CopyFinding[] {
  let text = body;
  for (const re of CODE) text = text.replace(re, (m) => m.replace(/[^\n]+/g, (run) => ' '.repeat(run.length)));
  const out: CopyFinding[] = [];
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
