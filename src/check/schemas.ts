import { z } from 'zod';

const text = (key: string) =>
  z.string({ error: `「${key}」应为一段文字` }).trim().min(1, { error: `「${key}」不能为空` });
const positiveInt = (key: string, what: string) =>
  z.number({ error: `「${key}」应为${what}（正整数，不加引号）` }).int({ error: `「${key}」应为整数` }).positive({ error: `「${key}」应大于 0` });

/** True for a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const dateSchema = z
  .string({ error: '「date」应为日期，写作 YYYY-MM-DD，如 2009-06-15' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '「date」应写作 YYYY-MM-DD（如 2009-06-15），月、日各两位' })
  .refine(isCalendarDate, { error: '「date」不是日历上存在的日期，请核对月份和日' });

const lineList = z.union([text('distribution 的一项'), z.array(text('distribution 的一项'))]);

/** `issue.yml` (FORMAT.md), with the optional keys a real bulletin needs. */
export const issueMetaSchema = z.object({
  year: z.number({ error: '「year」应为四位年份，如 2009' }).int().min(1949, { error: '「year」应为四位年份，如 2009' }).max(2200, { error: '「year」应为四位年份，如 2009' }),
  issue: positiveInt('issue', '期号'),
  total: positiveInt('total', '总期号'),
  date: dateSchema,
  themes: z
    .array(text('themes 的一项'), { error: '「themes」应为主题列表，每行以「  - 」开头' })
    .min(1, { error: '「themes」至少要有一个主题' }),
  /** 报/送/发 lines of the imprint: `{ 报: …, 送: …, 发: … }`. */
  distribution: z.record(z.string(), lineList, { error: '「distribution」应为「报: …」「送: …」「发: …」几行' }).optional(),
  copies: positiveInt('copies', '印数').optional(),
  editor: text('editor').optional(),
  reviewer: text('reviewer').optional(),
  note: text('note').optional(),
});

/** A county submission's front-matter (FORMAT.md). */
export const submissionSchema = z.object({
  issue: positiveInt('issue', '期号，与本期 issue.yml 的 issue 相同'),
  county: text('county'),
  theme: text('theme'),
  title: text('title'),
  order: z.number({ error: '「order」应为数字，决定本文在主题内的先后' }).optional(),
  author: text('author').optional(),
});

export type IssueMetaData = z.infer<typeof issueMetaSchema>;
export type SubmissionData = z.infer<typeof submissionSchema>;

export const ISSUE_KEYS = Object.keys(issueMetaSchema.shape);
export const SUBMISSION_KEYS = Object.keys(submissionSchema.shape);
