import type { CheckedIssue, Submission } from '../model/checked-issue.js';
import type { Article, ImprintLine, IssueModel, Section } from '../model/issue-model.js';
import type { Config } from '../model/config.js';

/** 2009-06-15 → 2009年6月15日 */
export function formatChineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The generated source line of an article. */
export function sourceLine(names: readonly string[]): string {
  if (names.length === 1) return `（${names[0]}供稿）`;
  return `（综合${names.join('、')}情况）`;
}

const bySectionOrder = (a: Submission, b: Submission) => {
  const ao = a.order ?? Infinity;
  const bo = b.order ?? Infinity;
  if (ao !== bo) return ao - bo;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
};

/**
 * Merges a checked issue into its model: one article per theme in the order
 * of issue.yml, sections by `order` then by file name.
 */
export function mergeIssue(checked: CheckedIssue, config: Config): IssueModel {
  const { meta } = checked;
  const articles: Article[] = meta.themes.map((theme) => {
    const subs = checked.submissions.filter((s) => s.theme === theme).sort(bySectionOrder);
    const sections: Section[] = subs.map((s) => ({
      id: s.county.slug,
      county: s.county,
      countyText: s.countyText,
      title: s.title,
      file: s.file,
      body: s.body,
      bodyLine: s.bodyLine,
    }));
    return { theme, sections, source: sourceLine(subs.map((s) => s.countyText)) };
  });
  const counties = articles.flatMap((a) => a.sections.map((s) => s.county));
  const distribution: ImprintLine[] = meta.distribution
    ? Object.entries(meta.distribution).map(([label, text]) => ({
        label,
        text: Array.isArray(text) ? text.join('，') : text,
      }))
    : [...config.distribution];
  return {
    folder: checked.folder,
    year: meta.year,
    issue: meta.issue,
    total: meta.total,
    date: meta.date,
    dateText: formatChineseDate(meta.date),
    path: `${meta.year}/${meta.issue}`,
    articles: articles.filter((a) => a.sections.length > 0),
    counties,
    distribution,
    copies: meta.copies ?? config.copies,
    editor: meta.editor,
    reviewer: meta.reviewer,
    note: meta.note,
  };
}

/** Issues newest first: by year, then issue number. */
export function sortNewestFirst<T extends { year: number; issue: number }>(issues: readonly T[]): T[] {
  return [...issues].sort((a, b) => b.year - a.year || b.issue - a.issue);
}
