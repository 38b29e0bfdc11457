import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { defineRule } from '../rule.js';
import { otherIssue } from '../examples.js';
import type { NumberedIssue } from './duplicate-number.js';

/** No two folders claim the same total. */
export const duplicateTotal = defineRule({
  id: 'issue/duplicate-total',
  kind: 'source',
  severity: 'error',
  summary: '两个文件夹的 issue.yml 是同一个总期号',
  description:
    '总期号（total，刊物创办以来的序号）每期不同。两个文件夹写了同一个 total，多是复制文件夹新建一期后忘了改总期号；' +
    '刊头印着它，「yongzu pdf 476」也按它找期。报告在后一个文件夹的 issue.yml 上，并指出前一个。',
  fix: '核对两期的总期号，改正其中写错的一个（「yongzu new issue」自动接着编号）。',
  examples: {
    fail: [{ files: otherIssue('2009-19', 19, 476), at: 'issues/2009-19/issue.yml:3:8' }],
    pass: [{ files: otherIssue('2009-19', 19, 477) }],
  },
});

/** Each issue whose total an earlier one already has. */
export function duplicateTotals(issues: readonly NumberedIssue[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Map<number, NumberedIssue>();
  for (const issue of issues) {
    const same = seen.get(issue.meta.total);
    if (same)
      out.push(
        duplicateTotal.report(
          issue.file,
          issue.places.total,
          `总第${issue.meta.total}期已由 ${same.file} 使用。请核对总期号。`,
        ),
      );
    else seen.set(issue.meta.total, issue);
  }
  return out;
}
