import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { didYouMean } from '../../diagnostics/suggest.js';
import { edited, ISSUE_YML, SUBMISSION } from '../examples.js';
import { defineRule } from '../rule.js';
import { listKeys, type YamlSource } from '../../text/yaml-places.js';

/** A key the format does not know, with a did-you-mean. */
export const unknownKey = defineRule({
  id: 'schema/unknown-key',
  kind: 'source',
  severity: 'warning',
  summary: '文件头、issue.yml 或配置里有不认识的键（会被忽略）',
  description:
    '不认识的键会被忽略，所以它的值不起作用：多半是键名拼错了（如 titel），写的内容就悄悄丢了。' +
    '报告里给出最接近的键名，或列出可用的键。',
  fix: '改正键名（照报告里的提示），或删去这一行。',
  examples: {
    fail: [
      { files: edited(SUBMISSION, 'title:', 'titel: 江华县\ntitle:'), at: `${SUBMISSION}:5:1` },
      { files: edited(ISSUE_YML, 'themes:', 'editer: 张三\nthemes:'), at: `${ISSUE_YML}:5:1` },
    ],
    pass: [
      { files: edited(SUBMISSION, 'title:', 'author: 张三\ntitle:') },
      { files: edited(ISSUE_YML, 'themes:', 'editor: 张三\nthemes:') },
    ],
  },
});

/** Warns about the keys of `source` that are not `known`. */
export function checkUnknownKeys(source: YamlSource, known: readonly string[]): Diagnostic[] {
  // Every key known (the usual case): no places needed, so no document with positions.
  if (source.data && Object.keys(source.data).every((key) => known.includes(key))) return [];
  return listKeys(source)
    .filter(({ key }) => !known.includes(key))
    .map(({ key, place }) =>
      unknownKey.report(
        source.file,
        place,
        `未知的键「${key}」，会被忽略。${didYouMean(key, known) || `可用的键：${known.join('、')}。`}`,
      ),
    );
}
