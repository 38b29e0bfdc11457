import { defineRule } from '../rule.js';

/** OUT is the project, holds it, or is or lies inside a source folder. */
export const outputProtected = defineRule({
  id: 'output/protected',
  kind: 'run',
  severity: 'error',
  summary: '输出文件夹是项目本身、包含项目，或是（在）稿件等源文件的文件夹里',
  description:
    'build 和 dev 每次生成都整个替换输出文件夹，pdf 把文件写进去。' +
    '输出文件夹要是项目文件夹本身、包含项目，或是 issues/、templates/、styles/ 这些文件夹（或在它们里面），' +
    '生成时就会删掉或弄乱稿件。这种情况一律拒绝，什么也不写、不删。',
  fix: '用 --out 指向一个单独的文件夹，如项目里的 dist/（网站）或 pdf/（PDF）。',
});
