import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { defineRule } from '../rule.js';

/** The project has an issues/ folder. */
export const noIssuesDir = defineRule({
  id: 'project/no-issues-dir',
  kind: 'source',
  severity: 'error',
  summary: '项目里没有 issues 文件夹',
  description:
    '稿件都放在项目文件夹下的 issues/ 里，每期一个子文件夹。找不到 issues/，多是在别的文件夹里运行了 yongzu，' +
    '或没有用 --root 指明项目在哪里。',
  fix: '到项目文件夹里运行，或用 --root 指定项目文件夹；新项目先建立 issues/（或运行「yongzu new issue」）。',
  examples: {
    fail: [{ files: { issues: null }, at: 'issues:1:1' }],
    pass: [{ files: {} }],
  },
});

export function missingIssuesDir(issuesDir: string): Diagnostic {
  return noIssuesDir.report(
    'issues',
    undefined,
    `找不到 issues 文件夹（${issuesDir}）。请在项目根目录下建立 issues/，每期一个子文件夹；或用 --root 指定项目目录。`,
  );
}
