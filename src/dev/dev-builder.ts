import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, sep } from 'node:path';
import { folderSignature } from '../cache/check-cache.js';
import { checkIssue, checkUniqueNumbers, type IssueCheck } from '../check/check-project.js';
import { loadConfig, CONFIG_FILE } from '../config/load-config.js';
import type { Config } from '../config/defaults.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { listIssueFolders, loadIssue } from '../load/load-project.js';
import { mergeIssue } from '../merge/merge-issue.js';
import { renderTemplate } from '../rules/render/template.js';
import {
  createMarkdownRenderer,
  loadMarkdownPipeline,
  memoizeRenderer,
  type MarkdownRenderer,
} from '../render/markdown.js';
import { renderSite } from '../site/render-site.js';
import { loadSiteAssets } from '../site/load-site-assets.js';
import { createTemplateEnv } from '../render/templates.js';
import { safeOutputPath, type OutputFile } from '../write/write-output.js';
import type nunjucks from 'nunjucks';
import type { IssueModel } from '../merge/merge-issue.js';
import type { SiteOptions } from '../site/page-context.js';
import type { Served } from '../pdf/print-resources.js';
import { createPrintPreview } from './print-preview.js';

/** What one rebuild did. */
export interface RebuildResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  /** Output paths written (relative to OUT); empty when nothing changed or on errors. */
  written: string[];
  ms: number;
}

/**
 * The incremental builder of `yongzu dev`: keeps the loaded and checked
 * issues, the rendered Markdown and the bytes of every output file in memory,
 * so a change reloads only its issue folder and writes only files whose
 * bytes changed. On errors nothing is written: the last good pages stay.
 */
export function createDevBuilder(root: string, out: string) {
  let config: Config | undefined;
  let configDiagnostics: Diagnostic[] = [];
  let env: nunjucks.Environment | undefined;
  let markdown: MarkdownRenderer = memoizeRenderer(createMarkdownRenderer());
  let folderDiagnostics: Diagnostic[] = [];
  const checks = new Map<string, IssueCheck & { loaded: Awaited<ReturnType<typeof loadIssue>> }>();
  /** The issues of the last good rebuild, for the print preview. */
  let lastIssues: IssueModel[] = [];
  // Unchanged folders keep their checked objects, so their merged models and pages are reused.
  let merged = new WeakMap<object, IssueModel>();
  let pageCache: NonNullable<SiteOptions['pageCache']> = new Map();
  /** The bytes last written to each output path. */
  const lastContent = new Map<string, string | Uint8Array>();
  const folderErrors = new WeakMap<IssueCheck, Diagnostic[]>();
  const errorsOf = (c: IssueCheck) => {
    let list = folderErrors.get(c);
    if (!list) folderErrors.set(c, (list = c.diagnostics.filter((d) => d.severity === 'error')));
    return list;
  };
  /** Names, sizes and mtimes of each folder's files as of its last load. */
  const signatures = new Map<string, string>();

  /** The issue folders named by changed paths (absolute or relative to root). */
  function foldersOf(changed: Iterable<string>): Set<string> {
    const rel = [...changed].map((p) => (isAbsolute(p) ? relative(root, p) : p).split(sep).join('/'));
    return new Set(
      rel
        .filter((p) => p.startsWith('issues/'))
        .map((p) => p.split('/')[1]!)
        .filter(Boolean),
    );
  }

  async function reloadFolders(folders: Iterable<string> | 'all') {
    const listed = await listIssueFolders(root);
    folderDiagnostics = listed.diagnostics;
    const present = new Set(listed.folders);
    for (const f of [...checks.keys()]) if (!present.has(f)) checks.delete(f);
    for (const f of [...signatures.keys()]) if (!present.has(f)) signatures.delete(f);
    const todo =
      folders === 'all' ? listed.folders : listed.folders.filter((f) => !checks.has(f) || [...folders].includes(f));
    await Promise.all(
      todo.map(async (folder) => {
        signatures.set(folder, folderSignature(root, folder));
        const loaded = await loadIssue(root, folder);
        const checked = loaded.value ? checkIssue(loaded.value, config!) : { value: undefined, diagnostics: [] };
        checks.set(folder, { ...checked, diagnostics: [...loaded.diagnostics, ...checked.diagnostics], loaded });
      }),
    );
  }

  async function writeChanged(files: readonly OutputFile[]): Promise<string[]> {
    const changed: string[] = [];
    const produced = new Set(files.map((f) => f.path));
    for (const path of [...lastContent.keys()]) {
      if (produced.has(path)) continue;
      await rm(safeOutputPath(out, path), { force: true });
      lastContent.delete(path);
      changed.push(path);
    }
    for (const f of files) {
      const last = lastContent.get(f.path);
      if (
        last !== undefined &&
        (last === f.content ||
          (typeof last === 'string'
            ? last === f.content
            : typeof f.content !== 'string' && Buffer.compare(last, f.content) === 0))
      )
        continue;
      const target = safeOutputPath(out, f.path);
      await mkdir(dirname(target), { recursive: true });
      const tmp = `${target}.tmp-${process.pid}`;
      await writeFile(tmp, f.content);
      await rename(tmp, target);
      lastContent.set(f.path, f.content);
      changed.push(f.path);
    }
    return changed;
  }

  /**
   * Rebuilds after the given changed paths (absolute or relative to root);
   * with no paths, everything is reloaded.
   */
  async function rebuild(changed?: ReadonlySet<string>): Promise<RebuildResult> {
    const started = performance.now();
    const rel = [...(changed ?? [])].map((p) => (isAbsolute(p) ? relative(root, p) : p).split(sep).join('/'));
    const all = !changed || rel.includes(CONFIG_FILE) || !config;
    if (all) {
      const loaded = await loadConfig(root);
      config = loaded.value;
      configDiagnostics = loaded.diagnostics;
    }
    if (all || rel.some((p) => p.startsWith('templates/'))) {
      env = createTemplateEnv(root);
    }
    if (all) {
      // An editor may type any Markdown while dev runs: the full pipeline is loaded once.
      await loadMarkdownPipeline();
      markdown = memoizeRenderer(createMarkdownRenderer());
      merged = new WeakMap();
      pageCache = new Map();
      await reloadFolders('all');
    } else {
      const folders = foldersOf(rel);
      if (folders.size > 0 || rel.some((p) => p === 'issues')) await reloadFolders(folders);
    }
    // Dev shows errors only (warnings are for check): keep each folder's errors, not its tens of warnings.
    const folderChecks = [...checks.values()];
    const issuesChecked = folderChecks.flatMap((c) => (c.value ? [c.value] : []));
    const across = {
      value: issuesChecked,
      diagnostics: [...folderChecks.flatMap((c) => errorsOf(c)), ...checkUniqueNumbers(issuesChecked)],
    };
    const diagnostics = [...configDiagnostics, ...folderDiagnostics, ...across.diagnostics];
    if (hasErrors(diagnostics)) return { ok: false, diagnostics, written: [], ms: performance.now() - started };
    let files: OutputFile[];
    try {
      const issues = across.value.map((i) => {
        let model = merged.get(i);
        if (!model) merged.set(i, (model = mergeIssue(i, config!)));
        return model;
      });
      lastIssues = issues;
      // No search index in dev: it takes seconds on a large archive; `yongzu build` makes it.
      files = [
        ...renderSite(issues, config!, env!, { pdf: false, pageCache }, markdown).files,
        ...(await loadSiteAssets(root)),
      ];
    } catch (e) {
      const message = `模板出错：${(e as Error).message.replace(/\s+/g, ' ').trim()}。请改正 templates/ 下的模板。`;
      const d = renderTemplate.report('templates', undefined, message);
      return { ok: false, diagnostics: [...diagnostics, d], written: [], ms: performance.now() - started };
    }
    const paths = await writeChanged(files);
    return { ok: true, diagnostics, written: paths, ms: performance.now() - started };
  }

  /**
   * Of the folders named by `changed` (the paths of the last rebuild), those
   * whose files changed after they were last loaded. The watcher drops a
   * second write to a file within a few milliseconds of the first (its event
   * throttle), so the dev loop asks this shortly after each rebuild instead
   * of delaying every rebuild. Only those folders are looked at: a look at
   * all of them (thousands of stat calls) would slow the next rebuild.
   */
  function staleFolders(changed: Iterable<string>): string[] {
    return [...foldersOf(changed)].filter(
      (folder) => signatures.has(folder) && folderSignature(root, folder) !== signatures.get(folder),
    );
  }

  /**
   * The print preview of the issue at `path` (e.g. `2009/18`), rendered from
   * the last good rebuild; undefined when there is no such issue.
   */
  async function printPreview(path: string, origin: string): Promise<Map<string, Served> | undefined> {
    const issue = lastIssues.find((i) => i.path === path);
    if (!issue || !config || !env) return undefined;
    return createPrintPreview(issue, config, env, markdown, root, origin);
  }

  /**
   * The print PDF of the issue at `path` (e.g. `2009/18`), rendered on
   * request from the last good rebuild (through the PDF cache, so an
   * unchanged issue is not printed again); diagnostics when it cannot be made.
   */
  async function printPdf(path: string): Promise<{ pdf?: Uint8Array; fileName?: string; diagnostics: Diagnostic[] }> {
    const issue = lastIssues.find((i) => i.path === path);
    if (!issue || !config || !env) return { diagnostics: [] };
    const { renderPdfs } = await import('../pdf/render-pdfs.js');
    const printed = await renderPdfs([issue], config, env, { root });
    const first = printed.value[0];
    return first
      ? { pdf: first.pdf, fileName: first.fileName, diagnostics: printed.diagnostics }
      : { diagnostics: printed.diagnostics };
  }

  return { rebuild, staleFolders, printPreview, printPdf };
}

export type DevBuilder = ReturnType<typeof createDevBuilder>;
