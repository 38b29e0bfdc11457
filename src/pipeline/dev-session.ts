import { isAbsolute, relative, sep } from 'node:path';
import type nunjucks from 'nunjucks';
import { loadConfig } from '../config/load-config.js';
import { type Diagnostic, hasErrors } from '../diagnostics/diagnostic.js';
import { createInlineExecutor } from '../executor/inline-executor.js';
import { folderSignature } from '../load/folder-listing.js';
import type { Config } from '../model/config.js';
import type { IssueModel } from '../model/issue-model.js';
import type { OutputFile } from '../model/output-file.js';
import { CONFIG_FILE } from '../paths.js';
import { createPrintPreview } from '../pdf/print-preview.js';
import type { Served } from '../pdf/print-resources.js';
import { parseLayoutReport, placeFindings } from '../pdf/layout-findings.js';
import { laidOutOf, recordPageCounts } from './page-counts.js';
import { loadMarkdownPipeline, type MarkdownRenderer } from '../render/markdown.js';
import { createTemplateEnv } from '../render/templates.js';
import { loadSiteAssets } from '../site/load-site-assets.js';
import { createChangedFilesWriter } from '../write/changed-files.js';
import { checkSources } from './check-sources.js';
import { createDevSearchIndex } from './dev-search-index.js';
import { type MemoStore, openMemoStore } from './memo-store.js';
import { mergeIssues, printFailure, renderSiteFiles, sectionRenderer } from './render-outputs.js';
import { pushAll } from '../util/append.js';

/**
 * How long after the pages of a save the search index is made again: once
 * the editor pauses. Made at once, it competed with the next save's pages
 * (saves 150 ms apart in the bench: edit → page 48 ms median at 50 issues,
 * 27 ms with the index a second later).
 */
const INDEX_DELAY_MS = 1000;

/** What one rebuild did. */
export interface RebuildResult {
  ok: boolean;
  /** Errors of the configuration, the folders and the site (dev shows errors only: warnings are for check). */
  diagnostics: Diagnostic[];
  /** Output paths written or removed. */
  written: string[];
  ms: number;
}

/**
 * The pipeline as `yongzu dev` runs it, over and over: the same stages as a
 * build, with a memo store kept in memory between rebuilds, so a change
 * reloads only its issue folder, renders only what it affects and writes
 * only files whose bytes changed. On errors nothing is written: the last good
 * pages stay. The search index is made with the first pages, and after each
 * save once its pages are written (see dev-search-index.ts); `onSearchIndex`
 * hears of the files it wrote. No PDFs on save (the PDF is made on request).
 */
export function createDevSession(
  root: string,
  out: string,
  hooks: { onSearchIndex?: (written: string[]) => void } = {},
) {
  let session: { config: Config; configDiagnostics: Diagnostic[]; memo: MemoStore } | undefined;
  let env: nunjucks.Environment | undefined;
  let markdown: MarkdownRenderer | undefined;
  /** The issues of the last good rebuild, for the print preview and the PDF. */
  let lastIssues: IssueModel[] = [];
  const executor = createInlineExecutor();
  const writeChanged = createChangedFilesWriter(out);
  const searchIndex = createDevSearchIndex(out);
  let indexTimer: NodeJS.Timeout | undefined;

  /** Makes the index again a little after the pages of a save are served, unless another save comes first. */
  function scheduleIndex(issues: readonly IssueModel[], config: Config, renderer: MarkdownRenderer): void {
    indexTimer = setTimeout(() => {
      searchIndex.refresh(issues, config, renderer, true).then(
        (written) => {
          if (written && written.length > 0) hooks.onSearchIndex?.(written);
        },
        // A fault writing the index (a folder removed meanwhile) is tried again on the next save.
        () => undefined,
      );
    }, INDEX_DELAY_MS);
    indexTimer.unref();
  }

  const relativePaths = (changed: Iterable<string>) =>
    [...changed].map((p) => (isAbsolute(p) ? relative(root, p) : p).split(sep).join('/'));

  /** The issue folders named by changed paths (absolute or relative to root). */
  function foldersOf(changed: Iterable<string>): Set<string> {
    const rel = relativePaths(changed);
    return new Set(
      rel
        .filter((p) => p.startsWith('issues/'))
        .map((p) => p.split('/')[1]!)
        .filter(Boolean),
    );
  }

  /**
   * Rebuilds after the given changed paths (absolute or relative to root);
   * with no paths, everything is loaded again.
   */
  async function rebuild(changed?: ReadonlySet<string>): Promise<RebuildResult> {
    const started = performance.now();
    // The pages of this save come first: an index under way is dropped and made again after them.
    clearTimeout(indexTimer);
    searchIndex.cancel();
    const first = lastIssues.length === 0;
    const rel = relativePaths(changed ?? []);
    const all = !changed || rel.includes(CONFIG_FILE) || !session;
    if (all) {
      const loaded = await loadConfig(root);
      const memo = openMemoStore(root, loaded.value, { persist: false, bodies: true, pages: true });
      session = { config: loaded.value, configDiagnostics: loaded.diagnostics, memo };
      // An editor may type any Markdown while dev runs: the full pipeline is loaded once.
      await loadMarkdownPipeline();
    }
    if (all || !env || rel.some((p) => p.startsWith('templates/'))) env = createTemplateEnv(root);
    const checked = await checkSources(root, {
      render: true,
      bodies: true,
      executor: () => executor,
      session: session!,
      ...(all ? {} : { changed: foldersOf(changed ?? []) }),
    });
    markdown = sectionRenderer(checked);
    const errors = checked.diagnostics.filter((d) => d.severity === 'error');
    if (hasErrors(errors)) return { ok: false, diagnostics: errors, written: [], ms: performance.now() - started };
    const issues = mergeIssues(checked);
    const files: OutputFile[] = [];
    const failed = renderSiteFiles(
      issues,
      checked.config,
      env,
      { pdf: false, ...(checked.memo.pages ? { pageCache: checked.memo.pages } : {}) },
      markdown,
      (file) => files.push(file),
    );
    if (failed.length > 0) return { ok: false, diagnostics: failed, written: [], ms: performance.now() - started };
    pushAll(files, await loadSiteAssets(root));
    lastIssues = issues;
    const written = await writeChanged(files);
    if (first) pushAll(written, (await searchIndex.refresh(issues, checked.config, markdown, false)) ?? []);
    else if (written.length > 0) scheduleIndex(issues, checked.config, markdown);
    return { ok: true, diagnostics: errors, written, ms: performance.now() - started };
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
    return [...foldersOf(changed)].filter((folder) => {
      const memo = session?.memo.folder(folder);
      return memo !== undefined && folderSignature(root, folder) !== memo.sig;
    });
  }

  /**
   * The print preview of the issue at `path` (e.g. `2009/18`), rendered from
   * the last good rebuild; no resources when there is no such issue, and a
   * diagnostic when it cannot be rendered (a bug in templates/print.njk).
   */
  async function printPreview(
    path: string,
    origin: string,
  ): Promise<{ resources?: Map<string, Served>; diagnostics: Diagnostic[] }> {
    const issue = lastIssues.find((i) => i.path === path);
    if (!issue || !session || !env || !markdown) return { diagnostics: [] };
    try {
      return {
        resources: await createPrintPreview(issue, session.config, env, markdown, root, origin),
        diagnostics: [],
      };
    } catch (e) {
      return { diagnostics: [printFailure(e)] };
    }
  }

  /**
   * The print PDF of the issue at `path` (e.g. `2009/18`), rendered on
   * request from the last good rebuild (through the PDF cache, so an
   * unchanged issue is not printed again); diagnostics when it cannot be made.
   */
  async function printPdf(path: string): Promise<{ pdf?: Uint8Array; fileName?: string; diagnostics: Diagnostic[] }> {
    const issue = lastIssues.find((i) => i.path === path);
    if (!issue || !session || !env) return { diagnostics: [] };
    const { renderPdfs } = await import('../pdf/render-pdfs.js');
    const printed = await renderPdfs([issue], session.config, env, { root });
    const memo = session.memo;
    recordPageCounts(
      root,
      laidOutOf(printed.value, (folder) => memo.folder(folder)?.sig),
    );
    const first = printed.value[0];
    return first
      ? { pdf: first.pdf, fileName: first.fileName, diagnostics: printed.diagnostics }
      : { diagnostics: printed.diagnostics };
  }

  /**
   * Records what the print preview of the issue at `path` found in its
   * layout (as a PDF run records it), for `check`; false when there is no
   * such issue or the report is not one.
   */
  function recordLayout(path: string, report: unknown): boolean {
    const issue = lastIssues.find((i) => i.path === path);
    const parsed = parseLayoutReport(report);
    if (!issue || !parsed || !session) return false;
    recordPageCounts(root, [
      {
        folder: issue.folder,
        pages: parsed.pages,
        sig: session.memo.folder(issue.folder)?.sig,
        findings: placeFindings(issue, parsed),
      },
    ]);
    return true;
  }

  return { rebuild, staleFolders, printPreview, printPdf, recordLayout };
}

export type DevSession = ReturnType<typeof createDevSession>;
