import type nunjucks from 'nunjucks';
import type { Config, County } from '../config/defaults.js';
import type { IssueModel } from '../merge/merge-issue.js';
import { renderArticles } from '../render/render-site.js';
import type { createMarkdownRenderer } from '../render/markdown.js';
import type { OutputFile } from '../write/write-output.js';
import { cachedPage, createPageContext, type SiteOptions } from './page-context.js';
import type { SiteModel } from './site-model.js';
import { issuePagePath, pdfPath } from './site-paths.js';

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
 * 24 times (half the time of all issue pages).
 */
function yearItemRenderer(config: Config, env: nunjucks.Environment, options: SiteOptions) {
  const rendered = new Map<string, string>();
  return (other: IssueModel, pagePath: string, current: boolean): string => {
    const context = createPageContext(config, pagePath, options);
    // Every issue page has the same depth, so the same `base`; keyed by it all the same.
    const key = `${issuePagePath(other)}\0${context.base}\0${current}`;
    let html = rendered.get(key);
    if (html === undefined) rendered.set(key, (html = env.render('issue-year-item.njk', { ...context, other, current }).trim()));
    return html;
  };
}

/**
 * The page of each issue: the issue itself, the previous and next issue, the
 * issues of the same year (not the whole archive, which would make the site
 * quadratic), its counties and its PDF.
 */
export function renderIssuePages(
  model: SiteModel,
  config: Config,
  env: nunjucks.Environment,
  options: SiteOptions,
  markdown: ReturnType<typeof createMarkdownRenderer>,
): OutputFile[] {
  const yearOf = new Map(model.years.map((y) => [y.year, y.issues]));
  const yearItem = yearItemRenderer(config, env, options);
  return model.issues.map((issue, i) => {
    const path = issuePagePath(issue);
    const deps = [env, config, options.pdf, issue, model.issues[i - 1], model.issues[i + 1], options.pdfBytes?.get(pdfPath(issue, config.bulletin)), ...(yearOf.get(issue.year) ?? [])];
    return cachedPage(options, path, deps, () => {
    const html = env.render('issue.njk', {
      ...createPageContext(config, path, options),
      issue,
      articles: renderArticles(issue, markdown),
      newer: model.issues[i - 1],
      older: model.issues[i + 1],
      yearIssues: yearOf.get(issue.year) ?? [issue],
      yearList: (yearOf.get(issue.year) ?? [issue]).map((other) => yearItem(other, path, other === issue)).join('\n    '),
      counties: issueCounties(issue),
      pdfSize: options.pdfBytes?.get(pdfPath(issue, config.bulletin)),
      pdfPages: options.pdfPages?.get(pdfPath(issue, config.bulletin)),
    });
    return { path, content: html };
    });
  });
}
