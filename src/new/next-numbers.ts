import { maxOf } from '../util/append.js';
import type { IssueMetaData } from '../model/schemas.js';

/**
 * The numbers of the next issue: 期号 continues within the year and restarts
 * at 1 in a new year; 总期号 always continues.
 */
export function nextIssueNumbers(existing: readonly IssueMetaData[], year: number): { issue: number; total: number } {
  const inYear = existing.filter((m) => m.year === year).map((m) => m.issue);
  const totals = existing.map((m) => m.total);
  return {
    issue: maxOf(inYear, 0) + 1,
    total: maxOf(totals, 0) + 1,
  };
}

/** The next two-digit file-name prefix in a folder: after 01-…, 02-… comes 03. */
export function nextPrefix(names: readonly string[]): string {
  const used = names
    .map((n) => /^(\d+)[-_]/.exec(n)?.[1])
    .filter((p): p is string => p !== undefined)
    .map(Number);
  const next = maxOf(used, 0) + 1;
  return String(next).padStart(2, '0');
}

/** A local calendar date as YYYY-MM-DD. */
export function isoDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
