import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { BODY, SUBMISSION, SUBMISSION_TEXT } from '../examples.js';
import { defineRule } from '../rule.js';
import { MAX_FILE_BYTES } from '../../model/limits.js';

const MB = 1048576;

/** A file over the size limit is refused before it is read. */
export const tooLarge = defineRule({
  id: 'file/too-large',
  kind: 'source',
  severity: 'error',
  summary: `文件超过 ${MAX_FILE_BYTES / MB} MB`,
  description:
    `一篇稿件通常只有几 KB。超过 ${MAX_FILE_BYTES / MB} MB 的文件多半是放错了（如视频、扫描件改了扩展名），` +
    '读进来只会拖慢甚至拖垮检查和生成，所以不读，直接报告。',
  fix: '检查这个文件：放错了的移出 issues/；确是稿件的，删去误粘贴的大段内容。',
  examples: {
    fail: [
      {
        files: { [SUBMISSION]: { repeat: BODY, times: 100000 } },
        at: `${SUBMISSION}:1:1`,
      },
    ],
    pass: [{ files: { [SUBMISSION]: SUBMISSION_TEXT } }],
  },
});

export function tooLargeFile(file: string, size: number): Diagnostic {
  return tooLarge.report(
    file,
    undefined,
    `文件有 ${(size / MB).toFixed(1)} MB，超过上限 ${MAX_FILE_BYTES / MB} MB，已拒绝读取。` +
      '一篇稿件通常只有几 KB，请检查是否放错了文件。',
  );
}
