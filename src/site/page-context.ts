import {
  countyPagePath,
  formatBytes,
  issuePagePath,
  pdfFileName,
  pdfPath,
  relativeRoot,
  SEARCH_PAGE,
  TALLY_PAGE,
  tallyPagePath,
  THEMES_PAGE,
  themeAnchor,
  yearPagePath,
} from './site-paths.js';
import { keepWordsHtml, knownWords } from '../render/keep-words.js';
import type { Config } from '../model/config.js';

/** Options of the site that do not come from the configuration. */
export interface SiteOptions {
  /** Whether this build produces PDFs; the site links to them only then. */
  pdf: boolean;
  /**
   * Sizes in bytes of the PDFs, by path relative to OUT (`pdfPath`), when the
   * PDF build knows them; the issue page shows the size next to the link.
   */
  pdfBytes?: ReadonlyMap<string, number>;
  /** Page counts of the PDFs, by the same paths. */
  pdfPages?: ReadonlyMap<string, number>;
  /**
   * Rendered issue pages kept between rebuilds (yongzu dev): a page is reused
   * while its issue, neighbours, year list, templates and options are the
   * very same objects as when it was rendered.
   */
  pageCache?: PageCache;
}

/** Rendered pages by path, with what each was made of. */
export type PageCache = Map<string, { deps: unknown[]; page: unknown }>;

/** The path helpers, handed to templates so they never spell a path themselves. */
export const sitePaths = {
  issuePagePath,
  yearPagePath,
  countyPagePath,
  pdfFileName,
  pdfPath,
  formatBytes,
  themeAnchor,
  tallyPagePath,
  THEMES_PAGE,
  TALLY_PAGE,
  SEARCH_PAGE,
} as const;

/** What every page template gets: the config, the way back to the root, the PDF switch and the path helpers. */
export interface PageContext {
  config: Config;
  /** Relative prefix from this page to the site root, e.g. `../../`. */
  base: string;
  /** Path of this page relative to OUT. */
  pagePath: string;
  pdf: boolean;
  paths: typeof sitePaths;
  /** A headline as HTML whose words do not break across lines (`{{ keepWords(text) | safe }}`). */
  keepWords: (text: string) => string;
}

/**
 * Headlines as keepWords makes them, per configuration (whose counties' names and other spellings are kept whole
 * too): a theme stands on its issue page, its year's page, the home page and the themes page, and is cut once.
 */
const headlines = new WeakMap<Config, (text: string) => string>();

function headlineMaker(config: Config): (text: string) => string {
  let make = headlines.get(config);
  if (!make) {
    const known = knownWords(config);
    const made = new Map<string, string>();
    make = (text) => {
      let html = made.get(text);
      if (html === undefined) made.set(text, (html = keepWordsHtml(text, known)));
      return html;
    };
    headlines.set(config, make);
  }
  return make;
}

/** The common context of the page at `pagePath`. */
export function createPageContext(config: Config, pagePath: string, options: SiteOptions): PageContext {
  return {
    config,
    base: relativeRoot(pagePath),
    pagePath,
    pdf: options.pdf,
    paths: sitePaths,
    keepWords: headlineMaker(config),
  };
}

/**
 * A page from options.pageCache (keyed by its path) when its dependencies
 * are the very same values as when it was rendered; otherwise renders and
 * remembers it.
 */
export function cachedPage<T>(options: SiteOptions, key: string, deps: unknown[], render: () => T): T {
  const hit = options.pageCache?.get(key);
  if (hit && hit.deps.length === deps.length && hit.deps.every((d, i) => d === deps[i])) return hit.page as T;
  const page = render();
  options.pageCache?.set(key, { deps, page });
  return page;
}
