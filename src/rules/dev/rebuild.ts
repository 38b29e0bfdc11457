import { defineRule } from '../rule.js';

/** yongzu dev: a rebuild that threw (a file system fault, or a bug); the last good pages stay. */
export const devRebuild = defineRule({
  id: 'dev/rebuild',
  kind: 'run',
  severity: 'error',
  summary: '预览重建失败',
  description:
    '「yongzu dev」在保存后重建预览时出了意外（如文件系统报错）。预览继续显示上一次的页面，错误显示在页面的提示框里；' +
    '下次保存文件时会再试一次。',
  fix: '保存一次文件再试；仍然失败的，停止 yongzu dev（Ctrl+C）后重新运行，并把提示框里的文字告诉维护人员。',
});
