/**
 * The one diagnostic type of yongzu. Every stage returns these as plain data
 * (serialisable, so they can be cached and printed as JSON).
 */
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** 1-based line of the offending key or text. */
  line: number;
  /** 1-based column (in characters) of the offending key or text. */
  column: number;
  severity: Severity;
  /** Stable rule id, `family/name`: an entry of the rule catalogue (src/rules/catalogue.ts). */
  rule: string;
  /** Chinese message for editors: what was found, what was expected, how to fix. */
  message: string;
  /** Set when `yongzu check --fix` corrects this finding. */
  fixable?: true;
}

/** A position inside a file, 1-based. */
export interface Place {
  line: number;
  column: number;
}

export const TOP: Place = { line: 1, column: 1 };

/** Creates a diagnostic; the place defaults to the top of the file. */
export function createDiagnostic(
  file: string,
  place: Place | undefined,
  severity: Severity,
  rule: string,
  message: string,
): Diagnostic {
  const at = place ?? TOP;
  return { file, line: at.line, column: at.column, severity, rule, message };
}

/** Sorts diagnostics by file, then line, then column, so reports read top to bottom. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column,
  );
}

/** How many errors and warnings a report holds, and how many of the warnings `yongzu check --fix` corrects. */
export interface DiagnosticCounts {
  errors: number;
  warnings: number;
  fixable: number;
}

export function countDiagnostics(list: readonly Diagnostic[]): DiagnosticCounts {
  let errors = 0;
  let fixable = 0;
  for (const d of list) {
    if (d.severity === 'error') errors++;
    else if (d.fixable) fixable++;
  }
  return { errors, warnings: list.length - errors, fixable };
}

/** The warnings of the print layout (family `pdf/`): `build` and `pdf` show them in full, not only counted. */
export function pdfWarnings(list: readonly Diagnostic[]): Diagnostic[] {
  return list.filter((d) => d.severity === 'warning' && d.rule.startsWith('pdf/'));
}

export function hasErrors(list: readonly Diagnostic[]): boolean {
  return list.some((d) => d.severity === 'error');
}
