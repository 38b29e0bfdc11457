import { defineRule } from '../rule.js';

/** check --fix: the fixed file would be past what check accepts, so it is left as it was. */
export const fixTooLarge = defineRule({
  id: 'fix/too-large',
  kind: 'run',
  severity: 'warning',
  summary: '自动改正后文件会超过大小上限，没有改动',
  description:
    '「yongzu check --fix」改正标点时文件会变长（如把 … 改为 ……）。改正后的文件若超过「yongzu check」允许的大小，' +
    '改了反而读不了，所以这个文件保持原样，其他文件照常改正。',
  fix: '手工改正这个文件；或先删去误粘贴的大段内容，再自动改正一次。',
});
