import type nunjucks from 'nunjucks';
import { cachedPage, createPageContext, type SiteOptions } from './page-context.js';
import { groupEntriesByYear, type SiteModel } from './site-model.js';
import { countyPagePath } from './site-paths.js';
import type { Config } from '../model/config.js';
import type { OutputFile } from '../model/output-file.js';

/** The page listing every county with its number of write-ups, and one page per county. */
export function renderCountyPages(
  model: SiteModel,
  config: Config,
  env: nunjucks.Environment,
  options: SiteOptions,
): OutputFile[] {
  const listPath = 'counties/index.html';
  const files: OutputFile[] = [
    {
      path: listPath,
      content: env.render('counties.njk', {
        ...createPageContext(config, listPath, options),
        counties: model.counties,
      }),
    },
  ];
  for (const group of model.counties) {
    const path = countyPagePath(group.county.slug);
    // A county's page changes only when what it lists does (dev reuses the rest): an edit of a body does not.
    const listed = group.entries
      .map((e) =>
        [
          e.issue.path,
          e.issue.year,
          e.issue.issue,
          e.issue.total,
          e.issue.date,
          e.issue.dateText,
          e.theme,
          e.title,
          e.anchor,
        ]
          .map(String)
          .join('\t'),
      )
      .join('\n');
    const deps = [env, config, options.pdf, listed];
    files.push(
      cachedPage(options, path, deps, () => {
        const years = groupEntriesByYear(group.entries);
        return {
          path,
          content: env.render('county.njk', { ...createPageContext(config, path, options), group, years }),
        };
      }),
    );
  }
  return files;
}

/** Every article headline with its issue, grouped by year, newest first. */
export function renderThemePage(
  model: SiteModel,
  config: Config,
  env: nunjucks.Environment,
  options: SiteOptions,
): OutputFile {
  const path = 'themes/index.html';
  // Rendered again only when a listed theme, issue or count changes (dev reuses it otherwise).
  const listed = model.years
    .map((y) =>
      y.issues
        .map(
          (i) =>
            `${i.path}\t${i.year}\t${i.issue}\t${i.articles.map((a) => `${a.theme}\t${a.sections.length}`).join('\t')}`,
        )
        .join('\n'),
    )
    .join('\n\n');
  return cachedPage(options, path, [env, config, options.pdf, listed], () => ({
    path,
    content: env.render('themes.njk', { ...createPageContext(config, path, options), years: model.years }),
  }));
}

/** The search page. */
export function renderSearchPage(config: Config, env: nunjucks.Environment, options: SiteOptions): OutputFile {
  const path = 'search/index.html';
  return { path, content: env.render('search.njk', { ...createPageContext(config, path, options) }) };
}
