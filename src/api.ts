import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { checkProject } from './check/check-project.js';
import type { CheckedIssue } from './check/model.js';
import { loadConfig } from './config/load-config.js';
import type { Config } from './config/defaults.js';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import { createDiagnostic, hasErrors } from './diagnostics/diagnostic.js';
import { fixProject, type FileFix } from './fix/fix-project.js';
import { readDocument } from './import/read-document.js';
import { createIssue, resolveTarget, writeSubmission } from './new/create.js';
import { loadProject } from './load/load-project.js';
import { mergeIssue, type IssueModel } from './merge/merge-issue.js';
import { renderSite, SectionRenderError } from './render/render-site.js';
import { createTemplateEnv, searchPaths } from './render/templates.js';
import { OutputLockedError, writeOutput, type OutputFile } from './write/write-output.js';

export interface CheckResult {
  diagnostics: Diagnostic[];
  fileCount: number;
  config: Config;
  issues: CheckedIssue[];
}

/** Loads the configuration and every issue under `root`, and checks them. */
export async function check(options: { root: string }): Promise<CheckResult> {
  const root = resolve(options.root);
  const config = await loadConfig(root);
  const loaded = await loadProject(root);
  const checked = checkProject(loaded.value, config.value);
  return {
    diagnostics: [...config.diagnostics, ...loaded.diagnostics, ...checked.diagnostics],
    fileCount: loaded.value.fileCount,
    config: config.value,
    issues: checked.value,
  };
}

export interface BuildOptions {
  root: string;
  /** Output folder; defaults to `root/dist`. */
  out?: string;
  pdf?: boolean;
}

export interface BuildResult {
  diagnostics: Diagnostic[];
  fileCount: number;
  /** Undefined when the build refused to write (errors found). */
  written: { out: string; files: number; issues: IssueModel[] } | undefined;
}

/**
 * Checks, then (only when there is no error) merges every issue, renders the
 * site and swaps it into OUT atomically.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const root = resolve(options.root);
  const out = resolve(options.out ?? join(root, 'dist'));
  const checked = await check({ root });
  if (hasErrors(checked.diagnostics)) return { diagnostics: checked.diagnostics, fileCount: checked.fileCount, written: undefined };
  const issues = checked.issues.map((i) => mergeIssue(i, checked.config));
  const env = createTemplateEnv(root);
  let files: OutputFile[];
  try {
    files = renderSite(issues, checked.config, env);
  } catch (e) {
    if (e instanceof SectionRenderError) {
      const d = createDiagnostic(e.file, undefined, 'error', 'render/markdown', '这篇稿件的正文无法排版（结构过于复杂），本次未写入任何文件。请检查是否误粘贴了大量符号。');
      return { diagnostics: [...checked.diagnostics, d], fileCount: checked.fileCount, written: undefined };
    }
    // nunjucks reports template bugs as errors naming the template and line.
    const d = createDiagnostic('templates', undefined, 'error', 'render/template',
      `模板出错，本次未写入任何文件：${(e as Error).message.replace(/\s+/g, ' ').trim()}。请改正 templates/ 下的模板。`);
    return { diagnostics: [...checked.diagnostics, d], fileCount: checked.fileCount, written: undefined };
  }
  files.push(...(await loadAssets(root)));
  try {
    await writeOutput(out, files);
  } catch (e) {
    if (e instanceof OutputLockedError) {
      const d = createDiagnostic(out, undefined, 'error', 'build/locked',
        `另一个生成任务（进程 ${e.pid}）正在写入这个输出文件夹，本次未写入。请等它结束后再试；如确认没有其他任务，删除 ${e.lockFile}。`);
      return { diagnostics: [...checked.diagnostics, d], fileCount: checked.fileCount, written: undefined };
    }
    throw e;
  }
  return { diagnostics: checked.diagnostics, fileCount: checked.fileCount, written: { out, files: files.length, issues } };
}

/** Stylesheets of the site, the project's own overriding the built-in ones. */
async function loadAssets(root: string): Promise<OutputFile[]> {
  const out: OutputFile[] = [];
  for (const name of ['site.css']) {
    for (const dir of searchPaths(root, 'styles')) {
      const content = await readFile(join(dir, name)).catch(() => undefined);
      if (content) {
        out.push({ path: `assets/${name}`, content });
        break;
      }
    }
  }
  return out;
}

/**
 * Applies the safe copy fixes (check --fix), then checks again. Originals are
 * backed up under `.yongzu/backup/` before any file is rewritten.
 */
export async function fix(options: { root: string }): Promise<{ fixed: FileFix[]; after: CheckResult }> {
  const root = resolve(options.root);
  const fixed = await fixProject(root);
  return { fixed, after: await check({ root }) };
}

/** `yongzu new issue`: creates the next issue folder with its issue.yml. */
export async function newIssue(options: { root: string; date?: Date; themes?: string[] }) {
  const root = resolve(options.root);
  const checked = await check({ root });
  return createIssue(root, checked, options);
}

/** `yongzu new submission`: a submission with correct front-matter and the next file-name prefix. */
export async function newSubmission(options: { root: string; to: string; county: string; theme?: string; title?: string }) {
  const root = resolve(options.root);
  const checked = await check({ root });
  const target = resolveTarget(root, checked, options.to, options.county, options.theme);
  if (!target.value) return { diagnostics: target.diagnostics };
  const file = await writeSubmission(root, target.value, options.title ?? '', '');
  return { value: file, diagnostics: [] };
}

/**
 * `yongzu import`: turns a .docx, .txt or .md file into a submission of the
 * given issue, then checks it. Nothing is written when the file cannot be read.
 */
export async function importDocument(options: { root: string; file: string; to: string; county: string; theme?: string; title?: string }) {
  const root = resolve(options.root);
  const checked = await check({ root });
  const target = resolveTarget(root, checked, options.to, options.county, options.theme);
  if (!target.value) return { diagnostics: target.diagnostics };
  const doc = await readDocument(resolve(options.file), options.file);
  if (!doc.value) return { diagnostics: doc.diagnostics };
  const title = (options.title ?? doc.value.title ?? '').replace(/[。.]$/, '');
  const file = await writeSubmission(root, target.value, title, doc.value.markdown);
  const after = await check({ root });
  return { value: file, diagnostics: [...doc.diagnostics, ...after.diagnostics.filter((d) => d.file === file)] };
}
