import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { diffChars, structuredPatch } from 'diff';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { fixProject } from '../fix/fix-project.js';
import { importDocument } from '../import/import-document.js';
import { readDocument } from '../import/read-document.js';
import { decodeSource } from '../load/decode.js';
import { parseSubmission } from '../load/parse-submission.js';
import { issueName } from '../new/issue-date.js';
import { type CheckResult, runCheck } from '../pipeline/run-check.js';
import { type DeskReport, deskReport, submissionNames } from './desk-report.js';
import { guessCounty } from './guess-county.js';

/** An issue the desk can work on: its id is its folder's name, the only way a request names a target. */
export interface DeskIssue {
  id: string;
  /** The issue's path in the site (`2009/18`), to match the open page. */
  path: string;
  name: string;
  themes: string[];
}

/** A refusal the desk shows as it is (a status and a Chinese message). */
export class DeskError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A diagnostic as the import's report shows it. */
type Reported = Pick<Diagnostic, 'file' | 'line' | 'column' | 'severity' | 'rule' | 'message'>;
const reported = (d: Diagnostic): Reported => ({
  file: d.file,
  line: d.line,
  column: d.column,
  severity: d.severity,
  rule: d.rule,
  message: d.message,
});

/** A line of a diff; changed lines paired with their counterpart carry the changed characters. */
export interface DiffLine {
  kind: ' ' | '-' | '+';
  text: string;
  parts?: { text: string; changed: boolean }[];
}

/** The kinds of files the desk imports (the CLI also takes .doc and .wps, through LibreOffice). */
export const DESK_KINDS = ['.docx', '.txt', '.md'] as const;

/**
 * What the desk does, composed from the modules the CLI uses: the check
 * (src/pipeline/run-check), the import (src/import/import-document), the
 * safe copy fixes with their backup (src/fix/fix-project). Every operation
 * names its issue by an id from `issues()`, and a file by a name listed in
 * that issue's folder: no path from a request reaches the file system.
 */
export function createDeskActions(root: string) {
  async function issues(): Promise<{ list: DeskIssue[]; checked: CheckResult }> {
    const checked = await runCheck({ root });
    const list = checked.issues.map((i) => ({
      id: i.folder,
      path: `${i.meta.year}/${i.meta.issue}`,
      name: issueName(i.meta),
      themes: [...i.meta.themes],
    }));
    return { list, checked };
  }

  async function issue(id: string): Promise<{ issue: DeskIssue; checked: CheckResult }> {
    const { list, checked } = await issues();
    const found = list.find((i) => i.id === id);
    if (!found) throw new DeskError(404, `没有「${id}」这一期（只能在列出的各期里操作）。`);
    return { issue: found, checked };
  }

  /** The panel: counties present and missing, each file's diagnostics. */
  async function report(id: string): Promise<DeskIssue & DeskReport & { counties: string[] }> {
    const { issue: found, checked } = await issue(id);
    return {
      ...found,
      counties: checked.config.counties.map((c) => c.name),
      ...deskReport(root, found.id, checked.config, checked.diagnostics),
    };
  }

  /** An upload's bytes in a temporary file outside the project (the import reads files), removed after `use`. */
  async function withUpload<T>(name: string, bytes: Buffer, use: (path: string) => Promise<T>): Promise<T> {
    const ext = extname(name).toLowerCase();
    if (!(DESK_KINDS as readonly string[]).includes(ext))
      throw new DeskError(415, `不支持「${ext || '无扩展名'}」文件：可导入 .docx、.txt 或 .md。`);
    const dir = await mkdtemp(join(tmpdir(), 'yongzu-desk-'));
    try {
      const path = join(dir, `upload${ext}`);
      await writeFile(path, bytes);
      return await use(path);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** A dropped file read but not written: its title and the county it seems to be from, for the editor to confirm. */
  async function preview(id: string, name: string, bytes: Buffer) {
    const { issue: found, checked } = await issue(id);
    const doc = await withUpload(name, bytes, (path) => readDocument(path, name));
    const counties = checked.config.counties;
    const present = deskReport(root, found.id, checked.config, []).present.map((p) => p.county);
    return {
      issue: found,
      counties: counties.map((c) => ({ name: c.name, present: present.includes(c.name) })),
      county: doc.value ? guessCounty(name, doc.value.title, doc.value.markdown, counties) : undefined,
      title: doc.value?.title,
      paragraphs: doc.value ? paragraphs(doc.value.markdown) : 0,
      diagnostics: doc.diagnostics.map(reported),
    };
  }

  /**
   * Imports a dropped file into the issue, as `yongzu import` does (never
   * overwriting; refused when the county has a write-up there already), and
   * reports what was kept (title, paragraphs, author) and what was not.
   */
  async function importUpload(id: string, name: string, bytes: Buffer, county: string, theme: string | undefined) {
    const { issue: found } = await issue(id);
    const done = await withUpload(name, bytes, (file) =>
      importDocument({ root, file, shown: name, to: found.id, county, ...(theme ? { theme } : {}) }),
    );
    if (!done.value) return { diagnostics: done.diagnostics.map(reported) };
    const text = await readFile(join(root, done.value), 'utf8');
    const parsed = parseSubmission(text, done.value).value;
    const data = parsed.front?.data ?? {};
    return {
      file: done.value,
      title: typeof data['title'] === 'string' ? data['title'] : '',
      author: typeof data['author'] === 'string' ? data['author'] : undefined,
      paragraphs: paragraphs(parsed.body),
      diagnostics: done.diagnostics.map(reported),
    };
  }

  /**
   * Applies the safe copy fixes to one submission of the issue (the code and
   * the backup of `check --fix`) and returns the changes and the diff.
   */
  async function fix(id: string, name: string) {
    const { issue: found } = await issue(id);
    if (!submissionNames(join(root, 'issues', found.id)).includes(name))
      throw new DeskError(404, `本期没有稿件「${name}」。`);
    const file = `issues/${found.id}/${name}`;
    const done = await fixProject(root, new Date(), { only: file });
    const diagnostics = done.diagnostics.map(reported);
    const fixed = done.fixed.find((f) => f.file === file);
    if (!fixed) return { file, changes: [], diff: [], diagnostics };
    const [before, after] = await Promise.all([readFile(fixed.backup), readFile(join(root, file))]);
    return {
      file,
      backup: fixed.backup,
      changes: fixed.changes,
      diff: lineDiff(textOf(before), textOf(after)),
      diagnostics,
    };
  }

  return { issues, report, preview, importUpload, fix };
}

export type DeskActions = ReturnType<typeof createDeskActions>;

function textOf(bytes: Buffer): string {
  const decoded = decodeSource(bytes);
  return decoded.ok ? decoded.text : bytes.toString('utf8');
}

function paragraphs(markdown: string): number {
  return markdown.split(/\n\s*\n/).filter((p) => p.trim() !== '').length;
}

/**
 * The changed lines of a file with two lines of context, as `diff` gives
 * them; a removed line followed by its added counterpart carries the changed
 * characters too (a long paragraph is one line: the editor sees 「,」→「，」).
 */
export function lineDiff(before: string, after: string): DiffLine[][] {
  const patch = structuredPatch('', '', before, after, '', '', { context: 2 });
  return patch.hunks.map((hunk) => {
    const lines: DiffLine[] = hunk.lines
      .filter((l) => !l.startsWith('\\'))
      .map((l) => ({ kind: l[0] as DiffLine['kind'], text: l.slice(1) }));
    for (let i = 0; i < lines.length; i++) {
      let removed = 0;
      while (lines[i + removed]?.kind === '-') removed++;
      let added = 0;
      while (lines[i + removed + added]?.kind === '+') added++;
      for (let k = 0; k < Math.min(removed, added); k++) {
        const [old, neu] = [lines[i + k]!, lines[i + removed + k]!];
        const parts = diffChars(old.text, neu.text);
        old.parts = parts.filter((p) => !p.added).map((p) => ({ text: p.value, changed: p.removed }));
        neu.parts = parts.filter((p) => !p.removed).map((p) => ({ text: p.value, changed: p.added }));
      }
      i += Math.max(removed + added - 1, 0);
    }
    return lines;
  });
}
