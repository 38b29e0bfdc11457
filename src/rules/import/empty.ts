import { defineRule } from '../rule.js';

/** yongzu import: a Word file without text. */
export const importEmpty = defineRule({
  id: 'import/empty',
  kind: 'run',
  severity: 'error',
  summary: 'Word 文件里没有文字',
  description: '导入的 .docx 里读不到任何文字（可能只有图片，或是空白文档）。刊物只收文字，什么也没有写。',
  fix: '核对是不是选错了文件；稿件是图片（扫描件）的，请县区另交文字稿。',
});
