import { defineRule } from '../rule.js';

/** A file in the fonts folder that cannot serve a print role (not TrueType). */
export const pdfFontUnusable = defineRule({
  id: 'pdf/font-unusable',
  kind: 'run',
  severity: 'warning',
  summary: 'fonts 文件夹里有字体文件用不上（不是 TrueType 字体）',
  description:
    '办公室可以把自己有授权的字体（方正小标宋、仿宋_GB2312、黑体、楷体）放进项目的 fonts 文件夹，印刷版优先用它们。' +
    '.otf 的 CFF 字体在 PDF 里会变成印刷厂不收的 Type 3 字体，.ttc 字体集无法直接使用，这两类文件会被跳过，改用已安装的字体或开源替代字体。',
  fix: '换成同一字体的 .ttf 文件放进 fonts 文件夹，再生成 PDF；生成时打印的「字体：」一行会说明每种字体用的是哪个文件。',
});
