import type { Config } from '../config/defaults.js';
import type { IssueModel } from '../merge/merge-issue.js';
import { sortNewestFirst } from '../merge/merge-issue.js';
import { createMarkdownRenderer, type MarkdownRenderer } from './markdown.js';
import type nunjucks from 'nunjucks';
import type { OutputFile } from '../write/write-output.js';


/** Renders each section's Markdown to sanitized HTML. */
export function renderArticles(issue: IssueModel, markdown: MarkdownRenderer) {
  return issue.articles.map((article) => ({
    ...article,
    sections: article.sections.map((s) => {
      try {
        return { ...s, html: markdown(s.body, s.title) };
      } catch (e) {
        throw new SectionRenderError(s.file, e);
      }
    }),
  }));
}

/** A section's Markdown could not be rendered (the nesting guard should make this unreachable). */
export class SectionRenderError extends Error {
  constructor(readonly file: string, cause: unknown) {
    super(`cannot render ${file}`, { cause });
  }
}

/** `2009/18` → `../../`: links are relative so the site works from disk. */
export function relativeRoot(path: string): string {
  return path === '' ? '' : '../'.repeat(path.split('/').length);
}

/** A file offered for download on an issue page (the print PDF), beside the page. */
export interface IssueDownload {
  fileName: string;
  bytes: number;
  pages: number;
}

/** 251302 → `245 KB`; 1.2 MB past a megabyte. */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Renders the archive pages: one page per issue at `<year>/<issue>/index.html`
 * and the index page listing every issue, newest first, grouped by year.
 * `downloads` maps an issue's folder to its print PDF, linked from its page.
 */
export function renderSite(
  issues: readonly IssueModel[],
  config: Config,
  env: nunjucks.Environment,
  downloads: ReadonlyMap<string, IssueDownload> = new Map(),
  markdown: MarkdownRenderer = createMarkdownRenderer(),
): OutputFile[] {
  const ordered = sortNewestFirst(issues);
  const files: OutputFile[] = [];
  ordered.forEach((issue, i) => {
    const newer = ordered[i - 1];
    const older = ordered[i + 1];
    const html = env.render('issue.njk', {
      config,
      base: relativeRoot(issue.path),
      issue,
      articles: renderArticles(issue, markdown),
      newer,
      older,
      download: downloadLink(downloads.get(issue.folder)),
    });
    files.push({ path: `${issue.path}/index.html`, content: html });
  });
  const years = groupByYear(ordered);
  files.push({ path: 'index.html', content: env.render('index.njk', { config, base: '', years }) });
  return files;
}

function downloadLink(download: IssueDownload | undefined) {
  if (!download) return undefined;
  return { href: encodeURIComponent(download.fileName), fileName: download.fileName, size: formatSize(download.bytes), pages: download.pages };
}

/** Issues grouped by year, newest year first. */
export function groupByYear(ordered: readonly IssueModel[]): { year: number; issues: IssueModel[] }[] {
  const years: { year: number; issues: IssueModel[] }[] = [];
  for (const issue of ordered) {
    const last = years[years.length - 1];
    if (last?.year === issue.year) last.issues.push(issue);
    else years.push({ year: issue.year, issues: [issue] });
  }
  return years;
}
