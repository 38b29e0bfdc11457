import * as v from 'valibot';

/** A non-empty text, trimmed. */
export const text = (key: string) =>
  v.pipe(v.string(`「${key}」应为一段文字`), v.trim(), v.minLength(1, `「${key}」不能为空`));
/** A whole number above zero. */
export const positiveInt = (key: string, what: string) =>
  v.pipe(
    v.number(`「${key}」应为${what}（正整数，不加引号）`),
    v.integer(`「${key}」应为整数`),
    v.gtValue(0, `「${key}」应大于 0`),
  );

/** True for a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const dateSchema = v.pipe(
  v.string('「date」应为日期，写作 YYYY-MM-DD，如 2009-06-15'),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, '「date」应写作 YYYY-MM-DD（如 2009-06-15），月、日各两位'),
  v.check(isCalendarDate, '「date」不是日历上存在的日期，请核对月份和日'),
);

const YEAR = '「year」应为四位年份，如 2009';
const lineList = v.union(
  [text('distribution 的一项'), v.array(text('distribution 的一项'))],
  '「distribution」的每一项应为一行文字，或以「  - 」开头的几行文字',
);

/** `issue.yml` (FORMAT.md), with the optional keys a real bulletin needs. */
const MAPPING = '文件头应为「键: 值」形式的几行';

export const issueMetaSchema = v.object(
  {
    year: v.pipe(v.number(YEAR), v.integer(YEAR), v.minValue(1949, YEAR), v.maxValue(2200, YEAR)),
    issue: positiveInt('issue', '期号'),
    total: positiveInt('total', '总期号'),
    date: dateSchema,
    themes: v.pipe(
      v.array(text('themes 的一项'), '「themes」应为主题列表，每行以「  - 」开头'),
      v.minLength(1, '「themes」至少要有一个主题'),
    ),
    /** 报/送/发 lines of the imprint: `{ 报: …, 送: …, 发: … }`. */
    distribution: v.optional(v.record(v.string(), lineList, '「distribution」应为「报: …」「送: …」「发: …」几行')),
    copies: v.optional(positiveInt('copies', '印数')),
    editor: v.optional(text('editor')),
    reviewer: v.optional(text('reviewer')),
    note: v.optional(text('note')),
  },
  MAPPING,
);

/** A county submission's front-matter (FORMAT.md). */
export const submissionSchema = v.object(
  {
    issue: positiveInt('issue', '期号，与本期 issue.yml 的 issue 相同'),
    county: text('county'),
    theme: text('theme'),
    title: text('title'),
    order: v.optional(v.number('「order」应为数字，决定本文在主题内的先后')),
    author: v.optional(text('author')),
  },
  MAPPING,
);

export type IssueMetaData = v.InferOutput<typeof issueMetaSchema>;
export type SubmissionData = v.InferOutput<typeof submissionSchema>;

export const ISSUE_KEYS = Object.keys(issueMetaSchema.entries);
export const SUBMISSION_KEYS = Object.keys(submissionSchema.entries);
