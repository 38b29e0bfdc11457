import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { edited, ISSUE_YML, SUBMISSION } from '../examples.js';
import { defineRule } from '../rule.js';
import { type YamlSource, valuePlace } from '../../text/yaml-places.js';

/** A value of the wrong kind, or failing its check (a date not on the calendar). */
export const schemaType = defineRule({
  id: 'schema/type',
  kind: 'source',
  severity: 'error',
  summary: '某一项的值写得不对（如期号写成汉字、日期不存在）',
  description:
    '文件头、issue.yml 和 yongzu.config.yml 的每一项都有规定的写法：期号、总期号、年份是不加引号的数字，' +
    'date 写作 YYYY-MM-DD 且是日历上有的日子，themes 是以「  - 」开头的几行，等等。报告指向写错的值，' +
    '说明应该怎么写、实际写的是什么。',
  fix: '照报告里的说明改正这个值，如「issue: 十八」改为「issue: 18」，「date: 2009-02-30」改为真实的日期。',
  examples: {
    fail: [
      { files: edited(SUBMISSION, 'issue: 18', 'issue: 十八'), at: `${SUBMISSION}:2:8` },
      { files: edited(ISSUE_YML, 'date: 2009-06-15', 'date: 2009-02-30'), at: `${ISSUE_YML}:4:7` },
      { files: { 'yongzu.config.yml': 'bulletin: 永组信息\npageBudget: 四页\n' }, at: 'yongzu.config.yml:2:13' },
    ],
    pass: [
      { files: edited(SUBMISSION, 'issue: 18', 'issue: 18') },
      { files: { 'yongzu.config.yml': 'bulletin: 永组信息\npageBudget: 4\n' } },
    ],
  },
});

/** Describes a YAML value for a message: 「十八」（文字）. */
export function describeValue(value: unknown): string {
  if (value === null) return '空值';
  if (typeof value === 'string') return `「${value.length > 30 ? `${value.slice(0, 30)}…` : value}」（文字）`;
  if (typeof value === 'number') return `${value}（数字）`;
  if (typeof value === 'boolean') return `${value}（是/否）`;
  if (Array.isArray(value)) return '一个列表';
  return '一组键值';
}

/**
 * The value at `path` failed: `message` is the schema's (Chinese, written
 * where the schema is declared); a value of the wrong kind (not a failed check
 * on the right kind) is described as written.
 */
export function wrongValue(
  source: YamlSource,
  path: readonly (string | number)[],
  message: string,
  value: unknown,
  wrongKind: boolean,
): Diagnostic {
  const actual = wrongKind ? `，实际是${describeValue(value)}` : '';
  return schemaType.report(source.file, valuePlace(source, path), `${message}${actual}。`);
}
