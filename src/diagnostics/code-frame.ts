import { eastAsianWidth } from 'get-east-asian-width';

/** Marks that take no column of their own: combining marks, format characters (zero-width joiner, BOM). */
const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cf}]/u;

/**
 * How many terminal columns a character takes: 2 for East Asian wide and
 * full-width characters (汉字, full-width punctuation such as ，。（）), 1 for
 * the rest, including the "ambiguous" ones such as “” and …, which terminals
 * show narrow unless set up otherwise (UAX #11 says: narrow when in doubt).
 */
export function columnsOf(char: string): number {
  if (ZERO_WIDTH.test(char)) return 0;
  return eastAsianWidth(char.codePointAt(0)!, { ambiguousAsWide: false });
}

/** The columns a string takes in a terminal. */
export function widthOf(text: string): number {
  let w = 0;
  for (const c of text) w += columnsOf(c);
  return w;
}

const CUT = '...';

/**
 * A one-line excerpt of `lineText` around `column` (1-based, in UTF-16 code
 * units as diagnostics count them) with a caret under that character, as
 * rustc and ESLint's code frame show it:
 *
 *     12 | …县里每年安排经费 20 万元…
 *        |              ^
 *
 * The excerpt fits in `width` terminal columns, gutter included: a long line
 * is cut at both ends (marked ...), keeping more after the column than
 * before it. Tabs and control characters show as one space each, so the
 * caret stays under its character.
 */
export function codeFrame(lineText: string, line: number, column: number, width = 80): [string, string] {
  const number = String(line);
  const gutter = `  ${number} | `;
  const blank = `  ${' '.repeat(number.length)} | `;
  const budget = Math.max(20, width - gutter.length - 1);
  const chars: { text: string; offset: number; width: number }[] = [];
  let offset = 0;
  for (const raw of lineText.replace(/\r$/, '')) {
    const text = /[\u0000-\u001f\u007f]/.test(raw) ? ' ' : raw;
    chars.push({ text, offset, width: columnsOf(text) });
    offset += raw.length;
  }
  let at = chars.findIndex((c) => c.offset >= column - 1);
  if (at === -1) at = chars.length;
  const span = (from: number, to: number) => chars.slice(from, to).reduce((w, c) => w + c.width, 0);
  let start = 0;
  let end = chars.length;
  if (span(0, chars.length) > budget) {
    // Up to two fifths of the room before the column, the rest after it.
    const before = Math.floor((budget * 2) / 5);
    start = at;
    while (start > 0 && span(start - 1, at) <= before - CUT.length) start--;
    if (start <= 0) start = 0;
    const room = () => budget - (start > 0 ? CUT.length : 0) - span(start, at);
    end = at;
    while (end < chars.length && span(at, end + 1) <= room() - CUT.length) end++;
    if (end >= chars.length - 1 && span(at, chars.length) <= room()) end = chars.length;
    // A short tail leaves room to show more before the column.
    while (start > 0 && end === chars.length && span(start - 1, chars.length) <= budget - CUT.length) start--;
  }
  const head = start > 0 ? CUT : '';
  const tail = end < chars.length ? CUT : '';
  const excerpt =
    head +
    chars
      .slice(start, end)
      .map((c) => c.text)
      .join('') +
    tail;
  const caret = ' '.repeat(head.length + span(start, at));
  return [`${gutter}${excerpt}`.trimEnd(), `${blank}${caret}^`];
}
