import type { Place } from '../diagnostics/diagnostic.js';
import type { IssueMetaData } from './schemas.js';
import type { County } from './config.js';

/** A submission that passed its own checks: plain data for the merge stage. */
export interface Submission {
  file: string;
  name: string;
  county: County;
  /** The county as written in the submission (a name or an alias). */
  countyText: string;
  theme: string;
  title: string;
  order: number | undefined;
  body: string;
  bodyLine: number;
}

/** An issue whose `issue.yml` is valid, with its valid submissions. */
export interface CheckedIssue {
  folder: string;
  file: string;
  meta: IssueMetaData;
  submissions: Submission[];
  /** Where `issue` and `total` are written in issue.yml, for rules across issues. */
  places: { issue: Place; total: Place };
}

/**
 * An issue as `check` reports it: all of a CheckedIssue but its submissions'
 * bodies (check does not read the bodies of folders it takes from its cache:
 * memo-store.ts).
 */
export interface IssueHead extends Omit<CheckedIssue, 'submissions'> {
  submissions: Omit<Submission, 'body'>[];
}

/** The issue without its submissions' bodies. */
export function issueHead(issue: CheckedIssue): IssueHead {
  return { ...issue, submissions: issue.submissions.map(({ body: _, ...rest }) => rest) };
}
