import type nunjucks from 'nunjucks';
import { renderArticles } from '../render/render-articles.js';
import type { MarkdownRenderer } from '../render/markdown.js';
import { cachedPage, createPageContext, type PageContext, type SiteOptions } from './page-context.js';
import type { SiteModel } from './site-model.js';
import { issuePagePath, pdfPath, yearPagePath } from './site-paths.js';
import type { Config, County } from '../model/config.js';
import type { IssueModel } from '../model/issue-model.js';
import type { OutputFile } from '../model/output-file.js';

/** The counties of an issue, each once, in the order they appear (a county may write under two themes). */
export function issueCounties(issue: IssueModel): County[] {
  const seen = new Map<string, County>();
  for (const county of issue.counties) if (!seen.has(county.slug)) seen.set(county.slug, county);
  return [...seen.values()];
}

/**
 * The entry of an issue in the year lists beside issue pages, rendered once
 * as a link and once as the current page's own entry: a year of 24 issues has
 * 24 pages listing the same 24 entries, so a loop in each page rendered them
 * 24 times (half the time of all issue pages). Kept by the page's `base` (all
 * issue pages have the same depth, so one) and the issue itself.
 */
function yearItemRenderer(env: nunjucks.Environment) {
  const rendered = new Map<string, Map<IssueModel, [string | undefined, string | undefined]>>();
  return (other: IssueModel, context: PageContext, current: boolean): string => {
    let byIssue = rendered.get(context.base);
    if (!byIssue) rendered.set(context.base, (byIssue = new Map()));
    let both = byIssue.get(other);
    if (!both) byIssue.set(other, (both = [undefined, undefined]));
    const k = current ? 1 : 0;
    return (both[k] ??= env.render('issue-year-item.njk', { ...context, other, current }).trim());
  };
}

/**
 * How many of its year's issues an issue page lists beside it: those around
 * it. A year of 1,000 issues (a 20,000-folder archive) listing all of them on
 * each page made every page 117 KB and the site quadratic in the issues of a
 * year (2.4 GB); the year's page, linked from every issue page, lists them all.
 */
export const YEAR_LIST_WINDOW = 48;

/** The issues of a year an issue page lists: all of them, or YEAR_LIST_WINDOW around the issue. */
export function yearListWindow(yearIssues: readonly IssueModel[], issue: IssueModel): readonly IssueModel[] {
  if (yearIssues.length <= YEAR_LIST_WINDOW) return yearIssues;
  const at = Math.max(0, yearIssues.indexOf(issue));
  const start = Math.min(Math.max(0, at - YEAR_LIST_WINDOW / 2), yearIssues.length - YEAR_LIST_WINDOW);
  return yearIssues.slice(start, start + YEAR_LIST_WINDOW);
}

/** The last entry of a year list that shows only part of its year: a link to the year's page. */
function wholeYearLink(base: string, year: number, count: number): string {
  return `\n    <li><a href="${base}${yearPagePath(year)}">${year}年全部 ${count} 期</a></li>`;
}

/**
 * The page of each issue: the issue itself, the previous and next issue, the
 * issues of the same year around it (not the whole archive, nor a whole year
 * of hundreds, which would make the site quadratic), its counties and its PDF.
 */
export function* renderIssuePages(
  model: SiteModel,
  config: Config,
  env: nunjucks.Environment,
  options: SiteOptions,
  markdown: MarkdownRenderer,
): Generator<OutputFile> {
  const yearOf = new Map(model.years.map((y) => [y.year, y.issues]));
  const yearItem = yearItemRenderer(env);
  for (const [i, issue] of model.issues.entries()) {
    const path = issuePagePath(issue);
    const wholeYear = yearOf.get(issue.year) ?? [issue];
    const yearIssues = yearListWindow(wholeYear, issue);
    const pdfFile = pdfPath(issue, config.bulletin);
    // What the page is made of, for yongzu dev's page cache only.
    const deps = options.pageCache
      ? [
          env,
          config,
          options.pdf,
          issue,
          model.issues[i - 1],
          model.issues[i + 1],
          options.pdfBytes?.get(pdfFile),
          wholeYear.length,
          ...yearIssues,
        ]
      : [];
    yield cachedPage(options, path, deps, () => {
      const context = createPageContext(config, path, options);
      const html = env.render('issue.njk', {
        ...context,
        issue,
        articles: renderArticles(issue, markdown),
        newer: model.issues[i - 1],
        older: model.issues[i + 1],
        yearIssues,
        yearList:
          yearIssues.map((other) => yearItem(other, context, other === issue)).join('\n    ') +
          (yearIssues.length < wholeYear.length ? wholeYearLink(context.base, issue.year, wholeYear.length) : ''),
        counties: issueCounties(issue),
        pdfSize: options.pdfBytes?.get(pdfFile),
        pdfPages: options.pdfPages?.get(pdfFile),
      });
      return { path, content: html };
    });
  }
}
