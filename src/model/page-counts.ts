/** A finding of a paged layout that an editor should look at, placed in the sources. */
export interface LayoutFinding {
  /**
   * `first-line`: a paragraph's first line alone at the foot of a page;
   * `last-line`: a paragraph's last line alone at the head of a page;
   * `source-alone`: a page holding only an article's source line.
   */
  kind: 'first-line' | 'last-line' | 'source-alone';
  /** The page, from 1. */
  page: number;
  /** The submission concerned (relative to the root), or the issue.yml when none can be told. */
  file: string;
  line: number;
  /** The paragraph's first characters (or the source line). */
  excerpt: string;
}

/** What the last paged layout of an issue (a printed PDF, or dev's print preview) found. */
export interface LayoutRecord {
  pages: number;
  /** When it was laid out (ISO time). */
  at: string;
  /** The issue folder's signature then: when it differs now, the sources changed since. */
  sig?: string;
  /** Absent in records older than the findings. */
  findings?: LayoutFinding[];
}

/**
 * The last paged layout of each issue, by folder, so that `check` can warn
 * about the page budget and the layout without laying out.
 */
export type PageCounts = Record<string, LayoutRecord>;
