import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { SUBMISSION, SUBMISSION_TEXT } from '../examples.js';
import { defineRule } from '../rule.js';

/** A GB18030/GBK or UTF-16 file: transcoded (never mojibake), with a warning. */
export const notUtf8 = defineRule({
  id: 'encoding/not-utf8',
  kind: 'source',
  severity: 'warning',
  summary: '文件不是 UTF-8 编码（GB18030/GBK 或 UTF-16），已自动转换',
  description:
    '稿件应存为 UTF-8 编码。老版本的记事本、WPS 常存成 GB18030/GBK（「ANSI」）编码，有的软件存成 UTF-16；' +
    'yongzu 会认出来并正确读取，不会出乱码，但其他软件（网页、Git、别的编辑器）可能显示乱码，所以提醒一句。' +
    '「yongzu import」导入这样的文本文件时也报告这一条。',
  fix: '用记事本或 WPS 打开，「另存为」时编码选 UTF-8。',
  examples: {
    fail: [{ files: { [SUBMISSION]: { text: SUBMISSION_TEXT, encoding: 'gb18030' } }, at: `${SUBMISSION}:1:1` }],
    pass: [
      { files: { [SUBMISSION]: SUBMISSION_TEXT } },
      {
        files: { [SUBMISSION]: `\uFEFF${SUBMISSION_TEXT.replace(/\n/g, '\r\n')}` },
        note: '带 BOM 的 UTF-8、Windows 的行尾（CRLF）都照常读取，行号、列号不变。',
      },
    ],
  },
});

/** The warning of a file that was read in another encoding than UTF-8. */
export function notUtf8Read(file: string, encoding: 'gb18030' | 'utf-16'): Diagnostic {
  const name = encoding === 'gb18030' ? 'GB18030/GBK' : 'UTF-16';
  return notUtf8.report(
    file,
    undefined,
    `文件编码是 ${name}，已自动转换后读取。建议另存为 UTF-8 编码，以免其他软件显示乱码。`,
  );
}
