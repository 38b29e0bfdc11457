import type { IssueHead } from '../model/checked-issue.js';

/** The newest issue of a project (the highest 总期号): what a new issue continues. */
export interface NewestIssue {
  folder: string;
  year: number;
  issue: number;
  total: number;
  date: string;
}

export function newestIssue(issues: readonly IssueHead[]): NewestIssue | undefined {
  let newest: IssueHead | undefined;
  for (const i of issues) if (!newest || i.meta.total > newest.meta.total) newest = i;
  if (!newest) return undefined;
  const { year, issue, total, date } = newest.meta;
  return { folder: newest.folder, year, issue, total, date };
}

/** How a new issue's date was chosen: given (--date, or answered), or today's. */
export type IssueDate = { date: Date; today: boolean };

/**
 * The date of a new issue, which gives its year: `--date` when given; today
 * with `--this-year`, when there is no issue yet, or when the newest issue is
 * of this year; otherwise undefined, for the caller to ask whether to continue
 * the newest issue's year (never silently this year's 第1期 in a 2009 archive).
 */
export function chooseIssueDate(
  newest: NewestIssue | undefined,
  options: { date?: Date; thisYear?: boolean },
  today: Date,
): IssueDate | undefined {
  if (options.date) return { date: options.date, today: false };
  if (options.thisYear || !newest || newest.year === today.getFullYear()) return { date: today, today: true };
  return undefined;
}

/** 2009年第18期（总第476期）. */
export function issueName(n: { year: number; issue: number; total: number }): string {
  return `${n.year}年第${n.issue}期（总第${n.total}期）`;
}
