import { defineRule } from '../rule.js';

/** yongzu new issue: the newest issue is of another year, and nothing says which year the new one is of. */
export const newWhichYear = defineRule({
  id: 'new/which-year',
  kind: 'run',
  severity: 'error',
  summary: '新建一期时不知道是哪一年的：最新一期不是今年的',
  description:
    'yongzu new issue 按年份编期号：同一年里接着编，新的一年从第 1 期起。不写 --date 时，最新一期若是今年的，' +
    '新的一期就用今天的日期；若不是（比如正在补录 2009 年的旧刊），yongzu 不会擅自当成今年的第 1 期：' +
    '在终端里会问一句「接着编 2009 年的吗？」，在脚本里（没有终端可问）就报这个错。什么也没有写。',
  fix: '接着编最新一期那一年的：加 --date 写明这一期的日期，如 --date 2009-07-01；从今年第 1 期编起：加 --this-year。',
});
