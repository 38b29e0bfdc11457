import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { ISSUE_TEXT, ISSUE_YML, SUBMISSION, SUBMISSION_TEXT } from '../examples.js';
import { defineRule } from '../rule.js';

/** Submissions in a folder without issue.yml, or directly in issues/, belong to no issue. */
export const noIssueYml = defineRule({
  id: 'folder/no-issue-yml',
  kind: 'source',
  severity: 'error',
  summary: '稿件所在的文件夹没有 issue.yml（或稿件直接放在 issues/ 下）',
  description:
    'issues/ 下每期一个文件夹，里面有这一期的 issue.yml 和各篇稿件。没有 issue.yml 的文件夹不是一期，' +
    '里面的稿件不会编入任何一期；直接放在 issues/ 下的稿件也一样。issue.yml 写成了 issue.yaml、Issue.yml 之类的，' +
    '报告里会说改成什么名字。',
  fix:
    '给文件夹加上 issue.yml（写明 year、issue、total、date、themes，或用「yongzu new issue」新建一期），' +
    '或把稿件移到对应一期的文件夹；还没写完的稿件，文件名以「_」开头，就不会被检查。',
  examples: {
    fail: [
      { files: { [ISSUE_YML]: null }, at: `${SUBMISSION}:1:1` },
      { files: { 'issues/01-jianghua.md': SUBMISSION_TEXT }, at: 'issues/01-jianghua.md:1:1' },
      { files: { [ISSUE_YML]: null, 'issues/2009-18/issue.yaml': ISSUE_TEXT }, at: 'issues/2009-18/issue.yaml:1:1' },
    ],
    pass: [
      { files: { [ISSUE_YML]: ISSUE_TEXT } },
      { files: { 'issues/2009-19/_01-jianghua.md': SUBMISSION_TEXT }, note: '以「_」开头的草稿不检查。' },
    ],
  },
});

/** A submission lying directly in issues/. */
export function looseSubmission(file: string): Diagnostic {
  return noIssueYml.report(
    file,
    undefined,
    '稿件直接放在了 issues/ 下，不属于任何一期。请把它移到对应一期的文件夹里（与 issue.yml 放在一起）。',
  );
}

/** A folder with submissions (or a misnamed issue.yml, `alt`) and no issue.yml, reported at `file`. */
export function folderWithoutIssueYml(folder: string, file: string, alt: string | undefined): Diagnostic {
  return noIssueYml.report(
    file,
    undefined,
    `文件夹 ${folder} 有稿件，但没有 issue.yml，这些稿件不会被编入任何一期。` +
      (alt
        ? `请把「${alt}」改名为「issue.yml」。`
        : '请添加 issue.yml（写明 year、issue、total、date、themes）；草稿请以「_」开头命名。'),
  );
}
