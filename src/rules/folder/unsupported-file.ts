import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { defineRule } from '../rule.js';

/** A file in an issue folder that is neither issue.yml nor a Markdown submission. */
export const unsupportedFile = defineRule({
  id: 'folder/unsupported-file',
  kind: 'source',
  severity: 'warning',
  summary: '一期的文件夹里有不是 .md 稿件的文件（如 .docx、.txt），不会编入刊物',
  description:
    '一期的文件夹里只有 issue.yml 和 .md 稿件会编入刊物。县区交来的 Word 文件、文本文件放在这里不会被读取，' +
    '容易以为已经收进去了，所以提醒。',
  fix:
    'Word、WPS、文本文件用「yongzu import 文件 --to 本期文件夹 --county 县区名」转为稿件；不需要的移出文件夹，' +
    '或把文件名改为以「_」开头。',
  examples: {
    fail: [
      {
        files: { 'issues/2009-18/江华县来稿.txt': '江华县全力为新型工业化提供干部保障。' },
        at: 'issues/2009-18/江华县来稿.txt:1:1',
      },
    ],
    pass: [
      {
        files: { 'issues/2009-18/_江华县来稿.txt': '江华县全力为新型工业化提供干部保障。' },
        note: '以「_」开头的文件不看。',
      },
      {
        files: { 'issues/2009-18/_草稿.md': '还没写完', 'issues/2009-18/.01-jianghua.md.swp': 'x' },
        note: '以「_」或「.」开头的文件（草稿、编辑软件的临时文件）都不看。',
      },
    ],
  },
});

/** The warning of a file `name` in the issue folder `folder` that is not a submission. */
export function unsupportedFileIn(folder: string, name: string): Diagnostic {
  const hint = /\.(docx?|wps|txt)$/i.test(name)
    ? `请用「yongzu import ${folder}/${name} --to ${folder} --county 县区名」转为稿件。`
    : '如不需要，请移出此文件夹或以「_」开头命名。';
  return unsupportedFile.report(
    `${folder}/${name}`,
    undefined,
    `这个文件不是 Markdown 稿件（.md），不会编入刊物。${hint}`,
  );
}
