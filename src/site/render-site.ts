import type nunjucks from 'nunjucks';
import type { MarkdownRenderer } from '../render/markdown.js';
import type { SiteOptions } from './page-context.js';
import { renderHomePage, renderYearPages } from './render-archive-pages.js';
import { renderFeed } from './render-feed.js';
import { renderCountyPages, renderSearchPage, renderThemePage } from './render-index-pages.js';
import { renderIssuePages } from './render-issue-pages.js';
import { renderSitemap } from './render-sitemap.js';
import { renderTallyPages } from './render-tally.js';
import { createSearchDocs } from './search-records.js';
import { searchTokensScript } from '../search/tokens.js';
import { createSiteModel } from './site-model.js';
import { renderArticles } from '../render/render-articles.js';
import type { Config } from '../model/config.js';
import type { IssueModel } from '../model/issue-model.js';
import type { OutputFile } from '../model/output-file.js';
import type { SearchDoc } from '../search/records.js';

/**
 * The write-ups the site's search index is built from (src/search), newest
 * issue first: the order of the site. Separate from renderSite so that a
 * build can index while the pages are rendered (dev indexes after the pages
 * are served).
 */
export function siteSearchDocs(issues: readonly IssueModel[], config: Config, markdown: MarkdownRenderer): SearchDoc[] {
  return createSiteModel(issues, config.counties).issues.flatMap((issue) =>
    createSearchDocs(issue, renderArticles(issue, markdown)),
  );
}

/**
 * Renders the whole archive site from the issues: home, year, issue, county,
 * theme, tally (信息采用, with its CSVs) and search pages, the Atom feed, the
 * sitemap and the browser's search tokenizer. Each file goes to `emit` as soon as it is rendered (a build
 * writes it at once, so the site is never held in memory whole); nothing is
 * written here. The search index is built from siteSearchDocs() by the
 * caller (src/search).
 */
export function renderSite(
  issues: readonly IssueModel[],
  config: Config,
  env: nunjucks.Environment,
  options: SiteOptions,
  markdown: MarkdownRenderer,
  emit: (file: OutputFile) => void,
): void {
  const model = createSiteModel(issues, config.counties);
  const pagePaths: string[] = [];
  const page = (file: OutputFile) => {
    pagePaths.push(file.path);
    emit(file);
  };
  page(renderHomePage(model, config, env, options));
  for (const file of renderYearPages(model, config, env, options)) page(file);
  for (const file of renderIssuePages(model, config, env, options, markdown)) page(file);
  for (const file of renderCountyPages(model, config, env, options)) page(file);
  page(renderThemePage(model, config, env, options));
  for (const file of renderTallyPages(model, config, env, options)) {
    if (file.path.endsWith('.html')) page(file);
    else emit(file);
  }
  page(renderSearchPage(config, env, options));
  emit({ path: 'feed.xml', content: renderFeed(model.issues, config) });
  const sitemap = renderSitemap(pagePaths, config);
  if (sitemap) emit({ path: 'sitemap.xml', content: sitemap });
  emit({ path: 'assets/search-tokens.js', content: searchTokensScript() });
}
