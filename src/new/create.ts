import { mkdir, readdir, rmdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { stringify } from 'yaml';
import type { CheckResult } from '../pipeline/run-check.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { IssueHead } from '../model/checked-issue.js';
import { suggest } from '../diagnostics/suggest.js';
import { countyDuplicate } from '../rules/county/duplicate.js';
import { countyKnown, findCounty } from '../rules/county/known.js';
import { newExists } from '../rules/new/exists.js';
import { newNoIssue } from '../rules/new/no-issue.js';
import type { Rule } from '../rules/rule.js';
import { themeDeclared } from '../rules/theme/declared.js';
import { makeFolders, sourceWriteFailure, writeSourceAtomic } from '../write/write-source.js';
import { MAX_FILE_BYTES } from '../model/limits.js';
import type { IssueDate } from './issue-date.js';
import { isoDate, nextIssueNumbers, nextPrefix } from './next-numbers.js';
import { countyWriteUp } from './county-write-up.js';
import { findIssue } from './find-issue.js';
import { submissionText } from './submission-text.js';
import { importTooLarge } from '../rules/import/too-large.js';

/** A new issue's numbers and date, as `yongzu new issue` reports them. */
export interface CreatedIssue {
  folder: string;
  year: number;
  issue: number;
  total: number;
  date: string;
  /** The date is today's (no --date was given). */
  today: boolean;
}

/**
 * The text of a new issue.yml. Without themes, `themes:` is followed by a
 * commented example item that is valid YAML once its `# ` is taken away, as
 * the comment above it says.
 */
export function issueYml(meta: { year: number; issue: number; total: number; date: string }, themes: string[]): string {
  const yaml = stringify({ ...meta, themes: themes.length > 0 ? themes : null }, { lineWidth: 0 });
  if (themes.length > 0) return yaml;
  return yaml.replace(
    /^themes: null\n/m,
    'themes:\n' +
      '  # 每个主题一行，以「- 」开头，按文章的顺序。去掉下一行开头的「# 」，改成本期的主题：\n' +
      '  # - 各县区创新组织工作服务新型工业化发展\n',
  );
}

/**
 * Creates the next issue folder `issues/<year>-<NN>/issue.yml`: next 期号 in
 * the year of `date`, next 总期号 (chooseIssueDate gives the date).
 */
export async function createIssue(
  root: string,
  checked: CheckResult,
  options: { date: IssueDate; themes?: string[] },
): Promise<{ value?: string; created?: CreatedIssue; diagnostics: Diagnostic[] }> {
  const { date, today } = options.date;
  const year = date.getFullYear();
  const { issue, total } = nextIssueNumbers(
    checked.issues.map((i) => i.meta),
    year,
  );
  const folder = `${year}-${String(issue).padStart(2, '0')}`;
  const dir = join(root, 'issues', folder);
  const text = issueYml({ year, issue, total, date: isoDate(date) }, options.themes ?? []);
  // On a full or read-only disk: a diagnostic, and no folder left behind (so the retry is not refused as existing).
  let undoIssues: () => Promise<void>;
  try {
    undoIssues = await makeFolders(join(root, 'issues'));
  } catch (e) {
    return writeFailed(e, root, join(root, 'issues'));
  }
  try {
    await mkdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
      await undoIssues();
      return writeFailed(e, root, dir);
    }
    return {
      diagnostics: [newExists.report(`issues/${folder}`, undefined, `文件夹 issues/${folder} 已存在，未做任何改动。`)],
    };
  }
  try {
    await writeSourceAtomic(join(dir, 'issue.yml'), text, { exclusive: true });
  } catch (e) {
    await rmdir(dir).catch(() => undefined);
    await undoIssues();
    return writeFailed(e, root, join(dir, 'issue.yml'));
  }
  return {
    value: `issues/${folder}/issue.yml`,
    created: { folder, year, issue, total, date: isoDate(date), today },
    diagnostics: [],
  };
}

/** A failed write as its diagnostic; an error that is not the file system's is rethrown (a bug). */
function writeFailed(e: unknown, root: string, path: string): { diagnostics: Diagnostic[] } {
  const failure = sourceWriteFailure(e, root, path);
  if (!failure) throw e;
  return { diagnostics: [failure] };
}

/** Where a new submission goes, or why it cannot be created. */
export interface SubmissionTarget {
  issue: IssueHead;
  county: string;
  slug: string;
  theme: string;
  dir: string;
}

/**
 * Resolves `--to`, `--county` and `--theme` against the checked project: the
 * issue named as `yongzu pdf` names issues (find-issue.ts), the county known
 * by its name or an alias (written by its name: 江华瑶族自治县 → 江华县; with a
 * did-you-mean when unknown), not yet written up in that
 * issue (unless `force`), the theme declared (the issue's only theme by
 * default).
 */
export function resolveTarget(
  root: string,
  checked: CheckResult,
  to: string,
  countyName: string,
  theme?: string,
  options: { force?: boolean } = {},
): { value?: SubmissionTarget; diagnostics: Diagnostic[] } {
  const fail = (rule: Rule, message: string) => ({ diagnostics: [rule.report(to, undefined, message)] });
  const found = findIssue(root, checked.issues, to);
  if ('problem' in found) return fail(newNoIssue, found.problem);
  const { issue } = found;
  const dir = join(root, 'issues', issue.folder);
  const counties = checked.config.counties;
  const county = findCounty(counties, countyName.trim());
  if (!county) {
    const close = suggest(
      countyName.trim(),
      counties.flatMap((c) => [c.name, ...c.aliases]),
    );
    return fail(
      countyKnown,
      `未知县区「${countyName}」；${close ? `是不是「${close}」？` : ''}可选：${counties.map((c) => c.name).join('、')}。`,
    );
  }
  const existing = options.force ? undefined : countyWriteUp(dir, county, counties);
  if (existing) {
    const file = `issues/${issue.folder}/${existing.name}`;
    const message = `本期已有${county.name}的稿件 ${file}：每个县区每期只收一篇，请在那一篇里修改。确要再建一篇，加 --force。`;
    return { diagnostics: [countyDuplicate.report(file, existing.place, message)] };
  }
  const themes = issue.meta.themes;
  const chosen = theme ?? (themes.length === 1 ? themes[0] : undefined);
  if (chosen === undefined)
    return fail(themeDeclared, `本期有多个主题，请用 --theme 指定其一：${themes.map((t) => `「${t}」`).join('')}。`);
  if (!themes.includes(chosen))
    return fail(themeDeclared, `主题「${chosen}」不在本期的 themes 里：${themes.map((t) => `「${t}」`).join('')}。`);
  return { value: { issue, county: county.name, slug: county.slug, theme: chosen, dir }, diagnostics: [] };
}

/**
 * Writes a new submission with the next file-name prefix; never overwrites.
 * Returns its path relative to root; a diagnostic, and nothing written, when
 * it would be larger than `check` accepts or the disk refuses it.
 */
export async function writeSubmission(
  root: string,
  target: SubmissionTarget,
  title: string,
  body: string,
  author?: string,
): Promise<{ value?: string; diagnostics: Diagnostic[] }> {
  let names: string[];
  try {
    names = await readdir(target.dir);
  } catch (e) {
    return writeFailed(e, root, target.dir);
  }
  const name = `${nextPrefix(names)}-${target.slug}.md`;
  const text = submissionText(
    {
      issue: target.issue.meta.issue,
      county: target.county,
      theme: target.theme,
      title,
      ...(author ? { author } : {}),
    },
    body,
  );
  const file = relative(root, join(target.dir, name)).split('\\').join('/');
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_FILE_BYTES) {
    const mb = (n: number) => (n / 1048576).toFixed(1);
    return {
      diagnostics: [
        importTooLarge.report(
          file,
          undefined,
          `转换后的稿件有 ${mb(bytes)} MB，超过「yongzu check」允许的 ${mb(MAX_FILE_BYTES)} MB，未写入任何文件。` +
            '一篇稿件通常只有几 KB：请检查原文件是否混入了大量表格、重复内容或其他文件，删去后再导入。',
        ),
      ],
    };
  }
  try {
    await writeSourceAtomic(join(target.dir, name), text, { exclusive: true });
  } catch (e) {
    return writeFailed(e, root, join(target.dir, name));
  }
  return { value: file, diagnostics: [] };
}
