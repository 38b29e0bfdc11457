/**
 * Chinese (and Japanese, Korean) characters and the punctuation set among
 * them: what a line break between two of them means nothing. Editors and Word
 * wrap lines anywhere; in HTML a line break is a space, and a space between
 * two Chinese characters shows (on screen and on paper).
 */
const CJK_RANGES =
  '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}' +
  // CJK symbols and punctuation, full-width forms, and the marks Chinese text shares with others: “”‘’—…·
  '\\u3000-\\u303f\\uff00-\\uffef\\u2018\\u2019\\u201c\\u201d\\u2014\\u2026\\u00b7';

/** One CJK character or CJK punctuation mark. */
export const CJK_CHAR = new RegExp(`[${CJK_RANGES}]`, 'u');

/** A line break (with the spaces an editor may leave around it) between two CJK characters. */
const SOFT_BREAK_BETWEEN_CJK = new RegExp(`(?<=[${CJK_RANGES}])[ \\t]*\\n[ \\t]*(?=[${CJK_RANGES}])`, 'gu');

/**
 * Joins the lines of a paragraph where the break falls between two CJK
 * characters (`重点财源\n建设` → `重点财源建设`); a break between Latin words
 * stays, to become the space it means.
 */
export function joinCjkLines(text: string): string {
  return text.includes('\n') ? text.replace(SOFT_BREAK_BETWEEN_CJK, '') : text;
}

/** Whether a line break between `before` and `after` (their last and first characters) is dropped. */
export function breakVanishes(before: string, after: string): boolean {
  const a = [...before].at(-1);
  const b = [...after][0];
  return a !== undefined && b !== undefined && CJK_CHAR.test(a) && CJK_CHAR.test(b);
}
