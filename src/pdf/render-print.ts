import type nunjucks from 'nunjucks';
import type { createMarkdownRenderer } from '../render/markdown.js';
import { renderArticles } from '../render/render-articles.js';
import type { Config } from '../model/config.js';
import type { IssueModel } from '../model/issue-model.js';

/** The origin the print page is served under; Chromium never reaches a network with it (src/pdf). */
export const PRINT_ORIGIN = 'http://yongzu.print';

/** What the print template needs besides the issue. */
export interface PrintAssets {
  /** @font-face rules (src/pdf/font-faces.ts). */
  fontCss: string;
  /** styles/print.css, the project's own when it has one. */
  printCss: string;
}

/**
 * Keeps what must not be split at a line end together: the 破折号 ——, the
 * 省略号 ……, and the last three characters of a paragraph (so its last line
 * never holds a single character). Works on the text between tags only, so
 * attributes are never touched; the sanitized HTML escapes every `<` in text.
 */
export function keepTogether(html: string): string {
  return html
    .replace(
      />([^<]+)</g,
      (_m, text: string) => `>${text.replace(/——+|……+/g, (s) => `<span class="nobr">${s}</span>`)}<`,
    )
    .replace(/([^\s<>;&]{3})<\/p>/g, '<span class="nobr">$1</span></p>');
}

/**
 * Renders the print HTML of one issue (templates/print.njk): the same
 * sanitized Markdown as the site, inside the page structure Paged.js paginates.
 */
export function renderPrintHtml(
  issue: IssueModel,
  config: Config,
  env: nunjucks.Environment,
  markdown: ReturnType<typeof createMarkdownRenderer>,
  assets: PrintAssets,
  origin: string = PRINT_ORIGIN,
): string {
  const articles = renderArticles(issue, markdown).map((a) => ({
    ...a,
    sections: a.sections.map((s) => ({ ...s, html: keepTogether(s.html) })),
  }));
  return env.render('print.njk', { config, issue, articles, origin, ...assets });
}
