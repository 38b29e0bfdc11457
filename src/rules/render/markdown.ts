import { defineRule } from '../rule.js';

/** A body the Markdown renderer still cannot render; nothing is written. */
export const renderMarkdown = defineRule({
  id: 'render/markdown',
  kind: 'run',
  severity: 'error',
  summary: '这篇稿件的正文无法排版，本次没有写入任何文件',
  description:
    '正文在检查时没有发现问题，排版时 Markdown 解析器却处理不了（多是结构极其复杂的文字，如误粘贴的大量符号）。这一次不写出任何文件，以免网站缺了这篇稿件。',
  fix: '检查这篇稿件的正文，删去误粘贴的大量符号或层层嵌套的引用、列表，再运行一次。',
});
