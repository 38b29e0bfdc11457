import type nunjucks from 'nunjucks';
import type { Config } from '../config/defaults.js';
import type { IssueModel } from '../merge/merge-issue.js';
import { createMarkdownRenderer, type MarkdownRenderer } from '../render/markdown.js';
import type { OutputFile } from '../write/write-output.js';
import type { SiteOptions } from './page-context.js';
import { renderHomePage, renderYearPages } from './render-archive-pages.js';
import { renderFeed } from './render-feed.js';
import { renderCountyPages, renderSearchPage, renderThemePage } from './render-index-pages.js';
import { renderIssuePages } from './render-issue-pages.js';
import { renderSitemap } from './render-sitemap.js';
import { createSearchDocs, type SearchDoc } from './search-records.js';
import { searchTokensModule } from './search-text.js';
import { createSiteModel } from './site-model.js';
import { renderArticles } from '../render/render-site.js';

/** The rendered site: its files. */
export interface RenderedSite {
  files: OutputFile[];
}

/**
 * The write-ups the site's search index is built from (src/search), newest
 * issue first: the order of the site. Separate from renderSite so that a
 * build can index while the pages are rendered (dev does without a search
 * index).
 */
export function siteSearchDocs(issues: readonly IssueModel[], config: Config, markdown: MarkdownRenderer): SearchDoc[] {
  return createSiteModel(issues, config.counties).issues.flatMap((issue) =>
    createSearchDocs(issue, renderArticles(issue, markdown)),
  );
}

/**
 * Renders the whole archive site from the issues: home, year, issue, county,
 * theme and search pages, the Atom feed, the sitemap and the browser's search
 * tokenizer. Pure: it returns files and never writes them. The search index
 * is built from siteSearchDocs() by the caller (src/search).
 */
export function renderSite(
  issues: readonly IssueModel[],
  config: Config,
  env: nunjucks.Environment,
  options: SiteOptions,
  markdown: MarkdownRenderer = createMarkdownRenderer(),
): RenderedSite {
  const model = createSiteModel(issues, config.counties);
  const issuePages = renderIssuePages(model, config, env, options, markdown);
  const pages: OutputFile[] = [
    renderHomePage(model, config, env, options),
    ...renderYearPages(model, config, env, options),
    ...issuePages,
    ...renderCountyPages(model, config, env, options),
    renderThemePage(model, config, env, options),
    renderSearchPage(config, env, options),
  ];
  const files: OutputFile[] = [...pages, { path: 'feed.xml', content: renderFeed(model.issues, config) }];
  const sitemap = renderSitemap(
    pages.map((p) => p.path),
    config,
  );
  if (sitemap) files.push({ path: 'sitemap.xml', content: sitemap });
  files.push({ path: 'assets/search-tokens.js', content: searchTokensModule() });
  return { files };
}
