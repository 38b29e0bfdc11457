/**
 * The print page's own treatment of the section HTML the site also shows
 * (sanitized by src/render): what a printed page needs and a web page does
 * not. Each function works on the text between tags, or on the exact shapes
 * the renderer writes, so attributes and entities are never split.
 */
import { HEADLINE_BREAK } from '../model/headline.js';
import { keepWordsHtml } from '../render/keep-words.js';

export { headlineText } from '../model/headline.js';

/** Applies `fn` to each run of text between tags. */
function mapText(html: string, fn: (text: string) => string): string {
  return html.replace(/>([^<]+)</g, (_m, text: string) => `>${fn(text)}<`);
}

/**
 * Keeps what must not be split at a line end together: the 破折号 ——, the
 * 省略号 ……, and the last three characters of a paragraph (so its last line
 * never holds a single character).
 */
export function keepTogether(html: string): string {
  return mapText(html, (text) => text.replace(/——+|……+/g, (s) => `<span class="nobr">${s}</span>`)).replace(
    /([^\s<>;&]{3})<\/p>/g,
    '<span class="nobr">$1</span></p>',
  );
}

/**
 * Long runs of Latin letters, digits and ASCII marks (URLs, e-mail addresses,
 * file names) may break anywhere, like Chinese text, instead of moving whole
 * to the next line and leaving the line before stretched by justification.
 */
export function breakLongRuns(html: string): string {
  return mapText(html, (text) => text.replace(/[!-~]{12,}/g, (run) => `<span class="brk">${run}</span>`));
}

/** Table cells holding a number (1234, 12.5%, 3,000, 1～2) are set right-aligned. */
export function markNumberCells(html: string): string {
  return html.replace(
    /<td( align="[a-z]+")?>(\s*[-+−]?[\d.,，%％～~—\s]*\d[\d.,，%％～~—\s]*[万亿元人个名次项家%％]?\s*)<\/td>/g,
    (_m, _align: string | undefined, text: string) => `<td class="num">${text}</td>`,
  );
}

/**
 * Footnotes as a printed page has them: a 注 label instead of the hidden
 * heading (注释), no back-links (返回, which means nothing on paper) and no
 * aria-describedby (the heading it named is gone). The references and notes
 * keep the ids src/render gave them, unique in the issue (footnote-ids.ts),
 * so each reference links to its own write-up's note in the PDF.
 */
export function printFootnotes(html: string): string {
  if (!html.includes('data-footnotes')) return html;
  return html
    .replace(/<h2 class="sr-only"[^>]*>[^<]*<\/h2>/, '<p class="notes-label">注：</p>')
    .replace(/\s*<a href="[^"]*" data-footnote-backref[^>]*>[^<]*<\/a>/g, '')
    .replace(/ aria-describedby="[^"]*"/g, '');
}

/** Everything above, in order, for one section of an issue. */
export function printSectionHtml(html: string): string {
  return keepTogether(breakLongRuns(markNumberCells(printFootnotes(html))));
}

/**
 * A headline's HTML: its words kept on one line as on the site (keepWordsHtml,
 * src/render/keep-words.ts: ICU's words, a one-character word joined to the
 * word before it, `known` names whole) in `word` spans (styles/print.css), so
 * lines break between words only; `|` or `｜` in the theme forces a break there.
 */
export function headlineHtml(theme: string, known: readonly string[] = []): string {
  return theme
    .split(HEADLINE_BREAK)
    .map((part) => keepWordsHtml(part, known, 'word'))
    .join('<br>');
}
