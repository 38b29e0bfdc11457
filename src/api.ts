import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { checkProject } from './check/check-project.js';
import type { CheckedIssue } from './check/model.js';
import { loadConfig } from './config/load-config.js';
import type { Config } from './config/defaults.js';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import { createDiagnostic, hasErrors } from './diagnostics/diagnostic.js';
import { loadProject } from './load/load-project.js';
import { mergeIssue, type IssueModel } from './merge/merge-issue.js';
import { renderSite } from './site/render-site.js';
import { createSearchIndex } from './search/create-search-index.js';
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
  /** Whether PDFs are built; the site links to them only then. Defaults to true. */
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
  let site: ReturnType<typeof renderSite>;
  try {
    site = renderSite(issues, checked.config, env, { pdf: options.pdf !== false });
  } catch (e) {
    // nunjucks reports template bugs as errors naming the template and line.
    const d = createDiagnostic('templates', undefined, 'error', 'render/template',
      `模板出错，本次未写入任何文件：${(e as Error).message.replace(/\s+/g, ' ').trim()}。请改正 templates/ 下的模板。`);
    return { diagnostics: [...checked.diagnostics, d], fileCount: checked.fileCount, written: undefined };
  }
  let searchFiles: OutputFile[];
  try {
    searchFiles = await createSearchIndex(site.searchRecords);
  } catch (e) {
    // Pagefind runs a platform binary from its npm package; when it is missing or fails, say so, write nothing.
    const d = createDiagnostic('pagefind', undefined, 'error', 'build/search-index',
      `搜索索引生成失败，本次未写入任何文件：${(e as Error).message.replace(/\s+/g, ' ').trim()}。请重新运行 npm ci 安装 pagefind；仍失败时请联系维护人员。`);
    return { diagnostics: [...checked.diagnostics, d], fileCount: checked.fileCount, written: undefined };
  }
  const files: OutputFile[] = [...site.files, ...searchFiles, ...(await loadAssets(root))];
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

/** Stylesheets and scripts of the site, the project's own overriding the built-in ones. */
async function loadAssets(root: string): Promise<OutputFile[]> {
  const out: OutputFile[] = [];
  const assets = [['styles', 'site.css'], ['assets', 'search.js'], ['assets', 'search-engine.js']] as const;
  for (const [kind, name] of assets) {
    for (const dir of searchPaths(root, kind)) {
      const content = await readFile(join(dir, name)).catch(() => undefined);
      if (content) {
        out.push({ path: `assets/${name}`, content });
        break;
      }
    }
  }
  return out;
}
