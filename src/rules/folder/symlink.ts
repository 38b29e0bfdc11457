import { defineRule } from '../rule.js';

/**
 * A symbolic link where sources are read: never followed (it may point out
 * of the project, or at a folder that changes under the build), but reported,
 * so nothing is left out without a word. A run rule: the examples of the
 * catalogue are plain files and cannot hold a link.
 */
export const folderSymlink = defineRule({
  id: 'folder/symlink',
  kind: 'run',
  severity: 'warning',
  summary: 'issues/ 里有符号链接（快捷方式），不会读取',
  description:
    'yongzu 只读 issues/ 里真实的文件和文件夹，不跟随符号链接：链接可能指向项目以外，或指向随时会变的地方。' +
    '链接指向的稿件因此不会编入刊物；本规则指出链接在哪里，以免稿件不声不响地漏掉。',
  fix: '把链接指向的文件或文件夹本身复制到这里，再删去链接。',
});

export function symlinkDiagnostic(file: string) {
  return folderSymlink.report(
    file,
    undefined,
    '这是一个符号链接（快捷方式），yongzu 不读取链接，它指向的稿件不会编入刊物。请把它指向的文件或文件夹本身复制到这里，再删去链接。',
  );
}
