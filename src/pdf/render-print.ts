import type nunjucks from 'nunjucks';
import type { createMarkdownRenderer } from '../render/markdown.js';
import { knownWords } from '../render/keep-words.js';
import { renderArticles } from '../render/render-articles.js';
import { headlineHtml, headlineText, printSectionHtml } from './print-html.js';
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

export { keepTogether } from './print-html.js';

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
  const known = knownWords(config);
  const articles = renderArticles(issue, markdown).map((a) => ({
    ...a,
    title: headlineText(a.theme),
    headline: headlineHtml(a.theme, known),
    sections: a.sections.map((s) => ({ ...s, html: printSectionHtml(s.html) })),
  }));
  const imprint = {
    lines: issue.distribution,
    issuer: config.print.issuer ?? config.publisher,
    date: `${issue.dateText}印发`,
    copies: issue.copies,
  };
  return env.render('print.njk', { config, issue, articles, imprint, origin, ...assets });
}
