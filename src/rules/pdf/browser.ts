import { defineRule } from '../rule.js';

/** No Chromium to print with. */
export const pdfBrowser = defineRule({
  id: 'pdf/browser',
  kind: 'run',
  severity: 'error',
  summary: '找不到 Chromium 浏览器，排不了印刷版 PDF',
  description:
    '印刷版 PDF 由本机的 Chromium（无界面模式）排版。找不到 Chromium，或环境变量 YONGZU_CHROMIUM 指向的程序不能运行，' +
    '就排不了：yongzu build 这一次什么也不写（上一次的输出保持不变），' +
    'yongzu pdf 不生成 PDF。报告里写明到哪里找过、怎样安装。',
  fix:
    '安装 Chromium（sudo apt-get install chromium，或运行 npm run setup），或用环境变量 YONGZU_CHROMIUM 指向已有的 Chromium；' +
    '只要网站时用 yongzu build --no-pdf。',
});
