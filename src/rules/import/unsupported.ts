import { defineRule } from '../rule.js';

/** yongzu import: a kind of file it does not read (.doc, .wps, others). */
export const importUnsupported = defineRule({
  id: 'import/unsupported',
  kind: 'run',
  severity: 'error',
  summary: '不支持导入这种文件（旧版 .doc、.wps 或其他）',
  description: 'yongzu import 能读 .docx、.txt 和 .md。旧版的 .doc、WPS 的 .wps 以及其他格式读不了。什么也没有写。',
  fix: '在 Word 或 WPS 里打开，「另存为」.docx 后再导入。',
});
