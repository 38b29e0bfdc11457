/*
 * Attribution, byline and dateline lines: who wrote a write-up and when.
 * County write-ups end with an attribution in parentheses, as the bulletin
 * prints it (`（江永县委组织部 蒋某某）`); Word files often carry the cover
 * letter's sign-off instead (`道县委组织部  2009年6月22日`, or the unit and
 * the date on two lines), or a byline under the title (`道县委组织部 何某某`).
 * The spaces in them are meant; a unit is a name ending as units end.
 */

const GAP = '[ \\u3000\\u00a0]+';
/** A unit: two to thirty characters ending as units' names end (组织部, 县委, 办公室, 中心…). */
export const UNIT =
  '\\p{Script=Han}[\\p{Script=Han}A-Za-z0-9·]{1,28}' +
  '(?:部|委|委员会|党组|政府|办公室|办|局|院|所|站|中心|公司|学校|医院|支部|总支|街道|社区|村|镇|乡|队|团|会|处|科)';
/** A person's name: two to four Chinese characters (某某 included). */
const NAME = '\\p{Script=Han}{2,4}';
/** A date as Chinese documents write it: 2009年6月22日, 二〇〇九年六月二十二日. */
const DATE =
  '(?:\\d{4}年\\d{1,2}月\\d{1,2}日|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)';
const NAMES = `${NAME}(?:(?:${GAP}|、)${NAME})*`;

/** A whole line that is a sign-off: a unit, then names and/or a date, maybe in parentheses. */
export const SIGN_OFF_LINE = `[（(]?${UNIT}(?:${GAP}${NAMES}(?:${GAP}${DATE})?|${GAP}?${DATE})[）)]?`;

const LINE = new RegExp(
  `^(?<open>[（(])?(?<unit>${UNIT})(?:${GAP}(?<names>${NAMES}))?(?:${GAP}?(?<date>${DATE}))?(?<close>[）)])?$`,
  'u',
);
const UNIT_ONLY = new RegExp(`^${UNIT}$`, 'u');
const DATE_ONLY = new RegExp(`^${DATE}$`, 'u');

/** What a sign-off line says. */
export interface SignOff {
  /** The unit, e.g. 道县委组织部. */
  unit: string;
  /** The people named after it. */
  names: string[];
  date?: string;
  /** Written in parentheses: the bulletin's own attribution form, which stays in the text. */
  attribution: boolean;
}

/**
 * The sign-off a whole line is (trimmed), or undefined: a unit followed by
 * names and/or a date (`道县委组织部  2009年6月22日`, `（江永县委组织部 蒋某某）`).
 * A unit alone is not one (see isUnitLine).
 */
export function parseSignOff(line: string): SignOff | undefined {
  const m = LINE.exec(line.trim());
  const g = m?.groups;
  if (!g || (!g['names'] && !g['date']) || Boolean(g['open']) !== Boolean(g['close'])) return undefined;
  return {
    unit: g['unit']!,
    names: g['names'] ? g['names'].split(/[ \u3000\u00a0、]+/u) : [],
    ...(g['date'] ? { date: g['date'] } : {}),
    attribution: Boolean(g['open']),
  };
}

/** Whether a whole line is a unit's name alone (the line above a dateline's date). */
export function isUnitLine(line: string): boolean {
  return UNIT_ONLY.test(line.trim());
}

/** Whether a whole line is a date alone (`2009年6月22日`). */
export function isDateLine(line: string): boolean {
  return DATE_ONLY.test(line.trim());
}
