import { defineRule } from '../rule.js';

/** A bug in a template; nothing is written. */
export const renderTemplate = defineRule({
  id: 'render/template',
  kind: 'run',
  severity: 'error',
  summary: '模板出错，本次没有写入任何文件（或没有生成 PDF）',
  description:
    '网站和印刷版都由 templates/ 下的模板排出。项目自带的模板写错了（标签没有配对、用了不存在的变量或过滤器等），排版就进行不下去，这一次不写出任何文件。报告里带着模板引擎的说明，通常写明是哪个模板的第几行。',
  fix: '照报告改正 templates/ 下的那个模板；改不好的，删去项目里的这个模板文件，就用回自带的。',
});
