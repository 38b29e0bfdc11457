import { defineRule } from '../rule.js';

/** A font written as Type 3 or not embedded (print shops reject it). */
export const pdfFontType3 = defineRule({
  id: 'pdf/font-type3',
  kind: 'run',
  severity: 'warning',
  summary: 'PDF 里有印刷厂不接受的字体（Type 3 或没有嵌入）',
  description:
    '印刷厂要求字体以 TrueType（或 OpenType）嵌入 PDF。Type 3 字体或没有嵌入的字体，印出来可能走样，或被印刷厂退回。多是本机装了同名的 CFF 字体，Chromium 用了它。',
  fix: '安装 README 所列的字体，或删除本机的同名 CFF 字体后重新生成。',
});
