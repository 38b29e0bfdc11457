import { defineRule } from '../rule.js';

/** yongzu import: a byline or dateline taken out of the body into `author`. */
export const importSignOff = defineRule({
  id: 'import/sign-off',
  kind: 'run',
  severity: 'warning',
  summary: '原文的落款或署名移到了文件头 author',
  description:
    'Word 稿常带着报送时的落款（「道县委组织部  2009年6月22日」，或单位和日期各占一行）或标题下的署名' +
    '（「道县委组织部 何某某」）。刊物不印落款，日期以本期 issue.yml 的 date 为准，所以导入时把这一行从正文移到' +
    '文件头的 author（单位和人名；author 目前不印出），报告在 author 这一行，写明原文是什么。' +
    '括号里的署名（「（江永县委组织部 蒋某某）」）是刊物本身的写法，留在正文里不动。',
  fix: '核对 author。要在正文末尾印出署名，照刊物的写法另起一段写「（道县委组织部 何某某）」。',
});
