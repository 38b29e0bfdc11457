import { codeFrame } from './code-frame.js';
import type { Diagnostic, DiagnosticCounts } from './diagnostic.js';
import { countDiagnostics, sortDiagnostics } from './diagnostic.js';

const LABEL = { error: '错误', warning: '警告' } as const;

/** What a text report may show besides the diagnostics themselves. */
export interface TextReportOptions {
  /** The lines of a file a diagnostic names (relative to the root), for an excerpt under it; undefined: none. */
  source?: (file: string) => readonly string[] | undefined;
  /** The terminal's width in columns, which excerpts fit in (80 when not given). */
  width?: number;
  /** At most this many excerpts, the first ones (1,000 when not given): a report of thousands is not read whole. */
  maxExcerpts?: number;
}

/** Excerpts in one report by default: enough for any sitting; an archive's tens of thousands would take seconds. */
export const MAX_EXCERPTS = 1000;

/**
 * Formats diagnostics the way ESLint's and remark's reporters do: grouped by
 * file, one line each as `file:line:column  错误  message  rule`, with an
 * excerpt of the line and a caret under the column when the source is given
 * (as rustc and ESLint's code frame show it), then a summary.
 */
export function formatText(
  diagnostics: readonly Diagnostic[],
  fileCount?: number,
  options: TextReportOptions = {},
): string {
  return Array.from(textReport(diagnostics, fileCount, options)).join('\n');
}

/**
 * The lines of formatText's report, one at a time: an archive's report runs
 * to hundreds of thousands of lines (44 MB at 2,000 issues), which the CLI
 * writes as it goes instead of holding them as one string.
 */
export function* textReport(
  diagnostics: readonly Diagnostic[],
  fileCount?: number,
  options: TextReportOptions = {},
): Generator<string> {
  const sorted = sortDiagnostics(diagnostics);
  let current: string | undefined;
  let excerpts = options.source ? (options.maxExcerpts ?? MAX_EXCERPTS) : 0;
  let without = 0;
  for (const d of sorted) {
    if (d.file !== current) {
      if (current !== undefined) yield '';
      yield d.file;
      current = d.file;
    }
    yield `${d.file}:${d.line}:${d.column}  ${LABEL[d.severity]}  ${d.message}  ${d.rule}`;
    if (excerpts === 0) {
      without++;
      continue;
    }
    const text = options.source?.(d.file)?.[d.line - 1];
    if (text !== undefined && text.trim() !== '') {
      yield* codeFrame(text, d.line, d.column, options.width);
      excerpts--;
    }
  }
  if (sorted.length > 0) yield '';
  if (options.source && without > 0)
    yield `（只摘录了前 ${options.maxExcerpts ?? MAX_EXCERPTS} 个问题的原文，其余 ${without} 个只给位置。）`;
  yield formatSummary(countDiagnostics(sorted), fileCount);
}

/**
 * The summary line: counts of errors and warnings, or a clear all-good; and
 * how many of the warnings `yongzu check --fix` corrects.
 */
export function formatSummary(counts: DiagnosticCounts, fileCount?: number): string {
  const { errors, warnings, fixable } = counts;
  const files = fileCount === undefined ? '' : `检查了 ${fileCount} 个文件：`;
  if (errors === 0 && warnings === 0) return `${files}没有发现问题。`;
  const fixes = fixable > 0 ? `其中 ${fixable} 个警告可用「yongzu check --fix」自动改正。` : '';
  return `${files}${errors} 个错误，${warnings} 个警告。${fixes}${errors > 0 ? '请先改正错误，再生成刊物。' : ''}`;
}

/**
 * JSON output, in pieces (one diagnostic each): an array of `{ file, line,
 * column, severity, rule, message }`, with `fixable: true` when it is. The
 * same characters as `JSON.stringify(array, null, 2)` (no string in it holds
 * a raw line break, so indenting each item's lines by two spaces nests it exactly).
 */
export function* jsonReport(diagnostics: readonly Diagnostic[]): Generator<string> {
  const sorted = sortDiagnostics(diagnostics);
  if (sorted.length === 0) {
    yield '[]';
    return;
  }
  for (const [i, { file, line, column, severity, rule, message, fixable }] of sorted.entries()) {
    const item = { file, line, column, severity, rule, message, ...(fixable ? { fixable } : {}) };
    yield `${i === 0 ? '[\n  ' : ',\n  '}${JSON.stringify(item, null, 2).replace(/\n/g, '\n  ')}`;
  }
  yield '\n]';
}
