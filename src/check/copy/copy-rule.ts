/**
 * A copy rule reads prose and reports findings at character indexes. A
 * finding may carry its safe replacement, which `check --fix` applies.
 */
export interface CopyFinding {
  index: number;
  length: number;
  message: string;
  /** The text that replaces `length` characters at `index`, when the fix is safe. */
  replacement?: string;
}

export interface CopyRule {
  /** Stable id, `copy/…`. */
  id: string;
  check(text: string): CopyFinding[];
}

/** Han characters and full-width Chinese punctuation. */
export const HAN = '\\p{Script=Han}';
export const CN_PUNCT = '，。、；：？！“”‘’（）《》【】〔〕…—～·';
