import { defineRule } from '../rule.js';

/** `yongzu pdf --final` refused: the issue is not ready for the print shop. */
export const pdfNotFinal = defineRule({
  id: 'pdf/not-final',
  kind: 'run',
  severity: 'error',
  summary: '还不能生成定稿 PDF：还有错误、文字问题，或用了替代字体',
  description:
    '「yongzu pdf --final」生成送印刷厂的定稿。只要稿件还有错误、还有 copy/ 开头的文字问题（标点、数字、空格等），' +
    '或某种字体用的是开源替代字体而不是办公室的正式字体，就不生成定稿，以免草稿送去付印。不加 --final 时照常生成校样。',
  fix: '按「yongzu check」的提示改好（标点、数字、空格等文字问题多数能自动改正，见各条规则的改法），把正式字体放进 fonts 文件夹，再运行；确需先印，可加 --force。',
});
