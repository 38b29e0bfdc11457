import { resolve } from 'node:path';
import type { FileFix } from './fix/fix-project.js';
import type { NewestIssue } from './new/issue-date.js';
import type { CheckResult } from './pipeline/run-check.js';

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
export async function check(options: { root: string }): Promise<CheckResult> {
  return (await import('./pipeline/run-check.js')).runCheck(options);
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
 * backed up under `.yongzu/backup/` before any file is rewritten; a write that
 * failed is an error among the diagnostics after.
 */
export async function fix(options: { root: string }): Promise<{ fixed: FileFix[]; after: CheckResult }> {
  const root = resolve(options.root);
  const { fixed, diagnostics } = await (await import('./fix/fix-project.js')).fixProject(root);
  const after = await check({ root });
  return { fixed, after: { ...after, diagnostics: [...diagnostics, ...after.diagnostics] } };
}

/**
 * `yongzu new issue`: creates the next issue folder with its issue.yml. Its
 * date (and so its year) is `date`; without it, today's when the newest issue
 * is of this year or `thisYear` says so; otherwise `ask` is asked (the CLI asks
 * on a terminal) and, with no one to ask, nothing is created (new/which-year).
 */
export async function newIssue(options: {
  root: string;
  date?: Date;
  thisYear?: boolean;
  themes?: string[];
  ask?: (newest: NewestIssue) => Promise<Date | 'this-year' | undefined>;
}) {
  const root = resolve(options.root);
  const checked = await check({ root });
  const [{ createIssue }, { chooseIssueDate, issueName, newestIssue }, { newWhichYear }] = await Promise.all([
    import('./new/create.js'),
    import('./new/issue-date.js'),
    import('./rules/new/which-year.js'),
  ]);
  const today = new Date();
  const newest = newestIssue(checked.issues);
  let date = chooseIssueDate(newest, options, today);
  if (!date && newest) {
    const answer = options.ask ? await options.ask(newest) : undefined;
    if (answer !== undefined)
      date = answer === 'this-year' ? { date: today, today: true } : { date: answer, today: false };
    else {
      const message = options.ask
        ? '没有写这一期的日期，未新建。'
        : `最新一期 issues/${newest.folder} 是${issueName(newest)}，日期 ${newest.date}，不是今年的。新的一期是哪一年的？` +
          `接着编 ${newest.year} 年的：加 --date 写明日期，如 --date ${newest.year}-MM-DD；` +
          `从今年（${today.getFullYear()} 年）第1期编起：加 --this-year。`;
      return { diagnostics: [newWhichYear.report('issues', undefined, message)] };
    }
  }
  return createIssue(root, checked, { date: date!, ...(options.themes ? { themes: options.themes } : {}) });
}

/** `yongzu new submission`: a submission with correct front-matter and the next file-name prefix. */
export async function newSubmission(options: {
  root: string;
  to: string;
  county: string;
  theme?: string;
  title?: string;
  /** Create it even when the county has a write-up in that issue already. */
  force?: boolean;
}) {
  const root = resolve(options.root);
  const checked = await check({ root });
  const { resolveTarget, writeSubmission } = await import('./new/create.js');
  const target = resolveTarget(root, checked, options.to, options.county, options.theme, { force: options.force });
  if (!target.value) return { diagnostics: target.diagnostics };
  return writeSubmission(root, target.value, options.title ?? '', '');
}

/**
 * `yongzu import`: turns a .docx, .txt or .md file into a submission of the
 * given issue, then checks it. Nothing is written when the file cannot be
 * read or the submission would be larger than check accepts.
 * (src/import/import-document.ts; the dev desk's drop imports through it too.)
 */
export async function importDocument(options: import('./import/import-document.js').ImportOptions) {
  return (await import('./import/import-document.js')).importDocument(options);
}
