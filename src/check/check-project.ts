import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { createDiagnostic } from '../diagnostics/diagnostic.js';
import { pushAll } from '../util/append.js';
import type { LoadedIssue, LoadedProject, LoadedSubmission } from '../load/load-project.js';
import { valuePlace, type YamlSource } from '../load/yaml-source.js';
import type { CopyFinding } from './copy/copy-rule.js';
import type { CheckedIssue, Submission } from '../model/checked-issue.js';
import { checkCountyKnown } from './rules/county-known.js';
import {
  checkBodyEmpty,
  checkCountyOnce,
  checkDateYear,
  checkIssueMatch,
  checkThemeDeclared,
  checkThemesUsed,
  checkTitlePeriod,
  checkUniqueNumbers,
} from './rules/issue-rules.js';
import { findRawHtml } from './rules/raw-html.js';
import { findTooDeep } from './rules/nesting-limit.js';
import { checkUnknownKeys, schemaDiagnostics } from './schema-diagnostics.js';
import * as v from 'valibot';
import {
  ISSUE_KEYS,
  issueMetaSchema,
  SUBMISSION_KEYS,
  submissionSchema,
  type IssueMetaData,
} from '../model/schemas.js';
import { bodySpan, valueSpan } from './text-span.js';
import { bodyCopyDiagnostics, copyDiagnostics } from './copy-diagnostics.js';
import type { Config } from '../model/config.js';

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

/** Combines per-issue checks and runs the rules across issues (numbers claimed twice). */
export function checkAcross(checks: readonly IssueCheck[]): { value: CheckedIssue[]; diagnostics: Diagnostic[] } {
  const diagnostics = checks.flatMap((c) => c.diagnostics);
  const issues = checks.flatMap((c) => (c.value ? [c.value] : []));
  pushAll(diagnostics, checkUniqueNumbers(issues));
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
    for (const sub of loaded.submissions) pushAll(checked.diagnostics, bodyCopyDiagnostics(sub));
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
    pushAll(diagnostics, checkUnknownKeys(metaSource, ISSUE_KEYS));
    const parsed = v.safeParse(issueMetaSchema, metaSource.data);
    if (parsed.success) {
      meta = parsed.output;
      pushAll(diagnostics, checkDateYear(meta, metaSource));
    } else pushAll(diagnostics, schemaDiagnostics(metaSource, parsed.issues));
  }
  const submissions: Submission[] = [];
  for (const loadedSub of loaded.submissions) {
    const result = checkSubmission(loadedSub, config, meta, metaFile);
    pushAll(diagnostics, result.diagnostics);
    if (result.value && loadedSub.front) {
      submissions.push(result.value);
      sources.set(loadedSub.file, loadedSub.front);
    }
  }
  if (!meta || !metaSource) return { value: undefined, diagnostics };
  pushAll(diagnostics, checkCountyOnce(submissions, sources));
  pushAll(diagnostics, checkThemesUsed(meta, metaSource, submissions));
  const places = { issue: valuePlace(metaSource, ['issue']), total: valuePlace(metaSource, ['total']) };
  return { value: { folder: loaded.folder, file: metaFile, meta, submissions, places }, diagnostics };
}

function checkSubmission(sub: LoadedSubmission, config: Config, meta: IssueMetaData | undefined, metaFile: string) {
  const diagnostics: Diagnostic[] = [];
  pushAll(diagnostics, bodyFindings(sub, findRawHtml(sub.body), 'content/raw-html'));
  pushAll(diagnostics, checkBodyEmpty(sub.file, sub.body, sub.bodyLine));
  const tooDeep = findTooDeep(sub.body);
  pushAll(
    diagnostics,
    bodyFindings(sub, tooDeep, 'content/too-deep').map((d) => ({ ...d, severity: 'error' as const })),
  );
  const front = sub.front;
  if (!front?.data) return { value: undefined, diagnostics };
  pushAll(diagnostics, checkUnknownKeys(front, SUBMISSION_KEYS));
  const titleSpan = valueSpan(front, 'title');
  if (titleSpan) pushAll(diagnostics, copyDiagnostics(sub.file, titleSpan));
  const parsed = v.safeParse(submissionSchema, front.data);
  if (!parsed.success) {
    pushAll(diagnostics, schemaDiagnostics(front, parsed.issues));
    return { value: undefined, diagnostics };
  }
  const data = parsed.output;
  const { county, diagnostics: countyDiagnostics } = checkCountyKnown(front, data.county, config.counties);
  pushAll(diagnostics, countyDiagnostics);
  pushAll(diagnostics, checkTitlePeriod(front, data.title));
  if (meta) {
    pushAll(diagnostics, checkIssueMatch(front, data.issue, meta, metaFile));
    pushAll(diagnostics, checkThemeDeclared(front, data.theme, meta, metaFile));
  }
  if (!county || tooDeep.length > 0) return { value: undefined, diagnostics };
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

/** Findings in a body as warnings at their places (the body's lines are indexed only when there are some). */
function bodyFindings(sub: LoadedSubmission, findings: readonly CopyFinding[], rule: string): Diagnostic[] {
  if (findings.length === 0) return [];
  const span = bodySpan(sub.body, sub.bodyLine);
  return findings.map((f) => createDiagnostic(sub.file, span.place(f.index), 'warning', rule, f.message));
}
