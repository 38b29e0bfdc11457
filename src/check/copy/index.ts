import type { CopyRule } from './copy-rule.js';
import { enumeration } from './enumeration.js';
import { halfwidthPunctuation } from './halfwidth-punctuation.js';
import {
  dash,
  dateFormat,
  dunhaoBetweenQuotes,
  ellipsis,
  fullwidthAlnum,
  listNumber,
  repeatedMarks,
  straySpace,
  valueRange,
} from './more-rules.js';

/** Every copy rule, in the order their findings are listed. */
export const COPY_RULES: readonly CopyRule[] = [
  halfwidthPunctuation,
  enumeration,
  fullwidthAlnum,
  straySpace,
  repeatedMarks,
  valueRange,
  ellipsis,
  dash,
  dunhaoBetweenQuotes,
  dateFormat,
  listNumber,
];
