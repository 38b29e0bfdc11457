import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { pdfUnknownIssue } from '../rules/pdf/unknown-issue.js';
import type { IssueModel } from '../model/issue-model.js';

/**
 * Picks issues by what an editor types: the folder name (`2009-18`) or the
 * total number (`476`, also `总第476期`). No selector means every issue.
 * Unknown selectors become one error each, listing what there is.
 */
export function selectIssues(
  issues: readonly IssueModel[],
  selectors: readonly string[],
): { value: IssueModel[]; diagnostics: Diagnostic[] } {
  if (selectors.length === 0) return { value: [...issues], diagnostics: [] };
  const value: IssueModel[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const raw of selectors) {
    const selector = raw
      .trim()
      .replace(/\/+$/, '')
      .replace(/^issues\//, '');
    const total = /^(?:总第)?(\d+)期?$/.exec(selector)?.[1];
    const found =
      issues.find((i) => i.folder === selector) ?? (total ? issues.find((i) => i.total === Number(total)) : undefined);
    if (!found) {
      const known = issues.map((i) => `${i.folder}（总第${i.total}期）`).join('、') || '（issues/ 下还没有任何一期）';
      diagnostics.push(
        pdfUnknownIssue.report(
          'issues',
          undefined,
          `没有找到「${raw}」这一期。请写期的文件夹名（如 2009-18）或总期号（如 476）；现有：${known}。`,
        ),
      );
    } else if (!value.includes(found)) {
      value.push(found);
    }
  }
  return { value, diagnostics };
}
