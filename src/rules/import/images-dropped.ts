import { defineRule } from '../rule.js';

/** yongzu import: the images of a Word file were left out (reported at their captions, when they have some). */
export const importImagesDropped = defineRule({
  id: 'import/images-dropped',
  kind: 'run',
  severity: 'warning',
  summary: 'Word 文件里的图片没有导入',
  description:
    '刊物只收文字，导入 .docx 时图片一律不要，报告里写明丢了几张。文字照常导入。图片旁边的说明文字' +
    '（Word 的「题注」，或紧挨图片、以「图为」「▲」等开头的一段）留在正文里，没了图片就不通了：' +
    '报告指出它在稿件的第几行。',
  fix: '核对图片里有没有必须写进正文的文字（如图表的数据），有的话手工补进稿件；图片的说明文字删去，或改写成正文的一句。',
});
