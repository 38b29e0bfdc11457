import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { type Diagnostic, hasErrors } from '../diagnostics/diagnostic.js';
import type { Executor } from '../executor/executor.js';
import type { IssuePdf } from '../pdf/render-pdfs.js';
import type { RoleChoice } from '../pdf/font-roles.js';
import { type BuildOptions, type BuildResult, buildResult } from './build-result.js';
import { createTemplateEnv } from '../render/templates.js';
import { SEARCH_DIR } from '../search/index-builder.js';
import { siteSearchDocs } from '../site/render-site.js';
import { loadSiteAssets } from '../site/load-site-assets.js';
import { onInterrupt } from '../write/interrupt.js';
import { findLiveLock, OutputLockedError, openOutputFolder } from '../write/output-folder.js';
import { type InputFingerprint, recordOutput, writeManifest, writeManifestDiagnostics } from './build-manifest.js';
import { checkSources } from './check-sources.js';
import { laidOutOf, recordPageCounts, withoutRecorded } from './page-counts.js';
import { mergeIssues, renderFailure, renderSiteFiles, sectionRenderer } from './render-outputs.js';
import { lockedDiagnostic, summarisePdf, writeFailure } from './summaries.js';
import { pushAll } from '../util/append.js';

/** What runBuild (run-build.ts) hands on when the last build's output will not do. */
export interface BuildContext {
  root: string;
  out: string;
  pdf: boolean;
  options: BuildOptions;
  manifestFile: string;
  inputs: InputFingerprint;
  /** The executor, started on first need (or already, by runBuild), and closed at the end. */
  executor: { start: () => Executor; close: () => void };
}

/**
 * The stages of a build that has work to do: check, merge, the PDFs, the
 * site and its search index into a new folder swapped in for OUT, and the
 * manifest. Loaded only then (run-build.ts imports it when the last build's
 * output will not do), so that a build with nothing to do loads none of them.
 */
export async function buildStages(context: BuildContext): Promise<BuildResult> {
  const { root, out, pdf, options, manifestFile, inputs, executor } = context;
  const started = executor.start;
  const checked = await checkSources(root, { render: true, bodies: true, executor: started, listings: inputs.folders });
  const refuse = (diagnostics: Diagnostic[]): BuildResult =>
    buildResult(diagnostics, { fileCount: checked.fileCount, written: undefined, pdfs: [] });
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
    /** The manifest's diagnostics, written ahead (removed here, or on Ctrl-C, if the build goes no further). */
    let diagnosticsLine: string | undefined;
    let unregisterLine: (() => void) | undefined;
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
      // The manifest's diagnostics are written while the index may still be: only its first line is left for the end.
      diagnosticsLine = writeManifestDiagnostics(manifestFile, diagnostics);
      const line = diagnosticsLine;
      if (line) unregisterLine = onInterrupt(() => rmSync(line, { force: true }));
      const files = output.count + (await indexFiles!);
      await output.commit();
      const result = buildResult(diagnostics, {
        fileCount: checked.fileCount,
        written: { out, files, issueCount: issues.length, issues },
        pdfs: pdfs.map((p) => summarisePdf(p, join(out, p.issue.path, p.fileName))),
        fontRoles,
      });
      const { diagnostics: _, ...rest } = result;
      writeManifest(
        manifestFile,
        {
          inputs: inputs.value,
          outputs: recordOutput(out, SEARCH_DIR),
          result: { ...rest, written: { ...result.written!, issues: [] } },
        },
        diagnosticsLine,
      );
      diagnosticsLine = undefined;
      return result;
    } catch (e) {
      await indexFiles?.catch(() => undefined);
      await output.abort();
      const failure = writeFailure(e, out);
      if (failure) return refuse([...diagnostics, failure]);
      throw e;
    } finally {
      unregisterLine?.();
      if (diagnosticsLine) rmSync(diagnosticsLine, { force: true });
    }
  } finally {
    executor.close();
    await checked.memoSaved;
  }
}
