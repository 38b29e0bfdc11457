import {
  countyPagePath,
  formatBytes,
  issuePagePath,
  pdfFileName,
  pdfPath,
  relativeRoot,
  yearPagePath,
} from './site-paths.js';
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
export const sitePaths = { issuePagePath, yearPagePath, countyPagePath, pdfFileName, pdfPath, formatBytes } as const;

/** What every page template gets: the config, the way back to the root, the PDF switch and the path helpers. */
export interface PageContext {
  config: Config;
  /** Relative prefix from this page to the site root, e.g. `../../`. */
  base: string;
  /** Path of this page relative to OUT. */
  pagePath: string;
  pdf: boolean;
  paths: typeof sitePaths;
  /** Allow WebAssembly in this page's Content-Security-Policy (the search page only). */
  wasm: boolean;
}

/** The common context of the page at `pagePath`. */
export function createPageContext(config: Config, pagePath: string, options: SiteOptions, wasm = false): PageContext {
  return { config, base: relativeRoot(pagePath), pagePath, pdf: options.pdf, paths: sitePaths, wasm };
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
