import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { edited, ISSUE_YML } from '../examples.js';
import { defineRule } from '../rule.js';
import { type YamlSource, valuePlace } from '../../text/yaml-places.js';

/** The date falls in the issue's year. */
export const issueDateYear = defineRule({
  id: 'issue/date-year',
  kind: 'source',
  severity: 'warning',
  summary: 'issue.yml 的 date 不在 year 那一年',
  description:
    'issue.yml 的 date（出刊日期）应在 year（年份）那一年之内。不一致多是新一年的第一期沿用了上一年的 issue.yml，' +
    '只改了一处；年份决定这一期在网站上归到哪一年。',
  fix: '核对 year 和 date，改正写错的那一项。',
  examples: {
    fail: [{ files: edited(ISSUE_YML, 'date: 2009-06-15', 'date: 2010-06-15'), at: `${ISSUE_YML}:4:7` }],
    pass: [{ files: edited(ISSUE_YML, 'date: 2009-06-15', 'date: 2009-12-31') }],
  },
});

export function checkDateYear(meta: { date: string; year: number }, metaSource: YamlSource): Diagnostic[] {
  if (meta.date.startsWith(`${meta.year}-`)) return [];
  return [
    issueDateYear.report(
      metaSource.file,
      valuePlace(metaSource, ['date']),
      `日期「${meta.date}」不在 year（${meta.year}）这一年。请核对 year 或 date。`,
    ),
  ];
}
