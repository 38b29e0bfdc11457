/** What a search result shows of a write-up, besides its text. */
export interface SearchDocMeta {
  /** The write-up's own headline (its run-in title), without the county. */
  title: string;
  /** The county as configured (its name, not the spelling of the submission): the county facet. */
  county: string;
  /** The issue's year: the year facet. */
  year: number;
  /** 2009年第18期（总第476期）. */
  issue: string;
  /** 2009年6月15日. */
  date: string;
  /** The article's theme: the headline the write-up stands under. */
  theme: string;
  /** Link from the site root to the write-up's place in its issue page. */
  href: string;
}

/**
 * A write-up as the site shows it, before its text is taken out of the HTML:
 * what a build hands to the search index, which may be made on another thread.
 */
export interface SearchDoc {
  /** The submission's file, which names the HTML sent ahead (the executor's sectionsRendered). */
  file: string;
  html: string;
  meta: SearchDocMeta;
}

/** A section rendered to HTML, as the issue page shows it. */
export interface RenderedSection {
  id: string;
  countyText: string;
  title: string;
  html: string;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', quot: '"', nbsp: '\u00a0', amp: '&' };

/** The footnotes' heading (注释, for screen readers) and their links back (返回): words of the page, not the write-up. */
const FOOTNOTE_CHROME = /<h2 class="sr-only"[^>]*>[^<]*<\/h2>|<a [^>]*data-footnote-backref[^>]*>[^<]*<\/a>/g;

/**
 * The text of sanitized HTML: tags dropped, a line per block, the entities
 * the serializer writes decoded, the footnotes' heading and back links left
 * out. One pass (two with footnotes).
 */
export function htmlToText(html: string): string {
  return (html.includes('data-footnotes') ? html.replace(FOOTNOTE_CHROME, '') : html)
    .replace(
      /(<\/(?:p|h[1-6]|li|tr|blockquote|pre)>)|<[^>]*>|&(?:#x([0-9a-f]+)|#(\d+)|(lt|gt|quot|nbsp|amp));/gi,
      (_, block?: string, hex?: string, dec?: string, name?: string) => {
        if (block) return '\n';
        if (hex) return String.fromCodePoint(parseInt(hex, 16));
        if (dec) return String.fromCodePoint(Number(dec));
        return name ? ENTITIES[name.toLowerCase()]! : '';
      },
    )
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/**
 * The run-in title at the start of a section's HTML, as its text: the
 * renderers put it first, as `<p><strong>title。</strong>` (render/markdown.ts).
 * Empty when the HTML does not start so.
 */
export function runInTitleText(html: string): string {
  const start = '<p><strong>';
  if (!html.startsWith(start)) return '';
  const end = html.indexOf('</strong>');
  return end < 0 ? '' : htmlToText(html.slice(start.length, end));
}
