import { defineRule } from '../rule.js';

/** yongzu pdf: no issue to print at all. */
export const pdfNoIssue = defineRule({
  id: 'pdf/no-issue',
  kind: 'run',
  severity: 'error',
  summary: '没有可以生成 PDF 的期',
  description: 'issues/ 下没有一期的 issue.yml 是有效的，所以没有可印的期。',
  fix: '先运行「yongzu check」查看并改正问题，或用「yongzu new issue」新建一期。',
});
