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
import { createSearchRecords, type SearchRecord } from './search-records.js';
import { searchTokensModule } from './search-text.js';
import { createSiteModel } from './site-model.js';

/** The rendered site: its files, and the records the search index is built from. */
export interface RenderedSite {
  files: OutputFile[];
  /** The records the search index is built from; computed on demand (dev does without a search index). */
  searchRecords(): SearchRecord[];
}

/**
 * Renders the whole archive site from the issues: home, year, issue, county,
 * theme and search pages, the Atom feed, the sitemap and the browser's search
 * tokenizer. Pure: it returns files and never writes them. The search index
 * itself is built from `searchRecords()` by the caller (src/search).
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
  const searchRecords = () => model.issues.flatMap((issue, i) => createSearchRecords(issue, issuePages[i]?.articles ?? []));
  const pages: OutputFile[] = [
    renderHomePage(model, config, env, options),
    ...renderYearPages(model, config, env, options),
    ...issuePages.map((p) => p.file),
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
  return { files, searchRecords };
}
