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
