import { defineRule } from '../rule.js';

/** check --fix, import or new could not write a source (a full or read-only disk, permissions). */
export const writeSource = defineRule({
  id: 'write/source',
  kind: 'run',
  severity: 'error',
  summary: '无法写入稿件或 issue.yml',
  description:
    '「yongzu check --fix」「yongzu import」「yongzu new」要写入的源文件写不进去：磁盘满了、是只读的，或没有写入权限。' +
    '写入是先写临时文件再替换，所以失败时原有文件保持不变，也不留下临时文件或空文件夹。',
  fix: '腾出磁盘空间或检查文件夹的写入权限后重试。',
});
