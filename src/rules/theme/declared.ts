import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { didYouMean } from '../../diagnostics/suggest.js';
import { edited, SUBMISSION, THEME } from '../examples.js';
import { defineRule } from '../rule.js';
import { type YamlSource, valuePlace } from '../../text/yaml-places.js';

/** The theme is one of those issue.yml declares. */
export const themeDeclared = defineRule({
  id: 'theme/declared',
  kind: 'source',
  severity: 'error',
  summary: '稿件的主题不在本期 issue.yml 的 themes 里',
  description:
    '每期的主题（栏目）在 issue.yml 的 themes 里列出，稿件的 theme 要一字不差地写其中之一，合成时按主题归栏。' +
    '差一个字就归不进去，报告里会给出最接近的主题。「yongzu new submission」的 --theme 不在本期 themes 里、' +
    '或本期有几个主题而没有指定时，也报告这一条。',
  fix: '照 issue.yml 的 themes 改正 theme（最好直接复制过来）；确是新主题的，在 issue.yml 的 themes 里加上它。',
  examples: {
    fail: [
      {
        files: edited(SUBMISSION, `theme: ${THEME}`, 'theme: 各县区创新组织工作服务新型工业化'),
        at: `${SUBMISSION}:4:8`,
      },
    ],
    pass: [{ files: edited(SUBMISSION, `theme: ${THEME}`, `theme: ${THEME}`) }],
  },
});

/** The submission's theme against the issue's. */
export function checkThemeDeclared(
  source: YamlSource,
  theme: string,
  meta: { themes: readonly string[] },
  metaFile: string,
): Diagnostic[] {
  if (meta.themes.includes(theme)) return [];
  const hint = didYouMean(theme, meta.themes) || `本期的主题有：${meta.themes.map((t) => `「${t}」`).join('')}。`;
  return [
    themeDeclared.report(
      source.file,
      valuePlace(source, ['theme']),
      `主题「${theme}」不在本期 ${metaFile} 的 themes 里。${hint}请改正主题，或在 issue.yml 的 themes 中加上它。`,
    ),
  ];
}
