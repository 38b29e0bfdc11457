import { defineRule } from '../rule.js';

/** yongzu import: a text file in no encoding yongzu reads. */
export const importUndecodable = defineRule({
  id: 'import/undecodable',
  kind: 'run',
  severity: 'error',
  summary: '要导入的文本文件读不出文字（不是 UTF-8 或 GB18030/GBK）',
  description:
    '导入 .txt、.md 文件时，文字要是 UTF-8 或 GB18030/GBK 编码（带标记的 UTF-16 也可以）。认不出编码的文件不导入，以免把乱码编进稿件。什么也没有写。',
  fix: '用记事本或 WPS 打开，「另存为」UTF-8 编码后再导入。',
});
