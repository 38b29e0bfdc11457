import type nunjucks from 'nunjucks';
import type { Config } from '../config/defaults.js';
import type { OutputFile } from '../write/write-output.js';
import { cachedPage, createPageContext, type SiteOptions } from './page-context.js';
import { groupEntriesByYear, type SiteModel } from './site-model.js';
import { countyPagePath } from './site-paths.js';

/** The page listing every county with its number of write-ups, and one page per county. */
export function renderCountyPages(model: SiteModel, config: Config, env: nunjucks.Environment, options: SiteOptions): OutputFile[] {
  const listPath = 'counties/index.html';
  const files: OutputFile[] = [
    { path: listPath, content: env.render('counties.njk', { ...createPageContext(config, listPath, options), counties: model.counties }) },
  ];
  for (const group of model.counties) {
    const path = countyPagePath(group.county.slug);
    // A county's page changes only when one of its issues does (dev reuses the rest).
    const deps = [env, config, options.pdf, ...group.entries.map((e) => e.issue)];
    files.push(cachedPage(options, path, deps, () => {
      const years = groupEntriesByYear(group.entries);
      return { path, content: env.render('county.njk', { ...createPageContext(config, path, options), group, years }) };
    }));
  }
  return files;
}

/** Every article headline with its issue, grouped by year, newest first. */
export function renderThemePage(model: SiteModel, config: Config, env: nunjucks.Environment, options: SiteOptions): OutputFile {
  const path = 'themes/index.html';
  return { path, content: env.render('themes.njk', { ...createPageContext(config, path, options), years: model.years }) };
}

/** The search page. */
export function renderSearchPage(config: Config, env: nunjucks.Environment, options: SiteOptions): OutputFile {
  const path = 'search/index.html';
  return { path, content: env.render('search.njk', { ...createPageContext(config, path, options) }) };
}
