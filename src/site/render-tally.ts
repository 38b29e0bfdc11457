import type nunjucks from 'nunjucks';
import type { Config } from '../model/config.js';
import type { OutputFile } from '../model/output-file.js';
import { cachedPage, createPageContext, type SiteOptions } from './page-context.js';
import type { SiteModel } from './site-model.js';
import { TALLY_PAGE, tallyCsvName, tallyPagePath } from './site-paths.js';
import { tallyCsv, tallyYear } from './tally.js';

/**
 * The tally of write-ups adopted (信息采用), which editors are asked for every
 * year: a page listing the years, and per year a page with the write-ups per
 * county (every configured county, those with none named) and per theme, and
 * the county table as CSV beside it.
 */
export function renderTallyPages(
  model: SiteModel,
  config: Config,
  env: nunjucks.Environment,
  options: SiteOptions,
): OutputFile[] {
  const files: OutputFile[] = [];
  const years = model.years.map((group) => {
    const path = tallyPagePath(group.year);
    const csv = tallyCsvName(group.year, config.bulletin);
    // A year's tally changes with its own issues only (dev reuses the others).
    const deps = [env, config, options.pdf, ...group.issues];
    const { tally, page, table } = cachedPage(options, path, deps, () => {
      const made = tallyYear(group, config.counties);
      const html = env.render('tally-year.njk', { ...createPageContext(config, path, options), tally: made, csv });
      return { tally: made, page: { path, content: html }, table: tallyCsv(made) };
    });
    files.push(page, { path: path.replace(/index\.html$/, csv), content: table });
    return tally;
  });
  files.unshift({
    path: TALLY_PAGE,
    content: env.render('tally.njk', { ...createPageContext(config, TALLY_PAGE, options), years }),
  });
  return files;
}
