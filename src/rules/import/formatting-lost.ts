import { defineRule } from '../rule.js';

/** yongzu import: bold or italic that Markdown cannot express where it stands, left out. */
export const importFormattingLost = defineRule({
  id: 'import/formatting-lost',
  kind: 'run',
  severity: 'warning',
  summary: '有几段的加粗或斜体写不成 Markdown，没有保留',
  description:
    '导入时 Word 里的加粗写成 **文字**。少数位置（如英文单词紧挨着加粗的引号：Word“加粗”）按 Markdown 的规则' +
    '加粗不会生效，只能写成字符引用（&#x…;）这样编辑看不懂的形式。这时宁可去掉这一段的加粗、斜体，文字一字不少，' +
    '并在报告里说明有几段。',
  fix: '对照 Word 原文，需要加粗的地方手工加上 **，或改写一下（如在英文单词和引号之间加个空格）。',
});
