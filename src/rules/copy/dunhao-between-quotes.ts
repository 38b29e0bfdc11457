import { type CopyRule, defineCopyRule, matchFindings } from '../text-finding.js';

/** Adjacent quoted or titled items take no 顿号: `《条例》、《规定》` → `《条例》《规定》`. */
export const dunhaoBetweenQuotes: CopyRule = defineCopyRule({
  id: 'copy/dunhao-between-quotes',
  kind: 'source',
  severity: 'warning',
  fixable: true,
  summary: '并列的引号或书名号之间用了顿号（「《条例》、《规定》」）',
  description:
    '并列的带引号或书名号的词语之间通常不用顿号（GB/T 15834《标点符号用法》）：' +
    '「《条例》《规定》」「“送知识下乡”“送文化下乡”」。',
  fix: '删去两个引号或书名号之间的顿号。可用「yongzu check --fix」自动改正。',
  examples: {
    fail: [
      { text: '《条例》、《规定》', at: '1:5', fixed: '《条例》《规定》' },
      { text: '开展“送知识下乡”、“送文化下乡”活动', at: '1:10', fixed: '开展“送知识下乡”“送文化下乡”活动' },
    ],
    pass: [{ text: '《条例》《规定》' }, { text: '“送知识下乡”和“送文化下乡”' }],
  },
  check: (text) =>
    matchFindings(text, /、(?<=[”》]、)(?=[“《])/g, () => ({
      replacement: '',
      message: '引号或书名号之间不用顿号：如「《条例》《规定》」。',
    })),
});
