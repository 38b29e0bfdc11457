import { resolve } from 'node:path';
import type { FileFix } from './fix/fix-project.js';
import { type CheckResult, runCheck } from './pipeline/run-check.js';

/**
 * The public API of yongzu, one function per command. The work is the
 * pipeline's (src/pipeline/): these only load what a command needs, so that
 * `check` never loads rendering or Chromium and a build with nothing to do
 * loads little more than its manifest.
 */

export type { BuildOptions, BuildResult } from './pipeline/run-build.js';
export type { CheckResult } from './pipeline/run-check.js';
export type { PdfOptions, PdfResult } from './pipeline/run-pdf.js';
export type { PdfSummary } from './pipeline/summaries.js';
export type { RoleChoice } from './pdf/font-roles.js';

/** Loads the configuration and every issue under `root`, and checks them. */
export function check(options: { root: string }): Promise<CheckResult> {
  return runCheck(options);
}

/**
 * Checks, then (only when there is no error) merges every issue, prints each
 * issue's PDF, renders the site and swaps it all into OUT atomically.
 */
export async function build(options: import('./pipeline/run-build.js').BuildOptions) {
  return (await import('./pipeline/run-build.js')).runBuild(options);
}

/** `yongzu pdf`: prints the chosen issues into one flat folder. */
export async function pdf(options: import('./pipeline/run-pdf.js').PdfOptions) {
  return (await import('./pipeline/run-pdf.js')).runPdf(options);
}

/**
 * Applies the safe copy fixes (check --fix), then checks again. Originals are
 * backed up under `.yongzu/backup/` before any file is rewritten.
 */
export async function fix(options: { root: string }): Promise<{ fixed: FileFix[]; after: CheckResult }> {
  const root = resolve(options.root);
  const fixed = await (await import('./fix/fix-project.js')).fixProject(root);
  return { fixed, after: await runCheck({ root }) };
}

/** `yongzu new issue`: creates the next issue folder with its issue.yml. */
export async function newIssue(options: { root: string; date?: Date; themes?: string[] }) {
  const root = resolve(options.root);
  const checked = await runCheck({ root });
  return (await import('./new/create.js')).createIssue(root, checked, options);
}

/** `yongzu new submission`: a submission with correct front-matter and the next file-name prefix. */
export async function newSubmission(options: {
  root: string;
  to: string;
  county: string;
  theme?: string;
  title?: string;
}) {
  const root = resolve(options.root);
  const checked = await runCheck({ root });
  const { resolveTarget, writeSubmission } = await import('./new/create.js');
  const target = resolveTarget(root, checked, options.to, options.county, options.theme);
  if (!target.value) return { diagnostics: target.diagnostics };
  const file = await writeSubmission(root, target.value, options.title ?? '', '');
  return { value: file, diagnostics: [] };
}

/**
 * `yongzu import`: turns a .docx, .txt or .md file into a submission of the
 * given issue, then checks it. Nothing is written when the file cannot be read.
 */
export async function importDocument(options: {
  root: string;
  file: string;
  to: string;
  county: string;
  theme?: string;
  title?: string;
}) {
  const root = resolve(options.root);
  const checked = await runCheck({ root });
  const [{ resolveTarget, writeSubmission }, { readDocument }] = await Promise.all([
    import('./new/create.js'),
    import('./import/read-document.js'),
  ]);
  const target = resolveTarget(root, checked, options.to, options.county, options.theme);
  if (!target.value) return { diagnostics: target.diagnostics };
  const doc = await readDocument(resolve(options.file), options.file);
  if (!doc.value) return { diagnostics: doc.diagnostics };
  const title = (options.title ?? doc.value.title ?? '').replace(/[。.]$/, '');
  const file = await writeSubmission(root, target.value, title, doc.value.markdown);
  const after = await runCheck({ root });
  return { value: file, diagnostics: [...doc.diagnostics, ...after.diagnostics.filter((d) => d.file === file)] };
}
