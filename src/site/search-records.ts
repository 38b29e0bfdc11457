import type { IssueModel } from '../merge/merge-issue.js';
import { issuePagePath } from './site-paths.js';
import { indexTokens } from './search-text.js';

/** One searchable write-up: what Pagefind's `addCustomRecord` takes. */
export interface SearchRecord {
  url: string;
  /** The character and pair tokens of the write-up (see search-text.ts), space separated. */
  content: string;
  language: string;
  /** The issue's date, so results can be listed newest first. */
  sort: { date: string };
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

/** The text of sanitized HTML: tags dropped, the entities the serializer writes decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<\/(p|h[1-6]|li|tr|blockquote|pre)>/g, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&')
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
        url: `/${href}`,
        content: indexTokens(`${article.theme}\n${text}`).join(' '),
        // The tokens are ASCII, in no language: 'und' (undetermined) keeps
        // Pagefind from stemming them or running its Chinese segmenter over
        // them, which halves the indexing time. The browser falls back to
        // the only index there is.
        language: 'und',
        sort: { date: issue.date },
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
