import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CheckedIssue } from './check/model.js';
import type { Config } from './config/defaults.js';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import { hasErrors } from './diagnostics/diagnostic.js';
import type { FileFix } from './fix/fix-project.js';
import { readPageCounts, recordPageCounts } from './cache/page-counts.js';
import type { IssueModel } from './merge/merge-issue.js';
import type { IssuePdf } from './pdf/render-pdfs.js';
import type { AsideThread } from './aside/aside-thread.js';
import type { RenderedSections } from './render/markdown.js';
import type { FolderListing } from './cache/check-cache.js';
import type { OutputFile } from './write/write-output.js';
import { guardOutputFolder, OUTPUT_MARKER, OUTPUT_MARKER_TEXT } from './write/output-guard.js';
import { buildLocked } from './rules/build/locked.js';
import { buildWrite } from './rules/build/write.js';
import { pdfNoIssue } from './rules/pdf/no-issue.js';
import { renderMarkdown } from './rules/render/markdown.js';
import { renderTemplate } from './rules/render/template.js';

// Modules load when a command needs them: `check` never loads rendering or
// Chromium, and a build with nothing to do loads little more than its manifest.
const lazy = {
  checking: () =>
    Promise.all([
      import('./config/load-config.js'),
      import('./load/load-project.js'),
      import('./check/check-folders.js'),
      import('./cache/check-cache.js'),
      import('./check/check-project.js'),
      import('./rules/pdf/page-budget.js'),
      import('./aside/aside-thread.js'),
    ]),
  fix: () => import('./fix/fix-project.js'),
  importer: () => import('./import/read-document.js'),
  create: () => import('./new/create.js'),
  merge: () => import('./merge/merge-issue.js'),
  site: () => import('./site/render-site.js'),
  articles: () => import('./render/render-site.js'),
  assets: () => import('./site/load-site-assets.js'),
  search: () => import('./search/search-texts.js'),
  pdf: () => import('./pdf/render-pdfs.js'),
  select: () => import('./pdf/select-issues.js'),
  templates: () => import('./render/templates.js'),
  files: () => import('./write/write-files.js'),
  output: () => import('./write/write-output.js'),
  markdown: () => import('./render/markdown.js'),
  manifest: () => import('./cache/build-manifest.js'),
  aside: () => import('./aside/aside-thread.js'),
};

export interface CheckResult {
  diagnostics: Diagnostic[];
  fileCount: number;
  config: Config;
  issues: CheckedIssue[];
}

/** Loads the configuration and every issue under `root`, and checks them. */
export async function check(options: { root: string }): Promise<CheckResult> {
  const { cacheWritten, html: _html, aside, ...result } = await inspect(resolve(options.root), false);
  aside?.stop();
  await cacheWritten;
  return result;
}

/**
 * check(), and with `render` each valid section's HTML too, rendered as its
 * folder is checked, so each file is read and parsed once per build. The
 * folders are parsed, checked and rendered on this thread; another thread
 * (aside/aside-thread.ts) runs what is different code: reading the files
 * ahead (a build), the copy rules and the search index. The caller ends that
 * thread (`aside`).
 */
async function inspect(
  root: string,
  render: boolean,
  listings?: ReadonlyMap<string, FolderListing>,
  /** The aside thread, when the caller started it already (a build, as soon as it knows there is work). */
  early?: AsideThread,
): Promise<CheckResult & { html: RenderedSections; cacheWritten: Promise<void>; aside: AsideThread | undefined }> {
  let aside = early;
  try {
    const [
      { loadConfig },
      { listIssueFolders },
      { checkFolders },
      { openCheckCache },
      { checkAcross },
      { checkPageBudget },
      { startAside, MIN_FOLDERS_ASIDE },
    ] = await lazy.checking();
    const config = await loadConfig(root);
    const listed = await listIssueFolders(root);
    const start = () => aside ?? (listed.folders.length >= MIN_FOLDERS_ASIDE ? (aside = startAside()) : undefined);
    const result = await checkFolders(
      root,
      listed.folders,
      config.value,
      render,
      openCheckCache(root, config.value),
      listings,
      start,
    );
    const checked = checkAcross(result.checks);
    const budget = checkPageBudget(checked.value, config.value.pageBudget, readPageCounts(root));
    return {
      diagnostics: [...config.diagnostics, ...listed.diagnostics, ...checked.diagnostics, ...budget],
      fileCount: result.fileCount,
      config: config.value,
      issues: checked.value,
      html: result.html,
      cacheWritten: result.cacheWritten,
      aside,
    };
  } catch (e) {
    (aside as AsideThread | undefined)?.stop();
    throw e;
  }
}

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

/** What a build or `yongzu pdf` reports about one printed issue. */
export interface PdfSummary {
  /** Path of the PDF, absolute. */
  path: string;
  folder: string;
  pages: number;
  bytes: number;
  fonts: string[];
  cached: boolean;
  ms: number;
  /** The imposed A3 booklet, when asked for. */
  booklet?: { path: string; sheets: number; blanks: number };
}

export interface BuildResult {
  diagnostics: Diagnostic[];
  fileCount: number;
  /** Undefined when the build refused to write (errors found). */
  written: { out: string; files: number; issueCount: number; issues: IssueModel[]; unchanged?: boolean } | undefined;
  /** The print PDFs written (empty with `pdf: false`). */
  pdfs: PdfSummary[];
}

function summarise(p: IssuePdf, path: string, bookletPath?: string): PdfSummary {
  return {
    path,
    folder: p.issue.folder,
    pages: p.pages,
    bytes: p.pdf.byteLength,
    fonts: p.fonts,
    cached: p.cached,
    ms: p.ms,
    ...(p.booklet && bookletPath
      ? { booklet: { path: bookletPath, sheets: p.booklet.sheets, blanks: p.booklet.blanks } }
      : {}),
  };
}

/**
 * Checks, then (only when there is no error) merges every issue, prints each
 * issue's PDF, renders the site and swaps it all into OUT atomically.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const root = resolve(options.root);
  const out = resolve(options.out ?? join(root, 'dist'));
  const { inputFingerprint, outputFingerprint, manifestPath, readManifest, writeManifest } = await lazy.manifest();
  const manifestFile = manifestPath(root, out);
  // OUT is replaced as a whole: never the project, its sources, or a folder yongzu did not make.
  const unsafe = guardOutputFolder(root, out, { force: options.force ?? false, madeBefore: existsSync(manifestFile) });
  if (unsafe) return { diagnostics: [unsafe], fileCount: 0, written: undefined, pdfs: [] };
  // Nothing changed since the last good build of this OUT: report it again, touch nothing.
  const last = readManifest<BuildResult>(manifestFile);
  // The aside thread, for enough folders, starts as early as it is sure to be needed (with no record of an
  // earlier build, before the stat pass), so that it is up when the folders are to be read.
  const startIf = async (folders: number) => {
    const { startAside, MIN_FOLDERS_ASIDE } = await lazy.aside();
    return folders >= MIN_FOLDERS_ASIDE ? startAside() : undefined;
  };
  let aside = last ? undefined : await startIf(countEntries(join(root, 'issues')));
  const inputs = inputFingerprint(root, JSON.stringify({ pdf: options.pdf !== false, out }));
  if (last && last.inputs === inputs.value && last.outputs === outputFingerprint(out) && last.result.written) {
    return {
      ...last.result,
      written: { ...last.result.written, unchanged: true },
      pdfs: last.result.pdfs.map((p) => ({ ...p, cached: true, ms: 0 })),
    };
  }
  aside ??= await startIf(inputs.folders.size);
  const checked = await inspect(root, true, inputs.folders, aside);
  // The check cache is written in the background while the build goes on; a build returns once it is on disk.
  try {
    const refuse = (diagnostics: Diagnostic[]): BuildResult => ({
      diagnostics,
      fileCount: checked.fileCount,
      written: undefined,
      pdfs: [],
    });
    const [
      { mergeIssue },
      { createTemplateEnv },
      { findLiveLock, writeOutput, OutputLockedError },
      { renderSite, siteSearchDocs },
      { SectionRenderError },
      { createMarkdownRenderer, loadMarkdownPipeline, memoizeRenderer },
      { loadSiteAssets },
    ] = await Promise.all([
      lazy.merge(),
      lazy.templates(),
      lazy.output(),
      lazy.site(),
      lazy.articles(),
      lazy.markdown(),
      lazy.assets(),
    ]);
    const { renderPdfs } = options.pdf !== false ? await lazy.pdf() : { renderPdfs: undefined };
    if (hasErrors(checked.diagnostics)) return refuse(checked.diagnostics);
    // Sections rendered as their folders were checked (checkFolders) are reused, not rendered again.
    await loadMarkdownPipeline(checked.issues.flatMap((i) => i.submissions.map((s) => s.body)));
    const markdown = memoizeRenderer(createMarkdownRenderer(), checked.html);
    const issues = checked.issues.map((i) => mergeIssue(i, checked.config));
    const env = createTemplateEnv(root);
    let pdfs: IssuePdf[] = [];
    const diagnostics = [...checked.diagnostics];
    const locked = await findLiveLock(out);
    if (locked) return refuse([...diagnostics, lockedDiagnostic(out, locked)]);
    if (options.pdf !== false) {
      const printed = await renderPdfs!(issues, checked.config, env, {
        root,
        ...(options.env ? { env: options.env } : {}),
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      });
      diagnostics.push(...printed.diagnostics);
      // A missing PDF is an error: nothing is written, the last good output stays.
      if (hasErrors(printed.diagnostics)) return refuse(diagnostics);
      pdfs = printed.value;
      recordPageCounts(
        root,
        pdfs.map((p) => ({ folder: p.issue.folder, pages: p.pages })),
      );
    }
    const pdfBytes = new Map(pdfs.map((p) => [`${p.issue.path}/${p.fileName}`, p.pdf.byteLength]));
    const pdfPages = new Map(pdfs.map((p) => [`${p.issue.path}/${p.fileName}`, p.pages]));
    let site: Awaited<ReturnType<typeof renderSite>>;
    // Writes the search index's files into the output's temporary folder, alongside the pages.
    let writeIndex: (dir: string) => Promise<number>;
    try {
      // The search index is made on the aside thread, when there is one, while the pages are rendered here.
      const docs = siteSearchDocs(issues, checked.config, markdown);
      if (checked.aside) {
        const job = checked.aside.searchIndex(docs);
        writeIndex = (dir) => job.writeInto(dir);
      } else {
        const [{ createSearchIndexOfDocs }, { writeFilesInto }] = await Promise.all([lazy.search(), lazy.output()]);
        const index = createSearchIndexOfDocs(docs);
        writeIndex = async (dir) => writeFilesInto(dir, index);
      }
      site = renderSite(issues, checked.config, env, { pdf: options.pdf !== false, pdfBytes, pdfPages }, markdown);
    } catch (e) {
      if (e instanceof SectionRenderError) {
        return refuse([
          ...diagnostics,
          renderMarkdown.report(
            e.file,
            undefined,
            '这篇稿件的正文无法排版（结构过于复杂），本次未写入任何文件。请检查是否误粘贴了大量符号。',
          ),
        ]);
      }
      // nunjucks reports template bugs as errors naming the template and line.
      const d = renderTemplate.report(
        'templates',
        undefined,
        `模板出错，本次未写入任何文件：${(e as Error).message.replace(/\s+/g, ' ').trim()}。请改正 templates/ 下的模板。`,
      );
      return refuse([...diagnostics, d]);
    }
    const files: OutputFile[] = [...site.files, ...(await loadSiteAssets(root))];
    files.push(...pdfs.map((p) => ({ path: `${p.issue.path}/${p.fileName}`, content: p.pdf })));
    let outputCount: number;
    try {
      // The pages are written while the search index is still being made.
      outputCount = await writeOutput(out, files, writeIndex);
    } catch (e) {
      if (e instanceof OutputLockedError) return refuse([...diagnostics, lockedDiagnostic(out, e)]);
      const code = (e as NodeJS.ErrnoException).code;
      if (typeof code === 'string' && code.startsWith('E')) {
        const why = WRITE_ERRORS[code] ?? '文件系统报错';
        return refuse([
          ...diagnostics,
          buildWrite.report(
            out,
            undefined,
            `无法写入输出文件夹（${why}，${code}）。上一次的输出保持不变，临时文件已删除。请检查 --out 路径、磁盘空间和权限后重试。`,
          ),
        ]);
      }
      throw e;
    }
    const result: BuildResult = {
      diagnostics,
      fileCount: checked.fileCount,
      written: { out, files: outputCount, issueCount: issues.length, issues },
      pdfs: pdfs.map((p) => summarise(p, join(out, p.issue.path, p.fileName))),
    };
    writeManifest(manifestFile, {
      inputs: inputs.value,
      outputs: outputFingerprint(out),
      result: { ...result, written: { ...result.written!, issues: [] } },
    });
    return result;
  } finally {
    checked.aside?.stop();
    await checked.cacheWritten;
  }
}

/** How many entries a folder has; 0 when it cannot be read. */
function countEntries(dir: string): number {
  try {
    return readdirSync(dir).length;
  } catch {
    return 0;
  }
}

/** What an editor can do about a failed write, by error code. */
const WRITE_ERRORS: Record<string, string> = {
  ENOSPC: '磁盘空间不足',
  EDQUOT: '超出磁盘配额',
  EACCES: '没有写入权限',
  EPERM: '没有写入权限',
  EROFS: '磁盘是只读的',
  ENOTDIR: '路径中有一段不是文件夹',
  EEXIST: '路径中有一段不是文件夹',
};

/** Options of `yongzu pdf`. */
export interface PdfOptions {
  root: string;
  /** Issues by folder (`2009-18`) or total (`476`); none means every issue. */
  issues?: readonly string[];
  /** Output folder; defaults to `root/pdf`. */
  out?: string;
  /** Also write the imposed A3 saddle-stitch booklet. */
  booklet?: boolean;
  /** Write into an existing folder that yongzu did not make (`--force`). */
  force?: boolean;
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
}

/**
 * `yongzu pdf`: checks, then prints the chosen issues into one flat folder
 * (`root/pdf` by default), each file replaced atomically. Errors in other
 * issues' folders do not stop it; errors in a chosen issue (or the config) do.
 */
export async function pdf(options: PdfOptions): Promise<PdfResult> {
  const root = resolve(options.root);
  const out = resolve(options.out ?? join(root, 'pdf'));
  const unsafe = guardOutputFolder(root, out, { force: options.force ?? false, mode: 'add' });
  if (unsafe) return { diagnostics: [unsafe], fileCount: 0, out: undefined, pdfs: [] };
  const checked = await check({ root });
  const [{ mergeIssue }, { selectIssues }, { renderPdfs }, { createTemplateEnv }, { writeFilesAtomic }] =
    await Promise.all([lazy.merge(), lazy.select(), lazy.pdf(), lazy.templates(), lazy.files()]);
  const merged = checked.issues.map((i) => mergeIssue(i, checked.config));
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
  const printed = await renderPdfs(selected.value, checked.config, createTemplateEnv(root), {
    root,
    booklet: options.booklet ?? false,
    ...(options.env ? { env: options.env } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  diagnostics.push(...printed.diagnostics);
  recordPageCounts(
    root,
    printed.value.map((p) => ({ folder: p.issue.folder, pages: p.pages })),
  );
  const files: OutputFile[] = printed.value.flatMap((p) => [
    { path: p.fileName, content: p.pdf },
    ...(p.booklet ? [{ path: p.booklet.fileName, content: p.booklet.pdf }] : []),
  ]);
  // Issues that printed are written even when another failed: each file stands alone.
  if (files.length > 0) await writeFilesAtomic(out, [...files, { path: OUTPUT_MARKER, content: OUTPUT_MARKER_TEXT }]);
  return {
    diagnostics,
    fileCount: checked.fileCount,
    out: files.length > 0 ? out : undefined,
    pdfs: printed.value.map((p) =>
      summarise(p, join(out, p.fileName), p.booklet ? join(out, p.booklet.fileName) : undefined),
    ),
  };
}

function lockedDiagnostic(out: string, e: { pid: number; lockFile: string }): Diagnostic {
  return buildLocked.report(
    out,
    undefined,
    `另一个生成任务（进程 ${e.pid}）正在写入这个输出文件夹，本次未写入。请等它结束后再试；如确认没有其他任务，删除 ${e.lockFile}。`,
  );
}

/**
 * Applies the safe copy fixes (check --fix), then checks again. Originals are
 * backed up under `.yongzu/backup/` before any file is rewritten.
 */
export async function fix(options: { root: string }): Promise<{ fixed: FileFix[]; after: CheckResult }> {
  const root = resolve(options.root);
  const fixed = await (await lazy.fix()).fixProject(root);
  return { fixed, after: await check({ root }) };
}

/** `yongzu new issue`: creates the next issue folder with its issue.yml. */
export async function newIssue(options: { root: string; date?: Date; themes?: string[] }) {
  const root = resolve(options.root);
  const checked = await check({ root });
  return (await lazy.create()).createIssue(root, checked, options);
}

/** `yongzu new submission`: a submission with correct front-matter and the next file-name prefix. */
export async function newSubmission(options: {
  root: string;
  to: string;
  county: string;
  theme?: string;
  title?: string;
}) {
  const root = resolve(options.root);
  const checked = await check({ root });
  const { resolveTarget, writeSubmission } = await lazy.create();
  const target = resolveTarget(root, checked, options.to, options.county, options.theme);
  if (!target.value) return { diagnostics: target.diagnostics };
  const file = await writeSubmission(root, target.value, options.title ?? '', '');
  return { value: file, diagnostics: [] };
}

/**
 * `yongzu import`: turns a .docx, .txt or .md file into a submission of the
 * given issue, then checks it. Nothing is written when the file cannot be read.
 */
export async function importDocument(options: {
  root: string;
  file: string;
  to: string;
  county: string;
  theme?: string;
  title?: string;
}) {
  const root = resolve(options.root);
  const checked = await check({ root });
  const [{ resolveTarget, writeSubmission }, { readDocument }] = await Promise.all([lazy.create(), lazy.importer()]);
  const target = resolveTarget(root, checked, options.to, options.county, options.theme);
  if (!target.value) return { diagnostics: target.diagnostics };
  const doc = await readDocument(resolve(options.file), options.file);
  if (!doc.value) return { diagnostics: doc.diagnostics };
  const title = (options.title ?? doc.value.title ?? '').replace(/[。.]$/, '');
  const file = await writeSubmission(root, target.value, title, doc.value.markdown);
  const after = await check({ root });
  return { value: file, diagnostics: [...doc.diagnostics, ...after.diagnostics.filter((d) => d.file === file)] };
}
