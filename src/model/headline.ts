/**
 * A theme as the editor writes it may hold forced line breaks for the printed
 * headline: a vertical bar, half- or full-width (docs/editors/printing.md).
 * The print breaks the headline there; everything else (the site, the
 * search, bookmarks, the PDF's subject) shows the theme without them.
 */

/** The editor's forced line break in a headline, with the spaces around it. */
export const HEADLINE_BREAK = /\s*[|｜]\s*/;

/** A theme as text, without the editor's break markers. */
export function headlineText(theme: string): string {
  return theme.split(HEADLINE_BREAK).join('');
}
