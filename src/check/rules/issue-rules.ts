import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { createDiagnostic } from '../../diagnostics/diagnostic.js';
import { valuePlace, type YamlSource } from '../../load/yaml-source.js';
import type { CheckedIssue, Submission } from '../../model/checked-issue.js';
import type { IssueMetaData } from '../../model/schemas.js';
import { didYouMean } from '../suggest.js';

/**
 * issue/match: a submission's `issue` equals its folder's issue.yml, the
 * typical slip of last issue's number left in a template.
 *
 * ok: issue: 18 (issue.yml: issue: 18) · not ok: issue: 17
 */
export function checkIssueMatch(
  source: YamlSource,
  issue: number,
  meta: IssueMetaData,
  metaFile: string,
): Diagnostic[] {
  if (issue === meta.issue) return [];
  return [
    createDiagnostic(
      source.file,
      valuePlace(source, ['issue']),
      'error',
      'issue/match',
      `期号「${issue}」与本期不符：${metaFile} 写的是第 ${meta.issue} 期。请改为「issue: ${meta.issue}」，或把稿件移到第 ${issue} 期的文件夹。`,
    ),
  ];
}

/**
 * theme/declared: the theme is one of those issue.yml declares.
 *
 * ok: theme: 各县区创新组织工作服务新型工业化发展 · not ok: theme: 各县区创新组织工作服务新型工业化
 */
export function checkThemeDeclared(
  source: YamlSource,
  theme: string,
  meta: IssueMetaData,
  metaFile: string,
): Diagnostic[] {
  if (meta.themes.includes(theme)) return [];
  const hint = didYouMean(theme, meta.themes) || `本期的主题有：${meta.themes.map((t) => `「${t}」`).join('')}。`;
  return [
    createDiagnostic(
      source.file,
      valuePlace(source, ['theme']),
      'error',
      'theme/declared',
      `主题「${theme}」不在本期 ${metaFile} 的 themes 里。${hint}请改正主题，或在 issue.yml 的 themes 中加上它。`,
    ),
  ];
}

/**
 * title/final-period: the title is the lead sentence without its final 。;
 * the merged issue adds it.
 *
 * ok: title: 江华县全力为新型工业化提供干部保障 · not ok: title: 江华县全力为新型工业化提供干部保障。
 */
export function checkTitlePeriod(source: YamlSource, title: string): Diagnostic[] {
  if (!/[。．.]$/.test(title)) return [];
  return [
    createDiagnostic(
      source.file,
      valuePlace(source, ['title']),
      'warning',
      'title/final-period',
      '「title」末尾不要加句号，合成时会自动加上。',
    ),
  ];
}

/**
 * body/empty: a submission has text under its front-matter.
 */
export function checkBodyEmpty(file: string, body: string, bodyLine: number): Diagnostic[] {
  if (/[^\s\u3000]/.test(body)) return [];
  return [
    createDiagnostic(
      file,
      { line: Math.max(1, bodyLine - 1), column: 1 },
      'error',
      'body/empty',
      '稿件正文是空的：请在第二个「---」下面写正文。',
    ),
  ];
}

/**
 * county/duplicate: a county appears once per issue.
 */
export function checkCountyOnce(
  submissions: readonly Submission[],
  sources: ReadonlyMap<string, YamlSource>,
): Diagnostic[] {
  const seen = new Map<string, Submission>();
  const out: Diagnostic[] = [];
  for (const s of submissions) {
    const first = seen.get(s.county.name);
    if (!first) {
      seen.set(s.county.name, s);
      continue;
    }
    const source = sources.get(s.file)!;
    out.push(
      createDiagnostic(
        s.file,
        valuePlace(source, ['county']),
        'error',
        'county/duplicate',
        `本期已有${s.county.name}的稿件（${first.name}）。每个县区每期只收一篇：请合并两篇，或改正县区名。`,
      ),
    );
  }
  return out;
}

/**
 * theme/unused: every declared theme has at least one submission.
 */
export function checkThemesUsed(
  meta: IssueMetaData,
  metaSource: YamlSource,
  submissions: readonly Submission[],
): Diagnostic[] {
  return meta.themes.flatMap((theme, i) =>
    submissions.some((s) => s.theme === theme)
      ? []
      : [
          createDiagnostic(
            metaSource.file,
            valuePlace(metaSource, ['themes', i]),
            'error',
            'theme/unused',
            `主题「${theme}」没有任何稿件。请添加该主题的稿件，或从 themes 中删去它。`,
          ),
        ],
  );
}

/**
 * issue/date-year: the date falls in the issue's year.
 */
export function checkDateYear(meta: IssueMetaData, metaSource: YamlSource): Diagnostic[] {
  if (meta.date.startsWith(`${meta.year}-`)) return [];
  return [
    createDiagnostic(
      metaSource.file,
      valuePlace(metaSource, ['date']),
      'warning',
      'issue/date-year',
      `日期「${meta.date}」不在 year（${meta.year}）这一年。请核对 year 或 date。`,
    ),
  ];
}

/**
 * issues/duplicate-number, issues/duplicate-total: no two folders claim the
 * same year and issue, or the same total.
 */
export function checkUniqueNumbers(issues: readonly CheckedIssue[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byNumber = new Map<string, CheckedIssue>();
  const byTotal = new Map<number, CheckedIssue>();
  for (const issue of issues) {
    const key = `${issue.meta.year}-${issue.meta.issue}`;
    const sameNumber = byNumber.get(key);
    if (sameNumber) {
      out.push(
        createDiagnostic(
          issue.file,
          issue.places.issue,
          'error',
          'issues/duplicate-number',
          `${issue.meta.year}年第${issue.meta.issue}期已由 ${sameNumber.file} 使用。请核对期号。`,
        ),
      );
    } else byNumber.set(key, issue);
    const sameTotal = byTotal.get(issue.meta.total);
    if (sameTotal) {
      out.push(
        createDiagnostic(
          issue.file,
          issue.places.total,
          'error',
          'issues/duplicate-total',
          `总第${issue.meta.total}期已由 ${sameTotal.file} 使用。请核对总期号。`,
        ),
      );
    } else byTotal.set(issue.meta.total, issue);
  }
  return out;
}
