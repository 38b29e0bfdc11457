import { defineRule } from '../rule.js';

/** yongzu new issue: the folder exists already. */
export const newExists = defineRule({
  id: 'new/exists',
  kind: 'run',
  severity: 'error',
  summary: '要新建的那一期的文件夹已经存在',
  description:
    'yongzu new issue 按年份和期号新建文件夹（如 issues/2009-19），这个文件夹已经有了。已有的文件一个也不动。',
  fix: '核对是不是已经建过这一期；确要另建的，用 --date 指定日期。',
});
