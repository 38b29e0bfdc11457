import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { createDiagnostic } from '../../diagnostics/diagnostic.js';
import type { CheckedIssue } from '../../model/checked-issue.js';
import type { PageCounts } from '../../model/page-counts.js';

/**
 * pdf/page-budget (in check): an issue whose last printed PDF ran over the
 * configured page count. check does not print; it reads the page counts that
 * the last build or `yongzu pdf` recorded, and says so.
 */
export function checkPageBudget(issues: readonly CheckedIssue[], budget: number, counts: PageCounts): Diagnostic[] {
  return issues.flatMap((issue) => {
    const last = counts[issue.folder];
    if (!last || last.pages <= budget) return [];
    return [
      createDiagnostic(
        issue.file,
        { line: 1, column: 1 },
        'warning',
        'pdf/page-budget',
        `上次生成的 PDF（${last.at.slice(0, 10)}）共 ${last.pages} 页，超出页数预算（${budget} 页）${last.pages - budget} 页。请压缩稿件，` +
          `或调整 yongzu.config.yml 的 pageBudget；改完后重新生成 PDF 核对。`,
      ),
    ];
  });
}
