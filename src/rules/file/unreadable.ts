import { defineRule } from '../rule.js';

/** A source the file system would not let us read (permissions, a special file). */
export const fileUnreadable = defineRule({
  id: 'file/unreadable',
  kind: 'run',
  severity: 'error',
  summary: '文件无法读取',
  description:
    '列在 issues/ 里的文件读不出来：没有读取权限，或它其实是文件夹、设备等特殊文件。读不出来的稿件无法编入刊物，' +
    '所以报告为错误，其他文件照常检查。',
  fix: '检查这个文件的读取权限（在文件属性里允许读取），或把放错的特殊文件移出 issues/。',
});

export function unreadableFile(file: string, code: string) {
  return fileUnreadable.report(
    file,
    undefined,
    `无法读取这个文件（${code}）。请检查它的读取权限，或它是否是一个文件夹或特殊文件。`,
  );
}
