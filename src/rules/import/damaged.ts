import { defineRule } from '../rule.js';

/** yongzu import: a damaged .docx, or not really one. */
export const importDamaged = defineRule({
  id: 'import/damaged',
  kind: 'run',
  severity: 'error',
  summary: 'Word 文件已损坏，或不是真正的 .docx',
  description: '.docx 文件读不出来：文件已损坏，或只是把别的文件（如 .doc、.wps）改成了 .docx 的扩展名。什么也没有写。',
  fix: '在 Word 或 WPS 里打开，重新「另存为」.docx 后再导入。',
});
