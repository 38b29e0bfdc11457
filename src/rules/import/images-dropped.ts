import { defineRule } from '../rule.js';

/** yongzu import: the images of a Word file were left out. */
export const importImagesDropped = defineRule({
  id: 'import/images-dropped',
  kind: 'run',
  severity: 'warning',
  summary: 'Word 文件里的图片没有导入',
  description: '刊物只收文字，导入 .docx 时图片一律不要，报告里写明丢了几张。文字照常导入。',
  fix: '核对图片里有没有必须写进正文的文字（如图表的数据），有的话手工补进稿件。',
});
