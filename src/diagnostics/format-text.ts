import type { Diagnostic } from './diagnostic.js';
import { sortDiagnostics } from './diagnostic.js';

const LABEL = { error: '错误', warning: '警告' } as const;

/**
 * Formats diagnostics the way ESLint's and remark's reporters do: grouped by
 * file, one line each as `file:line:column  错误  message  rule`, then a summary.
 */
export function formatText(diagnostics: readonly Diagnostic[], fileCount?: number): string {
  const sorted = sortDiagnostics(diagnostics);
  const lines: string[] = [];
  let current: string | undefined;
  for (const d of sorted) {
    if (d.file !== current) {
      if (current !== undefined) lines.push('');
      lines.push(d.file);
      current = d.file;
    }
    lines.push(`${d.file}:${d.line}:${d.column}  ${LABEL[d.severity]}  ${d.message}  ${d.rule}`);
  }
  if (lines.length > 0) lines.push('');
  lines.push(formatSummary(sorted, fileCount));
  return lines.join('\n');
}

/** The summary line: counts of errors and warnings, or a clear all-good. */
export function formatSummary(diagnostics: readonly Diagnostic[], fileCount?: number): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const files = fileCount === undefined ? '' : `检查了 ${fileCount} 个文件：`;
  if (errors === 0 && warnings === 0) return `${files}没有发现问题。`;
  return `${files}${errors} 个错误，${warnings} 个警告。${errors > 0 ? '请先改正错误，再生成刊物。' : ''}`;
}

/** JSON output: an array of `{ file, line, column, severity, rule, message }`. */
export function formatJson(diagnostics: readonly Diagnostic[]): string {
  return JSON.stringify(
    sortDiagnostics(diagnostics).map(({ file, line, column, severity, rule, message }) => ({
      file,
      line,
      column,
      severity,
      rule,
      message,
    })),
    null,
    2,
  );
}
