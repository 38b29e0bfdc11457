import { defineRule } from '../rule.js';

/** No Chromium to print with. */
export const pdfBrowser = defineRule({
  id: 'pdf/browser',
  kind: 'run',
  severity: 'error',
  summary: '找不到 Chromium 浏览器，没有生成 PDF',
  description:
    '印刷版 PDF 由本机的 Chromium（无界面模式）排版。找不到 Chromium，就生成不了 PDF；网站照常生成。报告里写明到哪里找过、怎样安装。',
  fix: '安装 Chromium（如 apt-get install chromium），或用环境变量 YONGZU_CHROMIUM 指向已有的 Chromium；只要网站时用 yongzu build --no-pdf。',
});
