import { defineRule } from '../rule.js';

/** yongzu pdf: an issue that does not exist. */
export const pdfUnknownIssue = defineRule({
  id: 'pdf/unknown-issue',
  kind: 'run',
  severity: 'error',
  summary: 'yongzu pdf 给的期找不到',
  description:
    'yongzu pdf 后面写期的文件夹名（如 2009-18）或总期号（如 476、总第476期）。找不到的，报告里列出现有的各期。',
  fix: '照报告列出的现有各期改正；先运行「yongzu check」看看那一期的 issue.yml 有没有错。',
});
