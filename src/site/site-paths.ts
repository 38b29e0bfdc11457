import { createHash } from 'node:crypto';

/*
 * Every path of the archive site in one place. Paths are relative to OUT and
 * every link is made relative to the page it is on, so the site works from
 * any folder of any server and when opened from disk.
 */

/** The parts of an issue that its paths depend on. */
export interface IssueRef {
  year: number;
  issue: number;
}

/** Page of an issue: `2009/18/index.html`. */
export function issuePagePath(issue: IssueRef): string {
  return `${issue.year}/${issue.issue}/index.html`;
}

/** Page of a year: `2009/index.html`. */
export function yearPagePath(year: number): string {
  return `${year}/index.html`;
}

/** Page of a county: `counties/shuangpai/index.html`. */
export function countyPagePath(slug: string): string {
  return `counties/${slug}/index.html`;
}

/**
 * File name of an issue's PDF: `永组信息-2009-18.pdf` (the issue number on
 * two digits). The PDF build writes the file beside the issue page under this
 * name; the site only links to it.
 */
export function pdfFileName(issue: IssueRef, bulletin = '永组信息', suffix = ''): string {
  // The bulletin's name, without characters that file systems or URLs trip over.
  const name = bulletin.replace(/[\\/:*?"<>|\s]+/g, '');
  return `${name}-${issue.year}-${String(issue.issue).padStart(2, '0')}${suffix}.pdf`;
}

/** Path of an issue's PDF: `2009/18/永组信息-2009-18.pdf`. */
export function pdfPath(issue: IssueRef, bulletin?: string): string {
  return `${issue.year}/${issue.issue}/${pdfFileName(issue, bulletin)}`;
}

/** The prefix that leads from a page back to the site root: `2009/18/index.html` → `../../`. */
export function relativeRoot(pagePath: string): string {
  const depth = pagePath.split('/').length - 1;
  return '../'.repeat(depth);
}

/** `1234567` → `1.2 MB`: a file size for readers. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The themes page, where every theme has its place (themeAnchor). */
export const THEMES_PAGE = 'themes/index.html';

const anchors = new Map<string, string>();

/**
 * The anchor of a theme on the themes page, the same in every build and on
 * every page that links to it: `t-` and 10 hex digits of the theme's SHA-1.
 */
export function themeAnchor(theme: string): string {
  let anchor = anchors.get(theme);
  if (anchor === undefined) {
    anchor = `t-${createHash('sha1').update(theme).digest('hex').slice(0, 10)}`;
    anchors.set(theme, anchor);
  }
  return anchor;
}

/** The search page. */
export const SEARCH_PAGE = 'search/index.html';

/** The page listing the tally (信息采用) of every year. */
export const TALLY_PAGE = 'stats/index.html';

/** The tally (信息采用) of one year: `stats/2009/index.html`. */
export function tallyPagePath(year: number): string {
  return `stats/${year}/index.html`;
}

/** The file name of a year's tally as CSV: `永组信息-信息采用-2009.csv`, beside its page. */
export function tallyCsvName(year: number, bulletin = '永组信息'): string {
  return `${bulletin.replace(/[\\/:*?"<>|\s]+/g, '')}-信息采用-${year}.csv`;
}
