import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { edited, SUBMISSION } from '../examples.js';
import { defineRule } from '../rule.js';
import { type YamlSource, valuePlace } from '../../text/yaml-places.js';

/** A submission's `issue` equals its folder's issue.yml: the typical slip of last issue's number left in a template. */
export const issueMatch = defineRule({
  id: 'issue/match',
  kind: 'source',
  severity: 'error',
  summary: '稿件的期号与所在文件夹的 issue.yml 不符',
  description:
    '稿件文件头的 issue 要和它所在那一期的 issue.yml 里的 issue 相同。最常见的是用上一期的稿件作模板，忘了改期号；' +
    '也可能是稿件放错了文件夹。',
  fix: '把 issue 改为本期的期号；稿件放错了文件夹的，把它移到对应那一期的文件夹。',
  examples: {
    fail: [{ files: edited(SUBMISSION, 'issue: 18', 'issue: 17'), at: `${SUBMISSION}:2:8` }],
    pass: [{ files: edited(SUBMISSION, 'issue: 18', 'issue: 18') }],
  },
});

/** The submission's `issue` against its issue's. */
export function checkIssueMatch(
  source: YamlSource,
  issue: number,
  meta: { issue: number },
  metaFile: string,
): Diagnostic[] {
  if (issue === meta.issue) return [];
  return [
    issueMatch.report(
      source.file,
      valuePlace(source, ['issue']),
      `期号「${issue}」与本期不符：${metaFile} 写的是第 ${meta.issue} 期。` +
        `请改为「issue: ${meta.issue}」，或把稿件移到第 ${issue} 期的文件夹。`,
    ),
  ];
}
