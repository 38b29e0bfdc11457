import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { edited, ISSUE_YML, SUBMISSION, THEME } from '../examples.js';
import { defineRule } from '../rule.js';
import { type YamlSource, valuePlace } from '../../text/yaml-places.js';

/** A required key is missing (a submission, issue.yml, the configuration). */
export const schemaRequired = defineRule({
  id: 'schema/required',
  kind: 'source',
  severity: 'error',
  summary: '缺少必填项（如稿件的 title、issue.yml 的 themes）',
  description:
    '稿件的文件头必须有 issue、county、theme、title 四项；issue.yml 必须有 year、issue、total、date、themes；' +
    'yongzu.config.yml 里成组的设置（如 distribution 的每一项）也有必填的项。缺了哪一项，报告里写明。',
  fix: '补上报告里说的那一项，写成「键: 值」一行。',
  examples: {
    fail: [
      { files: edited(SUBMISSION, 'title: 江华县全力为新型工业化提供干部保障\n', ''), at: `${SUBMISSION}:2:1` },
      { files: edited(ISSUE_YML, `themes:\n  - ${THEME}\n`, ''), at: `${ISSUE_YML}:1:1` },
    ],
    pass: [{ files: edited(SUBMISSION, 'title: ', 'title: ') }],
  },
});

/** A key missing at `path` (its last step), reported where its mapping is written. */
export function missingKey(source: YamlSource, path: readonly (string | number)[]): Diagnostic {
  return schemaRequired.report(
    source.file,
    valuePlace(source, path.slice(0, -1)),
    `缺少必填项「${path.join('.')}」。请添加一行「${String(path[path.length - 1])}: …」。`,
  );
}
