import { defineRule } from '../rule.js';

/** Paged.js dropped content while paginating. */
export const pdfContentLost = defineRule({
  id: 'pdf/content-lost',
  kind: 'run',
  severity: 'error',
  summary: '分页时丢了文字，这一期的 PDF 没有生成',
  description:
    '排版后逐段核对：正文的每一段都要出现在 PDF 里。分页程序（Paged.js）偶尔会丢掉放不下的内容（比一页还长的表格、极长的段落），这时宁可不出这一期的 PDF（yongzu build 这一次什么也不写），' +
    '也不出缺字的印刷版。报告里写明缺了几段、第一段的开头。',
  fix: '找到报告里那一段，拆开比一页还长的表格或段落，再生成。',
});
