import { defineRule } from '../rule.js';

/** The CMYK profile for PDF/X is not installed: the PDF is CMYK but declares no PDF/X. */
export const pdfNoOutputIntent = defineRule({
  id: 'pdf/no-output-intent',
  kind: 'run',
  severity: 'warning',
  summary: '没有找到印刷用的 CMYK 色彩特性文件，PDF 没有声明 PDF/X',
  description:
    '印刷版 PDF 的文字和线条都转成 CMYK（黑色只用 K），并按 PDF/X-4 声明输出意图，印刷厂据此核对颜色。' +
    '声明输出意图要嵌入一个 CMYK 色彩特性文件（ICC），它来自 Debian 软件包 libgs-common；没有装时 PDF 照样生成、颜色也已是 CMYK，但不是 PDF/X 文件。',
  fix: '运行 npm run setup（或 sudo apt-get install libgs-common）后重新生成 PDF。',
});
