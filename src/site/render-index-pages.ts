import type nunjucks from 'nunjucks';
import { cachedPage, createPageContext, type SiteOptions } from './page-context.js';
import { groupEntriesByYear, type SiteModel } from './site-model.js';
import { countyPagePath, THEMES_PAGE, themeAnchor } from './site-paths.js';
import type { Config } from '../model/config.js';
import type { IssueModel } from '../model/issue-model.js';
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

/** A theme as the themes page lists it: every issue it stood in, newest first, with its number of write-ups. */
export interface ThemeGroup {
  theme: string;
  anchor: string;
  entries: { issue: IssueModel; article: number; count: number }[];
}

/** Every theme once, the one of the newest issue first, each with all its issues, newest first. */
export function groupByTheme(model: SiteModel): ThemeGroup[] {
  const groups = new Map<string, ThemeGroup>();
  for (const issue of model.issues) {
    issue.articles.forEach((article, i) => {
      let group = groups.get(article.theme);
      if (!group)
        groups.set(article.theme, (group = { theme: article.theme, anchor: themeAnchor(article.theme), entries: [] }));
      group.entries.push({ issue, article: i + 1, count: article.sections.length });
    });
  }
  return [...groups.values()];
}

/** The themes page: every theme with the issues it stood in. */
export function renderThemePage(
  model: SiteModel,
  config: Config,
  env: nunjucks.Environment,
  options: SiteOptions,
): OutputFile {
  const path = THEMES_PAGE;
  // Rendered again only when a listed theme, issue or count changes (dev reuses it otherwise).
  const articles = (i: IssueModel) => i.articles.map((a) => `${a.theme}\t${a.sections.length}`);
  const listed = model.issues.map((i) => `${i.path}\t${i.dateText}\t${articles(i).join('\t')}`).join('\n');
  return cachedPage(options, path, [env, config, options.pdf, listed], () => ({
    path,
    content: env.render('themes.njk', { ...createPageContext(config, path, options), themes: groupByTheme(model) }),
  }));
}

/** The search page. */
export function renderSearchPage(config: Config, env: nunjucks.Environment, options: SiteOptions): OutputFile {
  const path = 'search/index.html';
  return { path, content: env.render('search.njk', { ...createPageContext(config, path, options) }) };
}
