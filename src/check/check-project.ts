import * as v from 'valibot';
import { concatAll, pushAll } from '../util/append.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LoadedIssue, LoadedProject, LoadedSubmission } from '../load/load-project.js';
import { checkBodyEmpty } from '../rules/body/empty.js';
import { findHeadingLevels, headingLevel } from '../rules/content/heading-level.js';
import { findImages, image, mayHaveImages } from '../rules/content/image.js';
import {
  findLiteralDelimiters,
  literalDelimiter,
  mayHaveLiteralDelimiters,
  parseIsBounded,
} from '../rules/content/literal-delimiter.js';
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
import { bodySpan, rawValueStart, valueSpan } from './text-span.js';
import type { Config } from '../model/config.js';
import type { MarkdownParser } from '../text/markdown-syntax.js';
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
  const { value, lists } = checkAcrossLists(checks);
  return { value, diagnostics: concatAll(lists) };
}

/**
 * checkAcross with the diagnostics left as their lists (each issue's, then the
 * rules across issues): a caller adding lists of its own copies them once.
 */
export function checkAcrossLists(checks: readonly IssueCheck[]): { value: CheckedIssue[]; lists: Diagnostic[][] } {
  const issues = checks.flatMap((c) => (c.value ? [c.value] : []));
  return { value: issues, lists: [...checks.map((c) => c.diagnostics), checkUniqueNumbers(issues)] };
}

export interface CheckIssueOptions {
  /** false: leave out the copy rules' warnings on the bodies (the caller has them made elsewhere). */
  bodyCopy?: boolean;
  /**
   * The renderer's Markdown parser, for the bodies that may hold literal
   * emphasis marks or images (loadBodyParser gives it when one does).
   */
  parser?: MarkdownParser;
}

/**
 * The Markdown parser for these submissions' bodies, when one of them needs
 * it (content/literal-delimiter, content/image); loaded on first need only,
 * so that a check of plain prose never loads remark.
 */
export async function loadBodyParser(
  submissions: readonly Pick<LoadedSubmission, 'body'>[],
): Promise<MarkdownParser | undefined> {
  if (!submissions.some((s) => needsParse(s.body))) return undefined;
  bodyParser ??= (await import('../text/markdown-syntax.js')).createMarkdownParser();
  return bodyParser;
}
let bodyParser: MarkdownParser | undefined;

/**
 * Whether the rules that read a body's syntax tree (content/literal-delimiter,
 * content/image) need it parsed: once, for both. Not a body too long or with
 * too many marks to parse quickly (parseIsBounded).
 */
function needsParse(body: string): boolean {
  return (mayHaveLiteralDelimiters(body) || mayHaveImages(body)) && parseIsBounded(body);
}

/**
 * Checks one issue folder: its issue.yml and every submission in it. Pure.
 * The copy rules' warnings on the bodies come last, in submission order; with
 * `bodyCopy: false` they are left out, for the caller to add (check-folders
 * has them made on another thread). A body with emphasis marks or images
 * needs `parser` (loadBodyParser).
 */
export function checkIssue(loaded: LoadedIssue, config: Config, options: CheckIssueOptions = {}): IssueCheck {
  const checked = checkFolder(loaded, config, options.parser);
  if (options.bodyCopy !== false)
    for (const sub of loaded.submissions) pushAll(checked.diagnostics, bodyCopyDiagnostics(sub));
  return checked;
}

function checkFolder(loaded: LoadedIssue, config: Config, parser: MarkdownParser | undefined): IssueCheck {
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
    const result = checkSubmission(loadedSub, config, meta, metaFile, parser);
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

function checkSubmission(
  sub: LoadedSubmission,
  config: Config,
  meta: IssueMetaData | undefined,
  metaFile: string,
  parser: MarkdownParser | undefined,
) {
  const diagnostics: Diagnostic[] = [];
  pushAll(diagnostics, bodyFindings(sub, findRawHtml(sub.body), rawHtml));
  pushAll(diagnostics, checkBodyEmpty(sub.file, sub.body, sub.bodyLine));
  const deep = findTooDeep(sub.body);
  pushAll(diagnostics, bodyFindings(sub, deep, tooDeep));
  pushAll(diagnostics, bodyFindings(sub, findHeadingLevels(sub.body), headingLevel));
  // A body nested too deep is not parsed (that is what too-deep prevents), nor one that would take long.
  if (deep.length === 0 && needsParse(sub.body)) {
    if (!parser) throw new Error('checkIssue: a body needs parsing: pass the parser of loadBodyParser()');
    const tree = parser(sub.body);
    if (mayHaveLiteralDelimiters(sub.body))
      pushAll(diagnostics, bodyFindings(sub, findLiteralDelimiters(sub.body, tree), literalDelimiter));
    if (mayHaveImages(sub.body)) pushAll(diagnostics, bodyFindings(sub, findImages(tree), image));
  }
  const front = sub.front;
  if (!front?.data) return { value: undefined, diagnostics };
  pushAll(diagnostics, checkUnknownKeys(front, SUBMISSION_KEYS));
  const titleSpan = valueSpan(front, 'title');
  if (titleSpan)
    pushAll(
      diagnostics,
      copyDiagnostics(sub.file, titleSpan, { fixable: () => rawValueStart(sub.text, front, 'title') !== undefined }),
    );
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
