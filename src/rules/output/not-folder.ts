import { defineRule } from '../rule.js';

/** OUT names a file. */
export const outputNotFolder = defineRule({
  id: 'output/not-folder',
  kind: 'run',
  severity: 'error',
  summary: '--out 指向的是一个文件，不是文件夹',
  description: '输出要写进一个文件夹。--out 指向一个已有的文件时，不会动它，什么也不写。',
  fix: '把 --out 换成一个文件夹的路径（可以是还不存在的文件夹）。',
});
