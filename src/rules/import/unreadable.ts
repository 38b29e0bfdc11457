import { defineRule } from '../rule.js';

/** yongzu import: the file to import exists but cannot be read. */
export const importUnreadable = defineRule({
  id: 'import/unreadable',
  kind: 'run',
  severity: 'error',
  summary: '要导入的文件无法读取',
  description: '要导入的文件存在，但读不出来：多半是没有读取权限，或它是一个特殊文件。什么也没有写。',
  fix: '检查文件的读取权限（或先把它复制到桌面等自己的文件夹里），再导入。',
});
