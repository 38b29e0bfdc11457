import { dash } from './copy/dash.js';
import { dateFormat } from './copy/date-format.js';
import { dunhaoBetweenQuotes } from './copy/dunhao-between-quotes.js';
import { ellipsis } from './copy/ellipsis.js';
import { enumeration } from './copy/enumeration.js';
import { fullwidthAlnum } from './copy/fullwidth-alnum.js';
import { halfwidthPunctuation } from './copy/halfwidth-punctuation.js';
import { listNumber } from './copy/list-number.js';
import { repeatedMarks } from './copy/repeated-marks.js';
import { straySpace } from './copy/space.js';
import { valueRange } from './copy/value-range.js';
import type { CopyRule } from './text-finding.js';

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
