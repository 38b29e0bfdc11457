import { existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { IssueHead } from '../model/checked-issue.js';
import { ISSUES_DIR } from '../paths.js';

/**
 * The issue `--to` names, as `yongzu pdf` reads its issues: the folder name
 * (`2009-18`), the folder (`issues/2009-18`, or a path to it), or the total
 * number (`476`, `总第476期`). Otherwise the Chinese reason why not, with what
 * to do: the folder is missing, or there but not a valid issue.
 */
export function findIssue(
  root: string,
  issues: readonly IssueHead[],
  to: string,
): { issue: IssueHead } | { problem: string } {
  const cleaned = to.trim().replace(/[\\/]+$/, '');
  const issuesDir = join(root, ISSUES_DIR);
  const byPath = relative(issuesDir, resolve(root, cleaned));
  const name = byPath !== '' && !byPath.startsWith('..') && !byPath.includes(sep) ? byPath : cleaned;
  const folder = name.replace(/^(?:\.[\\/])?issues[\\/]/, '');
  const total = /^(?:总第)?(\d+)期?$/.exec(folder)?.[1];
  const issue =
    issues.find((i) => i.folder === folder) ?? (total ? issues.find((i) => i.meta.total === Number(total)) : undefined);
  if (issue) return { issue };
  const known = issues.map((i) => `${i.folder}（总第${i.meta.total}期）`).join('、');
  if (!total && !folder.includes('/') && existsSync(join(issuesDir, folder)))
    return {
      problem:
        `issues/${folder} 这个文件夹在，但它的 issue.yml 缺了或有错，还不是有效的一期。` +
        '请先运行「yongzu check」，看看 issue.yml 有什么问题。',
    };
  return {
    problem:
      (total ? `没有总第${total}期。` : `没有「${to}」这一期（issues/${folder} 不存在）。`) +
      `--to 写这一期的文件夹名（如 2009-18）、文件夹（如 issues/2009-18）或总期号（如 476）；` +
      `${known ? `现有：${known}。` : 'issues/ 下还没有任何一期。'}要新建下一期，先运行「yongzu new issue」。`,
  };
}
