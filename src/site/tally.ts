import type { County } from '../model/config.js';
import type { IssueModel } from '../model/issue-model.js';
import type { YearGroup } from './site-model.js';

/** A county's write-ups adopted in a year (信息采用): how many, in how many issues. */
export interface CountyTally {
  county: County;
  count: number;
  issues: number;
}

/** A theme's write-ups in a year, and the issues it stood in (newest first). */
export interface ThemeTally {
  theme: string;
  count: number;
  issues: IssueModel[];
}

/** What a year's tally page and CSV show. */
export interface YearTally {
  year: number;
  issues: number;
  /** Write-ups adopted in the year. */
  count: number;
  /** Every configured county in the configuration's order, none left out; then any other that wrote. */
  counties: CountyTally[];
  /** The configured counties with no write-up that year. */
  without: County[];
  /** The year's themes, newest first. */
  themes: ThemeTally[];
}

/**
 * A year's tally: each write-up (one county's section of an article) counts
 * once for its county and once for its theme.
 */
export function tallyYear(group: YearGroup, counties: readonly County[]): YearTally {
  const byCounty = new Map<string, { county: County; count: number; issues: Set<IssueModel> }>(
    counties.map((county) => [county.slug, { county, count: 0, issues: new Set() }]),
  );
  const byTheme = new Map<string, ThemeTally>();
  let count = 0;
  for (const issue of group.issues) {
    for (const article of issue.articles) {
      let theme = byTheme.get(article.theme);
      if (!theme) byTheme.set(article.theme, (theme = { theme: article.theme, count: 0, issues: [] }));
      if (!theme.issues.includes(issue)) theme.issues.push(issue);
      for (const section of article.sections) {
        let entry = byCounty.get(section.county.slug);
        // A county dropped from the configuration after it wrote is still counted.
        if (!entry)
          byCounty.set(section.county.slug, (entry = { county: section.county, count: 0, issues: new Set() }));
        entry.count++;
        entry.issues.add(issue);
        theme.count++;
        count++;
      }
    }
  }
  const tallies = [...byCounty.values()].map((e) => ({ county: e.county, count: e.count, issues: e.issues.size }));
  return {
    year: group.year,
    issues: group.issues.length,
    count,
    counties: tallies,
    without: tallies.filter((t) => t.count === 0 && counties.includes(t.county)).map((t) => t.county),
    themes: [...byTheme.values()],
  };
}

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. */
function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A year's tally by county as CSV, as Excel opens it right: UTF-8 with a byte
 * order mark, CRLF line ends, a header row, every county, the total last.
 */
export function tallyCsv(tally: YearTally): string {
  const rows: (string | number)[][] = [
    ['县区', `${tally.year}年采用篇数`, '涉及期数'],
    ...tally.counties.map((c) => [c.county.name, c.count, c.issues]),
    ['合计', tally.count, tally.issues],
  ];
  return `\ufeff${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
