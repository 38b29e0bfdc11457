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
  const cp = char.codePointAt(0)!;
  // The common cases first (a report measures every character of tens of thousands of lines).
  if (cp >= 0x20 && cp < 0x7f) return 1;
  if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff01 && cp <= 0xff60)) return 2;
  if (ZERO_WIDTH.test(char)) return 0;
  return eastAsianWidth(cp, { ambiguousAsWide: false });
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
  const text = lineText.endsWith('\r') ? lineText.slice(0, -1) : lineText;
  const cols = columnsBefore(text);
  const n = text.length;
  const at = boundary(text, Math.min(Math.max(column - 1, 0), n));
  let start = 0;
  let end = n;
  if (cols[n]! > budget) {
    // Up to two fifths of the room before the column, the rest after it.
    start = boundary(text, firstWithin(cols, at, Math.floor((budget * 2) / 5) - CUT.length));
    const room = budget - (start > 0 ? CUT.length : 0);
    if (cols[n]! - cols[start]! > room) end = lastWithin(text, cols, start, room - CUT.length, at);
    // A short tail leaves room to show more before the column.
    else if (start > 0) start = boundary(text, firstWithin(cols, n, budget - CUT.length));
  }
  const head = start > 0 ? CUT : '';
  const tail = end < n ? CUT : '';
  const shown = text.slice(start, end).replace(/[\u0000-\u001f\u007f]/g, ' ');
  const caret = ' '.repeat(head.length + cols[at]! - cols[start]!);
  return [`${gutter}${head}${shown}${tail}`.trimEnd(), `${blank}${caret}^`];
}

/** Back to the start of a character when `i` falls between the halves of a surrogate pair. */
function boundary(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return i > 0 && c >= 0xdc00 && c <= 0xdfff ? i - 1 : i;
}

/** The smallest index whose columns up to `to` fit in `room`. */
function firstWithin(cols: Int32Array, to: number, room: number): number {
  let lo = 0;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cols[to]! - cols[mid]! <= room) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The largest character boundary after `from`, not before `at`, whose columns from `from` fit in `room`. */
function lastWithin(text: string, cols: Int32Array, from: number, room: number, at: number): number {
  let lo = at;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (cols[mid]! - cols[from]! <= room) lo = mid;
    else hi = mid - 1;
  }
  return boundary(text, lo);
}

let lastLine: string | undefined;
let lastCols: Int32Array | undefined;

/**
 * cols[i]: the terminal columns of text.slice(0, i), for every code unit
 * offset (a control character counts one, shown as a space). Kept for the
 * last line: a line with many findings is measured once.
 */
function columnsBefore(text: string): Int32Array {
  if (text === lastLine && lastCols) return lastCols;
  const cols = new Int32Array(text.length + 1);
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    cols[i] = w;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      w += columnsOf(String.fromCodePoint(text.codePointAt(i)!));
      cols[++i] = cols[i - 1]!;
    } else w += c < 0x20 || c === 0x7f ? 1 : columnsOf(text[i]!);
  }
  cols[text.length] = w;
  lastLine = text;
  lastCols = cols;
  return cols;
}
