import type { BaseIssue } from 'valibot';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { missingKey } from './schema/required.js';
import { wrongValue } from './schema/type.js';
import type { YamlSource } from '../text/yaml-places.js';

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const step of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[step];
  }
  return v;
}

/**
 * Turns schema failures into diagnostics placed at the offending value
 * (schema/type), or at the top of its mapping for a missing key
 * (schema/required). Schema messages are written in Chinese where the schema
 * is declared.
 */
export function schemaDiagnostics(source: YamlSource, issues: readonly BaseIssue<unknown>[]): Diagnostic[] {
  return issues
    .flatMap((i) => placedIssues(i, []))
    .map(({ issue, path }) => {
      const value = valueAt(source.data, path);
      return value === undefined && path.length > 0
        ? missingKey(source, path)
        : wrongValue(source, path, issue.message, value, issue.kind === 'schema');
    });
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
