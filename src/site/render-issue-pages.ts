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
      counties: issueCounties(issue),
      pdfSize: options.pdfBytes?.get(pdfPath(issue, config.bulletin)),
      pdfPages: options.pdfPages?.get(pdfPath(issue, config.bulletin)),
    });
    return { path, content: html };
    });
  });
}
