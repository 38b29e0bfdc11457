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

/**
 * Renders the archive pages: one page per issue at `<year>/<issue>/index.html`
 * and the index page listing every issue, newest first, grouped by year.
 */
export function renderSite(issues: readonly IssueModel[], config: Config, env: nunjucks.Environment, markdown: MarkdownRenderer = createMarkdownRenderer()): OutputFile[] {
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
    });
    files.push({ path: `${issue.path}/index.html`, content: html });
  });
  const years = groupByYear(ordered);
  files.push({ path: 'index.html', content: env.render('index.njk', { config, base: '', years }) });
  return files;
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
