import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { edited, ISSUE_YML, THEME } from '../examples.js';
import { defineRule } from '../rule.js';
import { type YamlSource, valuePlace } from '../../text/yaml-places.js';

/** Every declared theme has at least one submission. */
export const themeUnused = defineRule({
  id: 'theme/unused',
  kind: 'source',
  severity: 'error',
  summary: 'issue.yml 列出的主题没有一篇稿件',
  description:
    'issue.yml 的 themes 里的每个主题，本期都要有稿件，否则印出来是一个空栏目。' +
    '多是稿件的 theme 写得和这里不一样（那样稿件上还会有 theme/declared），或这个主题的稿件还没交来。',
  fix: '添加这个主题的稿件，或从 themes 中删去它；稿件的 theme 写错了的，改正稿件。',
  examples: {
    fail: [{ files: edited(ISSUE_YML, `  - ${THEME}\n`, `  - ${THEME}\n  - 基层党建\n`), at: `${ISSUE_YML}:7:5` }],
    pass: [{ files: edited(ISSUE_YML, `  - ${THEME}\n`, `  - ${THEME}\n`) }],
  },
});

/** Each declared theme without a submission, reported at its line of `themes`. */
export function checkThemesUsed(
  meta: { themes: readonly string[] },
  metaSource: YamlSource,
  submissions: readonly { theme: string }[],
): Diagnostic[] {
  return meta.themes.flatMap((theme, i) =>
    submissions.some((s) => s.theme === theme)
      ? []
      : [
          themeUnused.report(
            metaSource.file,
            valuePlace(metaSource, ['themes', i]),
            `主题「${theme}」没有任何稿件。请添加该主题的稿件，或从 themes 中删去它。`,
          ),
        ],
  );
}
