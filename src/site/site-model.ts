import { sortNewestFirst } from '../merge/merge-issue.js';
import type { County } from '../model/config.js';
import { HEADLINE_BREAK, headlineText } from '../model/headline.js';
import type { IssueModel } from '../model/issue-model.js';

/** The issues of one year, newest first. */
export interface YearGroup {
  year: number;
  issues: IssueModel[];
}

/** One county write-up, as listed on the county's page. */
export interface CountyEntry {
  issue: IssueModel;
  theme: string;
  title: string;
  /** Anchor of the section in the issue page. */
  anchor: string;
}

/** A county with its write-ups, newest first. */
export interface CountyGroup {
  county: County;
  entries: CountyEntry[];
}

/** A county's write-ups of one year, for the year headings of its page. */
export interface CountyYear {
  year: number;
  entries: CountyEntry[];
}

/** Write-ups (newest first) grouped by year, newest year first. */
export function groupEntriesByYear(entries: readonly CountyEntry[]): CountyYear[] {
  const years: CountyYear[] = [];
  for (const entry of entries) {
    const last = years[years.length - 1];
    if (last?.year === entry.issue.year) last.entries.push(entry);
    else years.push({ year: entry.issue.year, entries: [entry] });
  }
  return years;
}

/** The whole archive, indexed once so no page has to scan every issue. */
export interface SiteModel {
  /** Every issue, newest first. */
  issues: IssueModel[];
  years: YearGroup[];
  /** Every configured county, in configuration order, with or without write-ups. */
  counties: CountyGroup[];
}

/** Issues grouped by year, newest year first; `ordered` must be newest first. */
export function groupByYear(ordered: readonly IssueModel[]): YearGroup[] {
  const years: YearGroup[] = [];
  for (const issue of ordered) {
    const last = years[years.length - 1];
    if (last?.year === issue.year) last.issues.push(issue);
    else years.push({ year: issue.year, issues: [issue] });
  }
  return years;
}

/** Each county's write-ups across all issues, newest first, in one pass over the issues. */
export function groupByCounty(ordered: readonly IssueModel[], counties: readonly County[]): CountyGroup[] {
  const groups = new Map<string, CountyGroup>(counties.map((county) => [county.slug, { county, entries: [] }]));
  for (const issue of ordered) {
    for (const article of issue.articles) {
      for (const section of article.sections) {
        let group = groups.get(section.county.slug);
        if (!group) {
          // A county dropped from the configuration after it was published still gets its page.
          group = { county: section.county, entries: [] };
          groups.set(section.county.slug, group);
        }
        group.entries.push({ issue, theme: article.theme, title: section.title, anchor: section.id });
      }
    }
  }
  return [...groups.values()];
}

const siteIssues = new WeakMap<IssueModel, IssueModel>();

/**
 * The issue as the site shows it: its themes without the editor's break
 * markers, which only the print uses (src/model/headline.ts), so no page, feed
 * or search record shows a `|` and a theme is the same with or without them.
 * The same issue gives the same object (dev's page cache compares them).
 */
export function siteIssue(issue: IssueModel): IssueModel {
  if (!issue.articles.some((a) => HEADLINE_BREAK.test(a.theme))) return issue;
  let shown = siteIssues.get(issue);
  if (!shown) {
    shown = { ...issue, articles: issue.articles.map((a) => ({ ...a, theme: headlineText(a.theme) })) };
    siteIssues.set(issue, shown);
  }
  return shown;
}

/** Builds the site model: sorts once, groups once. */
export function createSiteModel(issues: readonly IssueModel[], counties: readonly County[]): SiteModel {
  const ordered = sortNewestFirst(issues.map(siteIssue));
  return { issues: ordered, years: groupByYear(ordered), counties: groupByCounty(ordered, counties) };
}

/**
 * The years shown in full on the home page: the newest years until at least
 * `minIssues` issues are shown, at most `maxYears` years, so the home page
 * stays light however long the archive grows.
 */
export function homeYears(years: readonly YearGroup[], minIssues = 12, maxYears = 2): YearGroup[] {
  const shown: YearGroup[] = [];
  let count = 0;
  for (const group of years) {
    if (shown.length >= maxYears || (shown.length > 0 && count >= minIssues)) break;
    shown.push(group);
    count += group.issues.length;
  }
  return shown;
}
