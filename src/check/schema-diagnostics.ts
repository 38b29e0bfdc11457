import type { BaseIssue } from 'valibot';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { createDiagnostic } from '../diagnostics/diagnostic.js';
import { listKeys, valuePlace, type YamlSource } from '../load/yaml-source.js';
import { didYouMean } from './suggest.js';

/** Describes a YAML value for a message: 「十八」（文字）. */
export function describeValue(value: unknown): string {
  if (value === null) return '空值';
  if (typeof value === 'string') return `「${value.length > 30 ? `${value.slice(0, 30)}…` : value}」（文字）`;
  if (typeof value === 'number') return `${value}（数字）`;
  if (typeof value === 'boolean') return `${value}（是/否）`;
  if (Array.isArray(value)) return '一个列表';
  return '一组键值';
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const step of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[step];
  }
  return v;
}

/**
 * Turns schema failures into diagnostics placed at the offending value, or at
 * the top of the YAML for a missing key. Schema messages are written in
 * Chinese where the schema is declared.
 */
export function schemaDiagnostics(
  source: YamlSource,
  issues: readonly BaseIssue<unknown>[],
  rulePrefix = 'schema',
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { issue, path } of issues.flatMap((i) => placedIssues(i, []))) {
    const value = valueAt(source.data, path);
    const name = path.join('.');
    if (value === undefined && path.length > 0) {
      out.push(
        createDiagnostic(
          source.file,
          valuePlace(source, path.slice(0, -1)),
          'error',
          `${rulePrefix}/required`,
          `缺少必填项「${name}」。请添加一行「${String(path[path.length - 1])}: …」。`,
        ),
      );
      continue;
    }
    // A value of the wrong kind (not a failed check on the right kind): say what was written.
    const actual = issue.kind === 'schema' ? `，实际是${describeValue(value)}` : '';
    out.push(
      createDiagnostic(
        source.file,
        valuePlace(source, path),
        'error',
        `${rulePrefix}/type`,
        `${issue.message}${actual}。`,
      ),
    );
  }
  return out;
}

type Path = (string | number)[];

/**
 * Each issue with its full path. A value that is one of several kinds (a
 * text or a list of texts) and failed inside the kind it was written as (one
 * item of the list) is reported at that item, not as a whole.
 */
function placedIssues(issue: BaseIssue<unknown>, base: Path): { issue: BaseIssue<unknown>; path: Path }[] {
  const path = [
    ...base,
    ...(issue.path ?? [])
      .map((p) => p.key)
      .filter((k): k is string | number => typeof k === 'string' || typeof k === 'number'),
  ];
  const inner = issue.type === 'union' ? (issue.issues ?? []).filter((sub) => (sub.path?.length ?? 0) > 0) : [];
  return inner.length > 0 ? inner.flatMap((sub) => placedIssues(sub, path)) : [{ issue, path }];
}

/** Warns about keys that the format does not know, with a did-you-mean. */
export function checkUnknownKeys(
  source: YamlSource,
  known: readonly string[],
  rule = 'schema/unknown-key',
): Diagnostic[] {
  // Every key known (the usual case): no places needed, so no document with positions.
  if (source.data && Object.keys(source.data).every((key) => known.includes(key))) return [];
  return listKeys(source)
    .filter(({ key }) => !known.includes(key))
    .map(({ key, place }) =>
      createDiagnostic(
        source.file,
        place,
        'warning',
        rule,
        `未知的键「${key}」，会被忽略。${didYouMean(key, known) || `可用的键：${known.join('、')}。`}`,
      ),
    );
}
