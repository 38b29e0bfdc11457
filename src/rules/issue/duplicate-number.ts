import type { Diagnostic, Place } from '../../diagnostics/diagnostic.js';
import { otherIssue } from '../examples.js';
import { defineRule } from '../rule.js';

/** What the rules across issues read of each: its issue.yml, numbers, and where they are written. */
export interface NumberedIssue {
  file: string;
  meta: { year: number; issue: number; total: number };
  places: { issue: Place; total: Place };
}

/** No two folders claim the same year and issue. */
export const duplicateNumber = defineRule({
  id: 'issue/duplicate-number',
  kind: 'source',
  severity: 'error',
  summary: '两个文件夹的 issue.yml 是同一年的同一期',
  description:
    '每一年里，每个期号只能有一期。两个文件夹的 issue.yml 写了同样的 year 和 issue，多是复制文件夹新建一期后忘了改期号；' +
    '网页地址和 PDF 的文件名都由年份和期号组成，重复了就会互相覆盖。' +
    '报告在后一个文件夹的 issue.yml 上，并指出前一个。',
  fix: '核对两期的期号，改正其中写错的一个（新建一期最好用「yongzu new issue」，它自动接着编号）。',
  examples: {
    fail: [{ files: otherIssue('2009-19', 18, 477), at: 'issues/2009-19/issue.yml:2:8' }],
    pass: [{ files: otherIssue('2009-19', 19, 477) }],
  },
});

/** Each issue whose year and issue an earlier one already has. */
export function duplicateNumbers(issues: readonly NumberedIssue[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Map<string, NumberedIssue>();
  for (const issue of issues) {
    const key = `${issue.meta.year}-${issue.meta.issue}`;
    const same = seen.get(key);
    if (same)
      out.push(
        duplicateNumber.report(
          issue.file,
          issue.places.issue,
          `${issue.meta.year}年第${issue.meta.issue}期已由 ${same.file} 使用。请核对期号。`,
        ),
      );
    else seen.set(key, issue);
  }
  return out;
}
