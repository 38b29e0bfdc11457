import type nunjucks from 'nunjucks';
import { cachedPage, createPageContext, type SiteOptions } from './page-context.js';
import { homeYears, type SiteModel } from './site-model.js';
import { yearPagePath } from './site-paths.js';
import type { Config } from '../model/config.js';
import type { OutputFile } from '../model/output-file.js';

/** Every year with its count of issues: the year links every listing page carries. */
function yearLinks(model: SiteModel): { year: number; count: number }[] {
  return model.years.map((y) => ({ year: y.year, count: y.issues.length }));
}

/**
 * The home page: the newest year(s) in full, links to every year, to the
 * counties, the themes, the search and the feed. It never lists the whole
 * archive, so its weight does not grow with the number of issues.
 */
export function renderHomePage(
  model: SiteModel,
  config: Config,
  env: nunjucks.Environment,
  options: SiteOptions,
): OutputFile {
  const shown = homeYears(model.years);
  const html = env.render('index.njk', {
    ...createPageContext(config, 'index.html', options),
    years: shown,
    allYears: yearLinks(model),
    issueCount: model.issues.length,
    older: model.years.slice(shown.length).map((y) => y.year),
  });
  return { path: 'index.html', content: html };
}

/** One page per year listing its issues with their headlines. */
export function renderYearPages(
  model: SiteModel,
  config: Config,
  env: nunjucks.Environment,
  options: SiteOptions,
): OutputFile[] {
  const allYears = yearLinks(model);
  const yearKey = allYears.map((y) => `${y.year}:${y.count}`).join(',');
  return model.years.map((group) => {
    const path = yearPagePath(group.year);
    // A year's page changes with its own issues or the list of years (dev reuses the others).
    const deps = [env, config, options.pdf, yearKey, ...group.issues];
    return cachedPage(options, path, deps, () => ({
      path,
      content: env.render('year.njk', { ...createPageContext(config, path, options), group, allYears }),
    }));
  });
}
