import { defineRule } from '../rule.js';

/** yongzu new submission / import: --to is not a valid issue folder. */
export const newNoIssue = defineRule({
  id: 'new/no-issue',
  kind: 'run',
  severity: 'error',
  summary: '--to 指向的不是有效的一期',
  description:
    'yongzu new submission 和 yongzu import 要把稿件放进 --to 指明的那一期：它得是 issues/ 下、有有效 issue.yml 的文件夹。什么也没有写。',
  fix: '用 --to 指明一期的文件夹，如 --to issues/2009-18；还没有这一期的，先运行「yongzu new issue」；issue.yml 有错的，先运行「yongzu check」改正。',
});
