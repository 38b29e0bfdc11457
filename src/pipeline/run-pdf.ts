import { join, resolve } from 'node:path';
import { type Diagnostic, hasErrors } from '../diagnostics/diagnostic.js';
import { createInlineExecutor } from '../executor/inline-executor.js';
import type { OutputFile } from '../model/output-file.js';
import { renderPdfs } from '../pdf/render-pdfs.js';
import { selectIssues } from '../pdf/select-issues.js';
import { createTemplateEnv } from '../render/templates.js';
import { guardOutputFolder, OUTPUT_MARKER, OUTPUT_MARKER_TEXT } from '../write/output-guard.js';
import { writeFilesAtomic } from '../write/write-files.js';
import { resolveFontRoles, type RoleChoice } from '../pdf/font-roles.js';
import { checkSources } from './check-sources.js';
import { finalRefusal } from './final-copy.js';
import { laidOutOf, recordPageCounts, withoutRecorded } from './page-counts.js';
import { createSectionRendering } from './render-sections.js';
import { mergeIssues } from './render-outputs.js';
import { type PdfSummary, summarisePdf } from './summaries.js';
import { pdfNoIssue } from '../rules/pdf/no-issue.js';
import { pushAll } from '../util/append.js';

/** Options of `yongzu pdf`. */
export interface PdfOptions {
  root: string;
  /** Issues by folder (`2009-18`) or total (`476`); none means every issue. */
  issues?: readonly string[];
  /** Output folder; defaults to `root/pdf`. */
  out?: string;
  /** Also write the imposed A3 saddle-stitch booklet. */
  booklet?: boolean;
  /**
   * `--force`: write into an existing folder that yongzu did not make, and
   * print a final copy (`final`) despite what would refuse it.
   */
  force?: boolean;
  /** `--final`: refuse while errors, copy warnings or substitute fonts remain. */
  final?: boolean;
  /** `--rgb`: the screen PDF (Chromium's RGB colours) instead of the press PDF. */
  rgb?: boolean;
  env?: NodeJS.ProcessEnv;
  onProgress?: (done: number, total: number, label: string) => void;
}

/** What `yongzu pdf` did: its diagnostics, the folder written, the PDFs. */
export interface PdfResult {
  diagnostics: Diagnostic[];
  fileCount: number;
  /** The output folder, when anything was written. */
  out: string | undefined;
  pdfs: PdfSummary[];
  /** The face each font role used (empty when nothing was printed). */
  fontRoles: RoleChoice[];
}

/**
 * `yongzu pdf`: checks, then prints the chosen issues into one flat folder
 * (`root/pdf` by default), each file replaced atomically. Errors in other
 * issues' folders do not stop it; errors in a chosen issue (or the config) do.
 */
export async function runPdf(options: PdfOptions): Promise<PdfResult> {
  const root = resolve(options.root);
  const out = resolve(options.out ?? join(root, 'pdf'));
  const unsafe = guardOutputFolder(root, out, { force: options.force ?? false, mode: 'add' });
  if (unsafe) return { diagnostics: [unsafe], fileCount: 0, out: undefined, pdfs: [], fontRoles: [] };
  const executor = createInlineExecutor();
  const checked = await checkSources(root, { render: false, bodies: true, executor: () => executor });
  await checked.memoSaved;
  const merged = mergeIssues(checked);
  const selected = selectIssues(merged, options.issues ?? []);
  const folders = new Set(selected.value.map((i) => `issues/${i.folder}/`));
  const blocking = checked.diagnostics.filter(
    (d) => d.severity === 'error' && (!d.file.startsWith('issues/') || [...folders].some((f) => d.file.startsWith(f))),
  );
  const diagnostics = [...checked.diagnostics, ...selected.diagnostics];
  const none = (list: Diagnostic[]): PdfResult => ({
    diagnostics: list,
    fileCount: checked.fileCount,
    out: undefined,
    pdfs: [],
    fontRoles: [],
  });
  if (blocking.length > 0 || hasErrors(selected.diagnostics) || selected.value.length === 0) {
    if (selected.value.length === 0 && !hasErrors(diagnostics)) {
      diagnostics.push(
        pdfNoIssue.report(
          'issues',
          undefined,
          '没有可以生成 PDF 的期：issues/ 下没有有效的 issue.yml。请先运行「yongzu check」查看问题。',
        ),
      );
    }
    return none(diagnostics);
  }
  if (options.final) {
    const roles = resolveFontRoles(root, checked.config.print.fonts).choices;
    const refusal = finalRefusal(diagnostics, folders, roles, options.force ?? false);
    if (refusal?.severity === 'error') return none([...diagnostics, refusal]);
    if (refusal) diagnostics.push(refusal);
  }
  // Each body of the chosen issues is rendered once first, on the render sandbox when it could be slow, so that a
  // body remark would take minutes on is an error here rather than a hang in the printing below.
  const rendering = createSectionRendering(checked.memo.sections);
  const rendered = await rendering
    .render(selected.value.flatMap((i) => i.articles.flatMap((a) => a.sections)))
    .finally(() => rendering.close());
  if (rendered.diagnostics.length > 0) return none([...diagnostics, ...rendered.diagnostics]);
  const printed = await renderPdfs(selected.value, checked.config, createTemplateEnv(root), {
    root,
    rgb: options.rgb ?? false,
    booklet: options.booklet ?? false,
    ...(options.env ? { env: options.env } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const reported = withoutRecorded(diagnostics, printed.value);
  pushAll(reported, printed.diagnostics);
  recordPageCounts(
    root,
    laidOutOf(printed.value, (folder) => checked.memo.folder(folder)?.sig),
  );
  const files: OutputFile[] = printed.value.flatMap((p) => [
    { path: p.fileName, content: p.pdf },
    ...(p.booklet ? [{ path: p.booklet.fileName, content: p.booklet.pdf }] : []),
  ]);
  // Issues that printed are written even when another failed: each file stands alone.
  if (files.length > 0) await writeFilesAtomic(out, [...files, { path: OUTPUT_MARKER, content: OUTPUT_MARKER_TEXT }]);
  return {
    diagnostics: reported,
    fileCount: checked.fileCount,
    out: files.length > 0 ? out : undefined,
    pdfs: printed.value.map((p) =>
      summarisePdf(p, join(out, p.fileName), p.booklet ? join(out, p.booklet.fileName) : undefined),
    ),
    fontRoles: printed.roles,
  };
}
