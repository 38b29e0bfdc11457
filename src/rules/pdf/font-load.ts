import { defineRule } from '../rule.js';

/** A font that failed to load while laying out (a substitute was used). */
export const pdfFontLoad = defineRule({
  id: 'pdf/font-load',
  kind: 'run',
  severity: 'warning',
  summary: '排版时有字体没有加载成功，PDF 用了替代字体',
  description:
    '印刷版用随 yongzu 安装的思源宋体、思源黑体（Noto Serif SC、Noto Sans SC）。字体文件加载失败时，Chromium 会用别的字体顶替，PDF 照样生成，但字形和页数都可能不同。',
  fix: '运行 npm ci 重新安装字体包（@fontsource/noto-serif-sc、@fontsource/noto-sans-sc），或运行 npm run setup，再生成。',
});
