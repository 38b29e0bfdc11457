import { defineRule } from '../rule.js';

/** Another build is writing the same output folder. */
export const buildLocked = defineRule({
  id: 'build/locked',
  kind: 'run',
  severity: 'error',
  summary: '另一个生成任务正在写同一个输出文件夹',
  description:
    '同一时间只能有一个 build 写同一个输出文件夹，否则两边的文件会互相覆盖。正在写的任务留有一个锁文件，报告里写明它的进程号和锁文件的位置。',
  fix: '等另一个任务结束后再运行；确认没有别的任务在运行（比如上次被强行关掉了），删去报告里说的锁文件。',
});
