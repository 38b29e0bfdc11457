import { countDiagnostics, type Diagnostic, type DiagnosticCounts, pdfWarnings } from '../diagnostics/diagnostic.js';
import type { IssueModel } from '../model/issue-model.js';
import type { RoleChoice } from '../pdf/font-roles.js';
import type { PdfSummary } from './summaries.js';

export interface BuildOptions {
  root: string;
  /** Output folder; defaults to `root/dist`. */
  out?: string;
  /** Print PDFs beside the issue pages (default true). */
  pdf?: boolean;
  /** Replace an existing OUT that yongzu did not make (`--force`). */
  force?: boolean;
  /** Environment to find the browser in (YONGZU_CHROMIUM); defaults to process.env. */
  env?: NodeJS.ProcessEnv;
  /** Progress of the PDFs, issue by issue. */
  onProgress?: (done: number, total: number, label: string) => void;
}

export interface BuildResult {
  /**
   * Everything found. A build with nothing to do reads them from the last build's manifest on first access
   * (build-manifest.ts): what the CLI prints of them is in `counts` and `pdfWarnings`.
   */
  readonly diagnostics: Diagnostic[];
  counts: DiagnosticCounts;
  /** The print layout's warnings (pdf/…), shown in full. */
  pdfWarnings: Diagnostic[];
  fileCount: number;
  /** Undefined when the build refused to write (errors found). */
  written: { out: string; files: number; issueCount: number; issues: IssueModel[]; unchanged?: boolean } | undefined;
  /** The print PDFs written (empty with `pdf: false`). */
  pdfs: PdfSummary[];
  /** The face each font role of the PDFs used (empty with `pdf: false`). */
  fontRoles?: RoleChoice[];
}

/** A build's result: its diagnostics with their counts and print warnings, and the rest. */
export function buildResult(
  diagnostics: Diagnostic[],
  rest: Omit<BuildResult, 'diagnostics' | 'counts' | 'pdfWarnings'>,
): BuildResult {
  return { diagnostics, counts: countDiagnostics(diagnostics), pdfWarnings: pdfWarnings(diagnostics), ...rest };
}
