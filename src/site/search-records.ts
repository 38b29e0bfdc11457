import type { IssueModel } from '../merge/merge-issue.js';
import { issuePagePath } from './site-paths.js';

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
    .replace(/(<\/(?:p|h[1-6]|li|tr|blockquote|pre)>)|<[^>]*>|&(?:#x([0-9a-f]+)|#(\d+)|(lt|gt|quot|nbsp|amp));/gi, (_, block?: string, hex?: string, dec?: string, name?: string) => {
      if (block) return '\n';
      if (hex) return String.fromCodePoint(parseInt(hex, 16));
      if (dec) return String.fromCodePoint(Number(dec));
      return name ? ENTITIES[name.toLowerCase()]! : '';
    })
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/**
 * One record per county write-up, so a result leads to the write-up's anchor
 * in its issue page rather than to the top of the issue. The theme is
 * indexed with each write-up so that a headline's words find it too.
 */
export function createSearchRecords(issue: IssueModel, articles: readonly { theme: string; sections: readonly RenderedSection[] }[]): SearchRecord[] {
  return articles.flatMap((article) =>
    article.sections.map((section) => {
      const text = htmlToText(section.html);
      const href = `${issuePagePath(issue)}#${section.id}`;
      return {
        indexed: `${article.theme}\n${text}`,
        meta: {
          title: `${section.countyText}：${section.title}`,
          issue: `${issue.year}年第${issue.issue}期（总第${issue.total}期）`,
          theme: article.theme,
          href,
          text,
        },
      };
    }),
  );
}
