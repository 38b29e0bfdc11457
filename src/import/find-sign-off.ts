import { isDateLine, isUnitLine, parseSignOff } from '../util/sign-off.js';

/** A byline or dateline found among a document's paragraphs. */
export interface FoundSignOff {
  /** `author` for the front-matter: the unit, and the names after it. */
  author: string;
  /** The paragraphs it takes: `count` of them from `index`. */
  index: number;
  count: number;
  /** The paragraphs as they were, and where. */
  line: string;
  where: 'start' | 'end';
  date?: string;
}

/**
 * A dateline at the end of a document's paragraphs (`道县委组织部  2009年6月22日`,
 * or the unit and the date on two lines) or a byline at their start, under
 * the title (`道县委组织部 何某某`): the bulletin prints neither (its issue has
 * the date), so they go into `author`. An attribution in parentheses, the
 * bulletin's own form (`（江永县委组织部 蒋某某）`), stays in the text; so
 * does everything when it would leave no other paragraph.
 */
export function findSignOff(paragraphs: readonly (string | undefined)[]): FoundSignOff | undefined {
  const n = paragraphs.length;
  const author = (unit: string, names: string[]) => [unit, names.join('、')].filter(Boolean).join(' ');
  const end = paragraphs[n - 1]?.trim();
  if (end !== undefined && n > 1) {
    const s = parseSignOff(end);
    if (s && !s.attribution)
      return { author: author(s.unit, s.names), index: n - 1, count: 1, line: end, where: 'end', ...dated(s.date) };
    const above = paragraphs[n - 2]?.trim();
    if (isDateLine(end) && above !== undefined && isUnitLine(above) && n > 2)
      return { author: above, index: n - 2, count: 2, line: `${above}\n${end}`, where: 'end', date: end };
  }
  const start = paragraphs[0]?.trim();
  const s = start === undefined || n < 2 ? undefined : parseSignOff(start);
  if (s && !s.attribution && s.names.length > 0)
    return { author: author(s.unit, s.names), index: 0, count: 1, line: start!, where: 'start', ...dated(s.date) };
  return undefined;
}

const dated = (date: string | undefined) => (date ? { date } : {});
