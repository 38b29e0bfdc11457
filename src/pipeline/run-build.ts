import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Diagnostic, hasErrors } from '../diagnostics/diagnostic.js';
import type { Executor } from '../executor/executor.js';
import { startExecutor, wantsThread } from '../executor/start-executor.js';
import type { IssueModel } from '../model/issue-model.js';
import type { IssuePdf } from '../pdf/render-pdfs.js';
import type { RoleChoice } from '../pdf/font-roles.js';
import { createTemplateEnv } from '../render/templates.js';
import { siteSearchDocs } from '../site/render-site.js';
import { loadSiteAssets } from '../site/load-site-assets.js';
import { guardOutputFolder } from '../write/output-guard.js';
import { findLiveLock, OutputLockedError, openOutputFolder } from '../write/output-folder.js';
import { inputFingerprint, manifestPath, outputFingerprint, readManifest, writeManifest } from './build-manifest.js';
import { checkSources } from './check-sources.js';
import { laidOutOf, recordPageCounts, withoutRecorded } from './page-counts.js';
import { mergeIssues, renderFailure, renderSiteFiles, sectionRenderer } from './render-outputs.js';
import { lockedDiagnostic, type PdfSummary, summarisePdf, writeFailure } from './summaries.js';
import { pushAll } from '../util/append.js';

export interface BuildOptions {
  root: string;
  /** Output folder; defaults to `root/dist`. */
  out?: string;
  /** Print PDFs beside the issue pages (default true). */
  pdf?: boolean;
  /** Replace an existing OUT that yongzu did not make (`--force`). */
  force?: boolean;
  /** Environment to find the browser in (YONGZU_CHROMIUM); defaults to process.env. */
  env?: NodeJS.ProcessEnv;
  /** Progress of the PDFs, issue by issue. */
  onProgress?: (done: number, total: number, label: string) => void;
}

export interface BuildResult {
  diagnostics: Diagnostic[];
  fileCount: number;
  /** Undefined when the build refused to write (errors found). */
  written: { out: string; files: number; issueCount: number; issues: IssueModel[]; unchanged?: boolean } | undefined;
  /** The print PDFs written (empty with `pdf: false`). */
  pdfs: PdfSummary[];
  /** The face each font role of the PDFs used (empty with `pdf: false`). */
  fontRoles?: RoleChoice[];
}

/** How many entries a folder has; 0 when it cannot be read. */
function countEntries(dir: string): number {
  try {
    return readdirSync(dir).length;
  } catch {
    return 0;
  }
}

/**
 * `yongzu build`: checks, then (only when there is no error) merges every
 * issue, prints each issue's PDF, renders the site and its search index into
 * a new folder and swaps it in for OUT. A build whose inputs and output are
 * as the last good build left them reports that build again and touches nothing.
 */
export async function runBuild(options: BuildOptions): Promise<BuildResult> {
  const root = resolve(options.root);
  const out = resolve(options.out ?? join(root, 'dist'));
  const pdf = options.pdf !== false;
  const manifestFile = manifestPath(root, out);
  // OUT is replaced as a whole: never the project, its sources, or a folder yongzu did not make.
  const unsafe = guardOutputFolder(root, out, { force: options.force ?? false, madeBefore: existsSync(manifestFile) });
  if (unsafe) return { diagnostics: [unsafe], fileCount: 0, written: undefined, pdfs: [] };
  const last = readManifest<BuildResult>(manifestFile);
  // The executor's thread, for enough folders, starts as early as it is sure to be needed (with no record of
  // an earlier build, before the stat pass), so that it is up when the folders are to be read.
  let executor: Executor | undefined;
  const entries = countEntries(join(root, 'issues'));
  if (!last && wantsThread(entries)) executor = startExecutor(entries);
  const inputs = inputFingerprint(root, JSON.stringify({ pdf, out }));
  if (last && last.inputs === inputs.value && last.outputs === outputFingerprint(out) && last.result.written) {
    executor?.close();
    return {
      ...last.result,
      written: { ...last.result.written, unchanged: true },
      pdfs: last.result.pdfs.map((p) => ({ ...p, cached: true, ms: 0 })),
    };
  }
  const started = () => (executor ??= startExecutor(inputs.folders.size));
  const checked = await checkSources(root, { render: true, executor: started, listings: inputs.folders });
  const refuse = (diagnostics: Diagnostic[]): BuildResult => ({
    diagnostics,
    fileCount: checked.fileCount,
    written: undefined,
    pdfs: [],
  });
  try {
    if (hasErrors(checked.diagnostics)) return refuse(checked.diagnostics);
    const { config } = checked;
    const markdown = sectionRenderer(checked);
    const issues = mergeIssues(checked);
    const env = createTemplateEnv(root);
    let diagnostics = [...checked.diagnostics];
    const locked = await findLiveLock(out);
    if (locked) return refuse([...diagnostics, lockedDiagnostic(out, locked)]);
    let pdfs: IssuePdf[] = [];
    let fontRoles: RoleChoice[] = [];
    if (pdf) {
      const { renderPdfs } = await import('../pdf/render-pdfs.js');
      const printed = await renderPdfs(issues, config, env, {
        root,
        ...(options.env ? { env: options.env } : {}),
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      });
      diagnostics = withoutRecorded(diagnostics, printed.value);
      pushAll(diagnostics, printed.diagnostics);
      // A missing PDF is an error: nothing is written, the last good output stays.
      if (hasErrors(printed.diagnostics)) return refuse(diagnostics);
      pdfs = printed.value;
      fontRoles = printed.roles;
      recordPageCounts(
        root,
        laidOutOf(pdfs, (folder) => checked.memo.folder(folder)?.sig),
      );
    }
    const pdfBytes = new Map(pdfs.map((p) => [`${p.issue.path}/${p.fileName}`, p.pdf.byteLength]));
    const pdfPages = new Map(pdfs.map((p) => [`${p.issue.path}/${p.fileName}`, p.pages]));
    let output: Awaited<ReturnType<typeof openOutputFolder>>;
    try {
      output = await openOutputFolder(out);
    } catch (e) {
      if (e instanceof OutputLockedError) return refuse([...diagnostics, lockedDiagnostic(out, e)]);
      const failure = writeFailure(e, out);
      if (failure) return refuse([...diagnostics, failure]);
      throw e;
    }
    let indexFiles: Promise<number> | undefined;
    try {
      // The search index is made by the executor (on its thread, when there is one) and written into the
      // output folder while the pages are rendered and written here.
      let failed: Diagnostic[] = [];
      try {
        indexFiles = started()
          .searchIndex(siteSearchDocs(issues, config, markdown), config.counties)
          .writeInto(output.dir);
        // Its failure is handled below, after this thread's writes, not reported as unhandled meanwhile.
        indexFiles.catch(() => undefined);
      } catch (e) {
        failed = [renderFailure(e)];
      }
      if (failed.length === 0) {
        failed = renderSiteFiles(issues, config, env, { pdf, pdfBytes, pdfPages }, markdown, output.write);
      }
      if (failed.length > 0) {
        await indexFiles?.catch(() => undefined);
        await output.abort();
        return refuse([...diagnostics, ...failed]);
      }
      for (const file of await loadSiteAssets(root)) output.write(file);
      for (const p of pdfs) output.write({ path: `${p.issue.path}/${p.fileName}`, content: p.pdf });
      const files = output.count + (await indexFiles!);
      await output.commit();
      const result: BuildResult = {
        diagnostics,
        fileCount: checked.fileCount,
        written: { out, files, issueCount: issues.length, issues },
        pdfs: pdfs.map((p) => summarisePdf(p, join(out, p.issue.path, p.fileName))),
        fontRoles,
      };
      writeManifest(manifestFile, {
        inputs: inputs.value,
        outputs: outputFingerprint(out),
        result: { ...result, written: { ...result.written!, issues: [] } },
      });
      return result;
    } catch (e) {
      await indexFiles?.catch(() => undefined);
      await output.abort();
      const failure = writeFailure(e, out);
      if (failure) return refuse([...diagnostics, failure]);
      throw e;
    }
  } finally {
    executor?.close();
    await checked.memoSaved;
  }
}
