import { defineRule } from '../rule.js';

/** An image a submission refers to that cannot be printed. */
export const pdfImageMissing = defineRule({
  id: 'pdf/image-missing',
  kind: 'run',
  severity: 'warning',
  summary: '稿件里的图片印不出来（找不到文件，或不是本期文件夹里的图片）',
  description:
    '正文里用 ![说明](图片.jpg) 插入的图片，要放在本期文件夹里，是 PNG、JPEG、GIF 或 WebP 格式，10 MB 以内，才能印进 PDF。' +
    '印不出来的图片在印刷版上印成「［图片缺失：说明］」。',
  fix: '把图片放进本期文件夹并写对文件名（区分大小写），或删去这张图，再生成 PDF。',
});
