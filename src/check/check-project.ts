import * as v from 'valibot';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LoadedIssue, LoadedProject, LoadedSubmission } from '../load/load-project.js';
import { checkBodyEmpty } from '../rules/body/empty.js';
import { findRawHtml, rawHtml } from '../rules/content/raw-html.js';
import { findTooDeep, tooDeep } from '../rules/content/too-deep.js';
import { checkCountyOnce } from '../rules/county/duplicate.js';
import { checkCountyKnown } from '../rules/county/known.js';
import { checkDateYear } from '../rules/issue/date-year.js';
import { duplicateNumbers } from '../rules/issue/duplicate-number.js';
import { duplicateTotals } from '../rules/issue/duplicate-total.js';
import { checkIssueMatch } from '../rules/issue/match.js';
import type { Rule } from '../rules/rule.js';
import { schemaDiagnostics } from '../rules/schema-failures.js';
import { checkUnknownKeys } from '../rules/schema/unknown-key.js';
import type { TextFinding } from '../rules/text-finding.js';
import { checkThemeDeclared } from '../rules/theme/declared.js';
import { checkThemesUsed } from '../rules/theme/unused.js';
import { checkTitlePeriod } from '../rules/title/final-period.js';
import { bodyCopyDiagnostics, copyDiagnostics } from './copy-diagnostics.js';
import type { CheckedIssue, Submission } from '../model/checked-issue.js';
import {
  ISSUE_KEYS,
  type IssueMetaData,
  issueMetaSchema,
  SUBMISSION_KEYS,
  submissionSchema,
} from '../model/schemas.js';
import { bodySpan, valueSpan } from './text-span.js';
import type { Config } from '../model/config.js';
import { type YamlSource, valuePlace } from '../text/yaml-places.js';

/**
 * Checks a loaded project: every rule over every issue and submission, all
 * problems collected in one pass. Returns the issues that can be merged.
 */
export function checkProject(
  project: LoadedProject,
  config: Config,
): { value: CheckedIssue[]; diagnostics: Diagnostic[] } {
  return checkAcross(project.issues.map((loaded) => checkIssue(loaded, config)));
}

/** The result of checking one issue folder on its own: plain data. */
export interface IssueCheck {
  value: CheckedIssue | undefined;
  diagnostics: Diagnostic[];
}

/** Issues claiming a year and issue, or a total, that an earlier one has (issue/duplicate-number, -total). */
export function checkUniqueNumbers(issues: readonly CheckedIssue[]): Diagnostic[] {
  return [...duplicateNumbers(issues), ...duplicateTotals(issues)];
}

/** Combines per-issue checks and runs the rules across issues (numbers claimed twice). */
export function checkAcross(checks: readonly IssueCheck[]): { value: CheckedIssue[]; diagnostics: Diagnostic[] } {
  const diagnostics = checks.flatMap((c) => c.diagnostics);
  const issues = checks.flatMap((c) => (c.value ? [c.value] : []));
  diagnostics.push(...checkUniqueNumbers(issues));
  return { value: issues, diagnostics };
}

/**
 * Checks one issue folder: its issue.yml and every submission in it. Pure.
 * The copy rules' warnings on the bodies come last, in submission order; with
 * `bodyCopy: false` they are left out, for the caller to add (check-folders
 * has them made on another thread).
 */
export function checkIssue(loaded: LoadedIssue, config: Config, options: { bodyCopy?: boolean } = {}): IssueCheck {
  const checked = checkFolder(loaded, config);
  if (options.bodyCopy !== false)
    for (const sub of loaded.submissions) checked.diagnostics.push(...bodyCopyDiagnostics(sub));
  return checked;
}

function checkFolder(loaded: LoadedIssue, config: Config): IssueCheck {
  const sources = new Map<string, YamlSource>();
  const diagnostics: Diagnostic[] = [];
  let meta: IssueMetaData | undefined;
  const metaSource = loaded.meta;
  const metaFile = `issues/${loaded.folder}/issue.yml`;
  if (metaSource?.data) {
    sources.set(metaFile, metaSource);
    diagnostics.push(...checkUnknownKeys(metaSource, ISSUE_KEYS));
    const parsed = v.safeParse(issueMetaSchema, metaSource.data);
    if (parsed.success) {
      meta = parsed.output;
      diagnostics.push(...checkDateYear(meta, metaSource));
    } else diagnostics.push(...schemaDiagnostics(metaSource, parsed.issues));
  }
  const submissions: Submission[] = [];
  for (const loadedSub of loaded.submissions) {
    const result = checkSubmission(loadedSub, config, meta, metaFile);
    diagnostics.push(...result.diagnostics);
    if (result.value && loadedSub.front) {
      submissions.push(result.value);
      sources.set(loadedSub.file, loadedSub.front);
    }
  }
  if (!meta || !metaSource) return { value: undefined, diagnostics };
  diagnostics.push(...checkCountyOnce(submissions, sources));
  diagnostics.push(...checkThemesUsed(meta, metaSource, submissions));
  const places = { issue: valuePlace(metaSource, ['issue']), total: valuePlace(metaSource, ['total']) };
  return { value: { folder: loaded.folder, file: metaFile, meta, submissions, places }, diagnostics };
}

function checkSubmission(sub: LoadedSubmission, config: Config, meta: IssueMetaData | undefined, metaFile: string) {
  const diagnostics: Diagnostic[] = [];
  diagnostics.push(...bodyFindings(sub, findRawHtml(sub.body), rawHtml));
  diagnostics.push(...checkBodyEmpty(sub.file, sub.body, sub.bodyLine));
  const deep = findTooDeep(sub.body);
  diagnostics.push(...bodyFindings(sub, deep, tooDeep));
  const front = sub.front;
  if (!front?.data) return { value: undefined, diagnostics };
  diagnostics.push(...checkUnknownKeys(front, SUBMISSION_KEYS));
  const titleSpan = valueSpan(front, 'title');
  if (titleSpan) diagnostics.push(...copyDiagnostics(sub.file, titleSpan));
  const parsed = v.safeParse(submissionSchema, front.data);
  if (!parsed.success) {
    diagnostics.push(...schemaDiagnostics(front, parsed.issues));
    return { value: undefined, diagnostics };
  }
  const data = parsed.output;
  const { county, diagnostics: countyDiagnostics } = checkCountyKnown(front, data.county, config.counties);
  diagnostics.push(...countyDiagnostics);
  diagnostics.push(...checkTitlePeriod(front, data.title));
  if (meta) {
    diagnostics.push(...checkIssueMatch(front, data.issue, meta, metaFile));
    diagnostics.push(...checkThemeDeclared(front, data.theme, meta, metaFile));
  }
  if (!county || deep.length > 0) return { value: undefined, diagnostics };
  const value: Submission = {
    file: sub.file,
    name: sub.name,
    county,
    countyText: data.county,
    theme: data.theme,
    title: data.title.replace(/[。．.]+$/, ''),
    order: data.order,
    body: sub.body,
    bodyLine: sub.bodyLine,
  };
  return { value, diagnostics };
}

/** A rule's findings in a body, at their places (the body's lines are indexed only when there are some). */
function bodyFindings(sub: LoadedSubmission, findings: readonly TextFinding[], rule: Rule): Diagnostic[] {
  if (findings.length === 0) return [];
  const span = bodySpan(sub.body, sub.bodyLine);
  return findings.map((f) => rule.report(sub.file, span.place(f.index), f.message));
}
