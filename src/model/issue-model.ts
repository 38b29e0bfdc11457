import type { County } from './config.js';

/**
 * The merged issue: what the merge stage makes of a checked issue folder, and
 * what the site, the search index and the PDF render. Plain data.
 */

/** One county's part of an article. */
export interface Section {
  /** Anchor in the issue page, unique within the issue, e.g. `jianghua`. */
  id: string;
  county: County;
  countyText: string;
  title: string;
  file: string;
  body: string;
  bodyLine: number;
}

/** One merged article: the theme as headline, then the counties' sections. */
export interface Article {
  theme: string;
  sections: Section[];
  /** （综合江华县、双牌县、道县、祁阳县情况）, or a single county's attribution. */
  source: string;
}

export interface ImprintLine {
  label: string;
  text: string;
}

/** The numbered issue, ready to render. Plain data. */
export interface IssueModel {
  folder: string;
  year: number;
  issue: number;
  total: number;
  /** YYYY-MM-DD */
  date: string;
  /** 2009年6月15日: full year, no zero padding. */
  dateText: string;
  /** Path of the issue in the site, `2009/18`. */
  path: string;
  articles: Article[];
  counties: County[];
  distribution: ImprintLine[];
  copies: number | undefined;
  editor: string | undefined;
  reviewer: string | undefined;
  note: string | undefined;
}
