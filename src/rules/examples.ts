/**
 * The example project that every project example of the catalogue is written
 * over: one valid issue with one submission, which `yongzu check` passes
 * without a word. An example gives only the files it adds, changes or removes.
 */

export const ISSUE_YML = 'issues/2009-18/issue.yml';
export const SUBMISSION = 'issues/2009-18/01-jianghua.md';
export const THEME = '各县区创新组织工作服务新型工业化发展';
export const BODY = '一是根据需要调配干部。二是跟踪项目考核干部。三是坚持一线锻炼干部。\n';

export const ISSUE_TEXT = `year: 2009
issue: 18
total: 476
date: 2009-06-15
themes:
  - ${THEME}
`;

export const FRONT_MATTER = `---
issue: 18
county: 江华县
theme: ${THEME}
title: 江华县全力为新型工业化提供干部保障
---
`;

export const SUBMISSION_TEXT = `${FRONT_MATTER}\n${BODY}`;

export const EXAMPLE_PROJECT: Readonly<Record<string, string>> = {
  [ISSUE_YML]: ISSUE_TEXT,
  [SUBMISSION]: SUBMISSION_TEXT,
};

/** `text` with `from` replaced by `to`; throws when `from` is not in it, so that no example silently stops applying. */
export function replaced(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`example: 「${from}」 not found`);
  return text.replace(from, to);
}

/** A file of the example project (issue.yml or the submission) with `from` replaced by `to`, as an example's files. */
export function edited(path: typeof ISSUE_YML | typeof SUBMISSION, from: string, to: string): Record<string, string> {
  return { [path]: replaced(EXAMPLE_PROJECT[path]!, from, to) };
}

/** Another issue folder: issue.yml with `issue` and `total` as given, and a submission of that issue. */
export function otherIssue(folder: string, issue: number, total: number): Record<string, string> {
  return {
    [`issues/${folder}/issue.yml`]: replaced(
      replaced(ISSUE_TEXT, 'issue: 18', `issue: ${issue}`),
      'total: 476',
      `total: ${total}`,
    ),
    [`issues/${folder}/01-jianghua.md`]: replaced(SUBMISSION_TEXT, 'issue: 18', `issue: ${issue}`),
  };
}
