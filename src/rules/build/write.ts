import { defineRule } from '../rule.js';

/** The output folder could not be written: the previous output stays. */
export const buildWrite = defineRule({
  id: 'build/write',
  kind: 'run',
  severity: 'error',
  summary: '输出文件夹写不进去（磁盘满、没有权限等），上一次的输出保持不变',
  description:
    'build 先把网站和 PDF 写进一个临时文件夹，全部写好才换掉旧的输出文件夹。' +
    '写的时候出错（磁盘满了、没有写入权限、该是文件夹的地方有个同名文件……），就删掉临时文件，旧的输出原样保留，' +
    '不会留下一半新一半旧的网站。报告里写明文件系统给的错误代码（如 ENOSPC、EACCES）。',
  fix: '按错误代码检查 --out 指向的路径、磁盘空间和权限，再运行一次。',
});
