import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { searchPaths } from '../render/templates.js';
import type nunjucks from 'nunjucks';
import type { MarkdownRenderer } from '../render/markdown.js';
import { PRINT_ORIGIN, renderPrintHtml } from './render-print.js';
import { createFontSet, type FontSet } from './font-faces.js';
import type { RoleChoice } from './font-roles.js';
import { packageDir } from '../paths.js';
import type { Config } from '../model/config.js';
import type { IssueModel } from '../model/issue-model.js';

/** A resource the print page may load: text held in memory, or a local file. */
export type Served = { body: string | Buffer; type: string } | { file: string; type: string };

/** The Paged.js polyfill of the installed `pagedjs` package, and its version. */
export function pagedPolyfill(): { file: string; version: string } {
  const { dir, version } = packageDir('pagedjs');
  return { file: join(dir, 'dist', 'paged.polyfill.js'), version };
}

/** Automatic rendering off: we call PagedPolyfill.preview() ourselves once the fonts are in. */
const PAGED_CONFIG = 'window.PagedConfig = { auto: false };\n';

/** styles/print.css: the project's own when it has one, else the built-in one. */
export async function loadPrintCss(root: string): Promise<string> {
  for (const dir of searchPaths(root, 'styles')) {
    const css = await readFile(join(dir, 'print.css'), 'utf8').catch(() => undefined);
    if (css !== undefined) return css;
  }
  throw new Error('styles/print.css not found in the package');
}

/** Everything the print page of one issue may load, by URL path; the page itself at `pagePath`. */
export function createPrintResources(html: string, fonts: FontSet, pagePath = '/issue.html'): Map<string, Served> {
  const resources = new Map<string, Served>();
  resources.set(pagePath, { body: html, type: 'text/html; charset=utf-8' });
  resources.set('/assets/paged-config.js', { body: PAGED_CONFIG, type: 'text/javascript' });
  resources.set('/assets/paged.polyfill.js', { file: pagedPolyfill().file, type: 'text/javascript' });
  for (const font of fonts.files.values()) {
    resources.set(font.urlPath, { file: font.fsPath, type: /\.woff2$/.test(font.fsPath) ? 'font/woff2' : 'font/ttf' });
  }
  return resources;
}

/** The text of the body's headings (h3–h6), where print.css sets bold 仿宋 (the third level, h5). */
function headingText(html: string): string {
  return Array.from(html.matchAll(/<h([3-6])\b[^>]*>([\s\S]*?)<\/h\1>/g), (m) => m[2] ?? '')
    .join('')
    .replace(/<[^>]*>/g, '');
}

/**
 * The print page of an issue with the fonts it needs: rendered once without
 * fonts, since the page's text decides which font subsets it declares, then
 * again with them. `fontBase` prefixes the fonts' absolute URLs (/fonts/…)
 * when the page is served under a path, as the dev preview is.
 */
export function renderPrintPage(
  issue: IssueModel,
  config: Config,
  env: nunjucks.Environment,
  markdown: MarkdownRenderer,
  printCss: string,
  origin: string = PRINT_ORIGIN,
  fontBase = '',
  roles: readonly RoleChoice[] = [],
): { html: string; fonts: FontSet } {
  const bare = renderPrintHtml(issue, config, env, markdown, { fontCss: '', printCss }, origin);
  const fonts = createFontSet(`${bare.replace(/<[^>]*>/g, '')}— 0123456789（）`, roles, headingText(bare));
  const fontCss = fontBase ? fonts.css.replace(/url\(\//g, `url(${fontBase}/`) : fonts.css;
  const html = renderPrintHtml(issue, config, env, markdown, { fontCss, printCss }, origin);
  return { html, fonts };
}
