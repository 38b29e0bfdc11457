import { mkdir, readdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { stringify } from 'yaml';
import type { CheckResult } from '../pipeline/run-check.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { CheckedIssue } from '../model/checked-issue.js';
import { countyKnown, findCounty } from '../rules/county/known.js';
import { newExists } from '../rules/new/exists.js';
import { newNoIssue } from '../rules/new/no-issue.js';
import type { Rule } from '../rules/rule.js';
import { themeDeclared } from '../rules/theme/declared.js';
import { writeSourceAtomic } from '../write/write-source.js';
import { isoDate, nextIssueNumbers, nextPrefix } from './next-numbers.js';
import { submissionText } from './submission-text.js';

/**
 * Creates the next issue folder `issues/<year>-<NN>/issue.yml`: next 期号 in
 * the year, next 总期号, the given date (today by default).
 */
export async function createIssue(
  root: string,
  checked: CheckResult,
  options: { date?: Date; themes?: string[] },
): Promise<{ value?: string; diagnostics: Diagnostic[] }> {
  const date = options.date ?? new Date();
  const year = date.getFullYear();
  const { issue, total } = nextIssueNumbers(
    checked.issues.map((i) => i.meta),
    year,
  );
  const folder = `${year}-${String(issue).padStart(2, '0')}`;
  const dir = join(root, 'issues', folder);
  const themes = options.themes ?? [];
  const yaml = stringify({ year, issue, total, date: isoDate(date), themes }, { lineWidth: 0 });
  const text =
    themes.length > 0
      ? yaml
      : yaml.replace('themes: []\n', 'themes: [] # 每个主题一行，如：\n#  - 各县区创新组织工作服务新型工业化发展\n');
  await mkdir(join(root, 'issues'), { recursive: true });
  try {
    await mkdir(dir);
  } catch {
    return {
      diagnostics: [newExists.report(`issues/${folder}`, undefined, `文件夹 issues/${folder} 已存在，未做任何改动。`)],
    };
  }
  await writeSourceAtomic(join(dir, 'issue.yml'), text, { exclusive: true });
  return { value: `issues/${folder}/issue.yml`, diagnostics: [] };
}

/** Where a new submission goes, or why it cannot be created. */
export interface SubmissionTarget {
  issue: CheckedIssue;
  county: string;
  slug: string;
  theme: string;
  dir: string;
}

/**
 * Resolves `--to`, `--county` and `--theme` against the checked project: the
 * folder must be a valid issue, the county known, the theme declared (the
 * issue's only theme by default).
 */
export function resolveTarget(
  root: string,
  checked: CheckResult,
  to: string,
  countyName: string,
  theme?: string,
): { value?: SubmissionTarget; diagnostics: Diagnostic[] } {
  const dir = resolve(root, to);
  const folder = relative(join(root, 'issues'), dir);
  const issue = checked.issues.find((i) => i.folder === folder);
  const fail = (rule: Rule, message: string) => ({ diagnostics: [rule.report(to, undefined, message)] });
  if (!issue) {
    return fail(
      newNoIssue,
      `「${to}」不是一期有效的文件夹：应为 issues/ 下含有效 issue.yml 的文件夹，如 issues/2009-18。请先运行「yongzu new issue」或「yongzu check」查看问题。`,
    );
  }
  const county = findCounty(checked.config.counties, countyName);
  if (!county) {
    return fail(
      countyKnown,
      `未知县区「${countyName}」；可选：${checked.config.counties.map((c) => c.name).join('、')}。`,
    );
  }
  const themes = issue.meta.themes;
  const chosen = theme ?? (themes.length === 1 ? themes[0] : undefined);
  if (chosen === undefined)
    return fail(themeDeclared, `本期有多个主题，请用 --theme 指定其一：${themes.map((t) => `「${t}」`).join('')}。`);
  if (!themes.includes(chosen))
    return fail(themeDeclared, `主题「${chosen}」不在本期的 themes 里：${themes.map((t) => `「${t}」`).join('')}。`);
  return { value: { issue, county: countyName, slug: county.slug, theme: chosen, dir }, diagnostics: [] };
}

/** Writes a new submission with the next file-name prefix; never overwrites. Returns its path relative to root. */
export async function writeSubmission(
  root: string,
  target: SubmissionTarget,
  title: string,
  body: string,
): Promise<string> {
  const names = await readdir(target.dir);
  const name = `${nextPrefix(names)}-${target.slug}.md`;
  const text = submissionText(
    { issue: target.issue.meta.issue, county: target.county, theme: target.theme, title },
    body,
  );
  await writeSourceAtomic(join(target.dir, name), text, { exclusive: true });
  return relative(root, join(target.dir, name)).split('\\').join('/');
}
