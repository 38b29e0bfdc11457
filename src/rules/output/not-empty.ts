import { defineRule } from '../rule.js';

/** OUT is a non-empty folder yongzu did not make. */
export const outputNotEmpty = defineRule({
  id: 'output/not-empty',
  kind: 'run',
  severity: 'error',
  summary: '输出文件夹已有内容，但不是 yongzu 生成的',
  description:
    'yongzu 生成的输出文件夹里有一个 .yongzu-output 标记文件。--out 指向一个已有内容、却没有这个标记的文件夹时，里面的文件可能是别人的：' +
    'build 会整个替换它，pdf 会覆盖同名文件，所以拒绝，什么也不写、不删。',
  fix: '换一个空文件夹或新文件夹；确认里面的文件都不要了，再加 --force。',
});
