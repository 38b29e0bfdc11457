import { defineRule } from '../rule.js';

/** yongzu new issue: the folder exists already. */
export const newExists = defineRule({
  id: 'new/exists',
  kind: 'run',
  severity: 'error',
  summary: '要新建的那一期的文件夹已经存在',
  description:
    'yongzu new issue 接着已有各期编号，新建文件夹（如 issues/2009-19）。这个文件夹已经有了，多半是它的 issue.yml ' +
    '缺了或有错，没有算进已有的期。已有的文件一个也不动。',
  fix: '运行「yongzu check」，看看这个文件夹的 issue.yml 有什么问题，改正后再新建。',
});
