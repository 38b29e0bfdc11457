/** One searchable write-up: the text whose character pairs are indexed, and what a result shows. */
export interface SearchRecord {
  /** The theme and the write-up's text (see search-text.ts for how it is cut into tokens). */
  indexed: string;
  meta: {
    /** County and lead sentence: the result's heading. */
    title: string;
    /** 2009年第18期（总第476期）. */
    issue: string;
    theme: string;
    /** Link from the site root to the write-up's place in its issue page. */
    href: string;
    /** The write-up's plain text, from which the browser cuts the passage that matched. */
    text: string;
  };
}

/** A section rendered to HTML, as the issue page shows it. */
export interface RenderedSection {
  id: string;
  countyText: string;
  title: string;
  html: string;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', quot: '"', nbsp: '\u00a0', amp: '&' };

/** The text of sanitized HTML: tags dropped, a line per block, the entities the serializer writes decoded. One pass. */
export function htmlToText(html: string): string {
  return html
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
 * A write-up as the site shows it, before its text is taken out of the HTML:
 * what a build hands to the search index (src/search), which may make the
 * records on another thread. `meta` is the record's, less its text.
 */
export interface SearchDoc {
  /** The submission's file, which names the HTML sent ahead (the executor's sectionsRendered). */
  file: string;
  html: string;
  meta: Omit<SearchRecord['meta'], 'text'>;
}

/**
 * A doc's record: its text taken out of the HTML; the theme is indexed with the text so that a headline's words find
 * it too.
 */
export function searchRecordOf(doc: SearchDoc, text = htmlToText(doc.html)): SearchRecord {
  return { indexed: `${doc.meta.theme}\n${text}`, meta: { ...doc.meta, text } };
}
