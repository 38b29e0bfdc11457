import { defineRule } from '../rule.js';

/**
 * yongzu import: a file, or what it turns into, past what `check` accepts.
 * Nothing is written, so that no later build fails on what import made.
 */
export const importTooLarge = defineRule({
  id: 'import/too-large',
  kind: 'run',
  severity: 'error',
  summary: '要导入的文件太大，或转换后超过稿件的大小上限',
  description:
    '一篇稿件通常只有几十 KB。要导入的文件太大（或 Word 文件解压后的文字部分太大），或者转换成的稿件超过' +
    '「yongzu check」允许的大小时，不导入，什么也不写：写进去的稿件只会让以后每次检查和生成都报错。',
  fix: '检查是否选错了文件，或原文件里是否混入了大量表格、重复内容；在 Word/WPS 里删去后另存为 .docx，再导入。',
});
