import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { SUBMISSION, SUBMISSION_TEXT } from '../examples.js';
import { defineRule } from '../rule.js';

/** A binary file, or an encoding that is neither UTF-8 nor GB18030 (nor UTF-16 with its mark). */
export const undecodable = defineRule({
  id: 'encoding/undecodable',
  kind: 'source',
  severity: 'error',
  summary: '文件读不出文字：不是文本文件，或编码认不出',
  description:
    '稿件、issue.yml 和 yongzu.config.yml 都要是文本文件。改了扩展名的 Word 文件、图片、压缩包，' +
    '或既不是 UTF-8 也不是 GB18030/GBK 的文字，都读不出来；yongzu 宁可拒绝，也不把乱码编进刊物。',
  fix: 'Word 文件用「yongzu import」导入；文本文件用记事本或 WPS「另存为」UTF-8 编码。',
  examples: {
    fail: [
      {
        files: { [SUBMISSION]: { hex: '504b0304000008000000ffd8ffe000104a464946' } },
        at: `${SUBMISSION}:1:1`,
        note: '一个改成 .md 的压缩包（Word 的 .docx 就是压缩包）。',
      },
    ],
    pass: [{ files: { [SUBMISSION]: SUBMISSION_TEXT } }],
  },
});

/** The error of a source file that could not be decoded: binary, or an unknown encoding. */
export function undecodableSource(file: string, reason: 'binary' | 'undecodable'): Diagnostic {
  return undecodable.report(
    file,
    undefined,
    reason === 'binary'
      ? '这不是文本文件（可能是 Word、图片或压缩包改了扩展名），无法读取。Word 文件请用「yongzu import」导入。'
      : '无法识别文件的编码（既不是 UTF-8，也不是 GB18030/GBK）。请用记事本或 WPS「另存为」UTF-8 编码。',
  );
}
