import type { Diagnostic, Place } from '../../diagnostics/diagnostic.js';
import { BODY, FRONT_MATTER, SUBMISSION } from '../examples.js';
import { defineRule } from '../rule.js';

/** Front-matter that is not `key: value` lines. */
export const notMapping = defineRule({
  id: 'front-matter/not-mapping',
  kind: 'source',
  severity: 'error',
  summary: '文件头不是「键: 值」的几行，而是一段文字或列表',
  description:
    '两行「---」之间要写「键: 值」形式的几行（如「county: 江华县」）。写成一段文字（如把标题或正文放进了文件头）' +
    '或一个列表，就读不出各项。',
  fix: '把文件头改成 issue、county、theme、title 四行「键: 值」；误放进来的文字移到第二个「---」下面。',
  examples: {
    fail: [
      { files: { [SUBMISSION]: `---\n江华县全力为新型工业化提供干部保障\n---\n\n${BODY}` }, at: `${SUBMISSION}:2:1` },
    ],
    pass: [{ files: { [SUBMISSION]: `${FRONT_MATTER}\n${BODY}` } }],
  },
});

export function notMappingAt(file: string, place: Place): Diagnostic {
  return notMapping.report(
    file,
    place,
    '这里应是「键: 值」形式的若干行（如「county: 江华县」），而不是一段文字或列表。',
  );
}
