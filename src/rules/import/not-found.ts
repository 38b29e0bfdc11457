import { defineRule } from '../rule.js';

/** yongzu import: no such file. */
export const importNotFound = defineRule({
  id: 'import/not-found',
  kind: 'run',
  severity: 'error',
  summary: '要导入的文件找不到',
  description: '「yongzu import 文件 …」给的路径下没有这个文件（相对路径从当前文件夹算起）。什么也没有写。',
  fix: '核对文件的路径和名字，或把文件拖进终端窗口得到完整路径。',
});
