import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type nunjucks from 'nunjucks';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { pdfFileName as sitePdfFileName } from '../site/site-paths.js';
import { createMarkdownRenderer, loadMarkdownPipeline } from '../render/markdown.js';
import { createBrowserSession, printBrowserArgs, type BrowserSession } from './browser.js';
import { findBrowser } from './find-browser.js';
import { substituteName, type FontSet } from './font-faces.js';
import { installedFonts, officialFacesKey, type RoleChoice, resolveFontRoles } from './font-roles.js';
import { A3_LANDSCAPE, imposeBooklet } from './impose-booklet.js';
import { PAGINATE_SCRIPT } from './page-script.js';
import { placeFindings } from './layout-findings.js';
import { type CachedFacts, pdfCacheDir, pdfCacheKey, readPdfCache, writePdfCache } from './pdf-cache.js';
import { describeFonts } from './pdf-facts.js';
import { finishPdf, type OutlineItem } from './finish-pdf.js';
import { CMYK_PROFILE, loadProfiles } from './output-intent.js';
import { type Cmyk, type ColourMap, parseHexColour } from './pdf-colour.js';
import type { OutlineEntry, PrintLayout } from './page-script.js';

export type { PrintLayout } from './page-script.js';
import { headlineText } from './print-html.js';
import { CONFIG_FILE, PACKAGE_DIR } from '../paths.js';
import { printPage, RenderTimeoutError, type PrintedPage } from './print-page.js';
import { startPrintServer, type PrintServer } from './print-server.js';
import { createPrintResources, loadPrintCss, pagedPolyfill, renderPrintPage } from './print-resources.js';
import { PRINT_ORIGIN } from './render-print.js';
import { mapLimit } from '../util/map-limit.js';
import { pushAll } from '../util/append.js';
import type { Config } from '../model/config.js';
import type { IssueModel } from '../model/issue-model.js';
import type { LayoutFinding } from '../model/page-counts.js';
import { pdfBrowser } from '../rules/pdf/browser.js';
import { pdfContentLost } from '../rules/pdf/content-lost.js';
import { pdfFontLoad } from '../rules/pdf/font-load.js';
import { pdfFontType3 } from '../rules/pdf/font-type3.js';
import { pageBudget } from '../rules/pdf/page-budget.js';
import { layoutDiagnostics } from '../rules/pdf/lone-line.js';
import { pdfRender } from '../rules/pdf/render.js';
import { renderTemplate } from '../rules/render/template.js';
import { pdfFontUnusable } from '../rules/pdf/font-unusable.js';
import { pdfNoOutputIntent } from '../rules/pdf/no-output-intent.js';

/** How PDFs are rendered; every field has a default. */
export interface PdfRenderOptions {
  root: string;
  /** Time limit of one render attempt; one retry follows a failure. */
  timeoutMs?: number;
  /** Issues printed at once in the one browser. */
  concurrency?: number;
  /** Defaults to `root/node_modules/.cache/yongzu/pdf`; `false` turns the cache off. */
  cacheDir?: string | false;
  /** Also impose an A3 saddle-stitch booklet of each issue. */
  booklet?: boolean;
  env?: NodeJS.ProcessEnv;
  /** Called as each issue finishes (rendered, cached or failed), for a progress display. */
  onProgress?: (done: number, total: number, label: string) => void;
  /** Keep Chromium's RGB colours (a screen PDF for e-mail) instead of the press PDF (CMYK, PDF/X-4). */
  rgb?: boolean;
}

/** The PDF of one issue. */
export interface IssuePdf {
  issue: IssueModel;
  /** `永组信息-2009-18.pdf` */
  fileName: string;
  pdf: Uint8Array;
  pages: number;
  /** One line per embedded font, e.g. `NotoSerifSC-Regular (CIDFontType2)`. */
  fonts: string[];
  /** True when the PDF came from the cache, not from Chromium. */
  cached: boolean;
  /** CMYK colours (the press PDF), not Chromium's RGB. */
  press: boolean;
  /** Press PDF that declares PDF/X-4 (false for `rgb`, or without the CMYK profile). */
  pdfx: boolean;
  layout: PrintLayout;
  /** Milliseconds this issue took (render, or cache read). */
  ms: number;
  /** Lone lines and lone source lines in its layout; undefined when a cached PDF did not keep them. */
  findings?: LayoutFinding[];
  booklet?: { fileName: string; pdf: Uint8Array; sheets: number; blanks: number };
}

/** The version of this pipeline's page code, part of every cache key. */
const PIPELINE = 'yongzu-pdf-2';

/** The Creator of every PDF: yongzu and its version. */
const CREATOR = `yongzu ${
  (JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')) as { version: string }).version
}`;

/** `第18期（总第476期）`: how messages name an issue. */
export function issueLabel(issue: IssueModel): string {
  return `${issue.year}年第${issue.issue}期（总第${issue.total}期）`;
}

/** `永组信息-2009-18.pdf`: a name a person would keep. */
export function pdfFileName(issue: IssueModel, config: Config, suffix = ''): string {
  return sitePdfFileName(issue, config.bulletin, suffix);
}

const issueFile = (issue: IssueModel) => `issues/${issue.folder}/issue.yml`;

/** One render with a time limit, retried once (on a fresh browser if it crashed). */
async function printWithRetry(session: BrowserSession, job: Parameters<typeof printPage>[1]): Promise<PrintedPage> {
  try {
    return await printPage(session, job);
  } catch {
    return printPage(session, job);
  }
}

function describeFailure(e: unknown, timeoutMs: number): string {
  if (e instanceof RenderTimeoutError) return `两次都超过了 ${timeoutMs / 1000} 秒的时限`;
  return `两次都出错：${(e as Error).message.split('\n')[0]}`;
}

/**
 * Renders the print PDF of each issue: print HTML → Paged.js in headless
 * Chromium → PDF. One browser for all issues, a small pool of pages, a
 * content-hash cache; every failure becomes a diagnostic naming the issue.
 */
export async function renderPdfs(
  issues: readonly IssueModel[],
  config: Config,
  env: nunjucks.Environment,
  options: PdfRenderOptions,
): Promise<{ value: IssuePdf[]; diagnostics: Diagnostic[]; roles: RoleChoice[] }> {
  const diagnostics: Diagnostic[] = [];
  // fontconfig's list, read once: the roles' installed faces, and the official faces in the cache key.
  const installed = installedFonts();
  const resolved = resolveFontRoles(options.root, config.print.fonts, installed);
  const roles = resolved.choices.map((c) => (c.source === 'substitute' ? { ...c, face: substituteName(c.family) } : c));
  for (const file of resolved.skipped) {
    diagnostics.push(
      pdfFontUnusable.report(
        file,
        undefined,
        `字体文件 ${file} 没有用上：它不是 TrueType 字体（.otf 的 CFF 字体在 PDF 里会变成印刷厂不收的 Type 3 字体，` +
          '.ttc 字体集无法直接使用）。请换成同一字体的 .ttf 文件。',
      ),
    );
  }
  const timeoutMs = options.timeoutMs ?? 90_000;
  const cacheDir = options.cacheDir === false ? undefined : (options.cacheDir ?? pdfCacheDir(options.root));
  await loadMarkdownPipeline(issues.flatMap((i) => i.articles.flatMap((a) => a.sections.map((s) => s.body))));
  const markdown = createMarkdownRenderer();
  const printCss = await loadPrintCss(options.root);
  const paged = pagedPolyfill();
  const official = officialFacesKey(installed);
  const rgb = options.rgb ?? false;
  const profiles = rgb ? { intent: undefined, srgb: undefined } : loadProfiles();
  const colours: ColourMap = {
    redRgb: parseHexColour(/--red:\s*(#[0-9a-f]{3,6})\b/i.exec(printCss)?.[1] ?? '#e60012'),
    redCmyk: config.print.red.map((v) => v / 100) as unknown as Cmyk,
  };
  const pdfInfo = (issue: IssueModel) => ({
    title: `${config.bulletin} ${issueLabel(issue)}`,
    subject: issue.articles.map((a) => headlineText(a.theme)).join('；'),
    author: config.publisher,
    keywords: [config.bulletin, ...issue.counties.map((c) => c.name)].join(', '),
    creator: CREATOR,
  });
  const finishing = JSON.stringify({ rgb, colours, intent: profiles.intent?.identifier ?? null, creator: CREATOR });
  if (!rgb && !profiles.intent) {
    diagnostics.push(
      pdfNoOutputIntent.report(
        CONFIG_FILE,
        undefined,
        `没有找到印刷用的 CMYK 色彩特性文件（${CMYK_PROFILE}，Debian 软件包 libgs-common）：PDF 已转为 CMYK，` +
          '但没有声明 PDF/X。请运行 npm run setup 安装后重新生成。',
      ),
    );
  }

  let prepared: { issue: IssueModel; html: string; fonts: FontSet; key: string }[];
  try {
    prepared = issues.map((issue) => {
      const { html, fonts } = renderPrintPage(issue, config, env, markdown, printCss, PRINT_ORIGIN, '', roles);
      const key = pdfCacheKey([
        PIPELINE,
        PAGINATE_SCRIPT,
        `pagedjs@${paged.version}`,
        fonts.fingerprint,
        official,
        finishing,
        html,
      ]);
      return { issue, html, fonts, key };
    });
  } catch (e) {
    // nunjucks reports template bugs as errors naming the template and line.
    return {
      value: [],
      roles,
      diagnostics: [
        renderTemplate.report(
          'templates/print.njk',
          undefined,
          `印刷模板出错，本次未生成 PDF：${(e as Error).message.replace(/\s+/g, ' ').trim()}。请改正 templates/print.njk。`,
        ),
      ],
    };
  }

  // One print server and one browser for the build, started by the first issue
  // that needs them; the issues printing in parallel wait for the same start
  // (two starts would leave a server listening, and the process would not exit).
  let printer: Promise<{ session: BrowserSession; server: PrintServer } | { noBrowser: string }> | undefined;
  const startPrinter = () =>
    (printer ??= (async () => {
      const found = findBrowser(options.env);
      if (!('path' in found)) return { noBrowser: found.message };
      const server = await startPrintServer();
      return {
        server,
        session: createBrowserSession(found.path, { args: printBrowserArgs(new URL(PRINT_ORIGIN).host, server.port) }),
      };
    })());
  let pageNumber = 0;
  try {
    let finished = 0;
    // Two Chromium pages print in parallel well on two cores; more only queue for the CPU.
    const results = await mapLimit(prepared, options.concurrency ?? 2, async (job): Promise<IssuePdf | undefined> => {
      const result = await renderOne(job);
      options.onProgress?.(++finished, prepared.length, issueLabel(job.issue));
      return result;
    });
    async function renderOne({ issue, html, fonts, key }: (typeof prepared)[number]): Promise<IssuePdf | undefined> {
      const started = performance.now();
      const fileName = pdfFileName(issue, config);
      const hit = cacheDir ? await readPdfCache(cacheDir, key) : undefined;
      if (hit) {
        const { findings, ...facts } = hit.facts;
        return {
          issue,
          fileName,
          pdf: hit.pdf,
          ...facts,
          ...(findings ? { findings: placeFindings(issue, findings) } : {}),
          cached: true,
          ms: performance.now() - started,
        };
      }
      const ready = await startPrinter();
      if ('noBrowser' in ready) {
        diagnostics.push(
          pdfBrowser.report(issueFile(issue), undefined, `${issueLabel(issue)}的 PDF 未生成：${ready.noBrowser}`),
        );
        return undefined;
      }
      const { session, server } = ready;
      let printed: PrintedPage;
      // The issue's page under a path of its own; fonts and scripts under shared paths, cached by Chromium.
      const pagePath = `/print/${++pageNumber}.html`;
      for (const [path, served] of createPrintResources(html, fonts, pagePath)) server.publish(path, served);
      try {
        printed = await printWithRetry(session, { url: `${PRINT_ORIGIN}${pagePath}`, timeoutMs });
      } catch (e) {
        server.unpublish(pagePath);
        diagnostics.push(
          pdfRender.report(
            issueFile(issue),
            undefined,
            `${issueLabel(issue)}的 PDF 生成失败，${describeFailure(e, timeoutMs)}。请再运行一次；若仍失败，` +
              `检查 Chromium 能否启动（chromium --headless --version），或用 yongzu build --no-pdf 先生成网站。`,
          ),
        );
        return undefined;
      }
      server.unpublish(pagePath);
      const { report } = printed;
      if (report.missing.length > 0) {
        const first = report.missing[0] ?? '';
        diagnostics.push(
          pdfContentLost.report(
            issueFile(issue),
            undefined,
            `${issueLabel(issue)}排版后缺少 ${report.missing.length} 段文字（共 ${report.blocks} 段），` +
              `如「${first.slice(0, 24)}${first.length > 24 ? '……' : ''}」：分页时内容丢失，PDF 未生成。请检查这一段是否有超过一页的表格、图片或极长的段落，` +
              `拆分后再生成。`,
          ),
        );
        return undefined;
      }
      if (report.failedFonts.length > 0) {
        diagnostics.push(
          pdfFontLoad.report(
            issueFile(issue),
            undefined,
            `${issueLabel(issue)}排版时字体「${report.failedFonts.join('、')}」没有加载成功，PDF 用了替代字体。` +
              `请运行 npm ci 重新安装字体包（@fontsource/noto-serif-sc、@fontsource/noto-sans-sc），或运行 npm run setup。`,
          ),
        );
      }
      const px = 0.75;
      const toPoints = (e: OutlineEntry): OutlineItem => ({
        title: e.title,
        page: e.page,
        top: e.top * px,
        ...(e.children ? { children: e.children.map(toPoints) } : {}),
      });
      const finished = await finishPdf(printed.pdf, {
        mode: rgb ? 'screen' : 'press',
        colours,
        intent: profiles.intent,
        srgb: profiles.srgb,
        info: pdfInfo(issue),
        outline: report.outline.map(toPoints),
        mastheadText: config.bulletin,
      });
      const facts: CachedFacts = {
        pages: finished.report.pages,
        fonts: describeFonts(finished.report.fonts),
        press: !rgb,
        pdfx: finished.report.pdfx,
        layout: {
          contentPages: report.contentPages,
          imprintPage: report.imprintPage,
          imprintTop: report.imprintTop * px,
          numberless: report.numberless,
        },
        findings: report.layout,
      };
      if (cacheDir) await writePdfCache(cacheDir, key, finished.pdf, facts).catch(() => undefined);
      const { findings, ...kept } = facts;
      return {
        issue,
        fileName,
        pdf: finished.pdf,
        ...kept,
        findings: placeFindings(issue, report.layout),
        cached: false,
        ms: performance.now() - started,
      };
    }
    const value = results.filter((r): r is IssuePdf => r !== undefined);
    for (const result of value) {
      checkResult(result, config, diagnostics);
      if (options.booklet) {
        let imposed = await imposeBooklet(result.pdf, result.layout);
        if (!rgb) {
          const finished = await finishPdf(imposed.pdf, {
            mode: 'press',
            colours,
            intent: profiles.intent,
            srgb: profiles.srgb,
            info: { ...pdfInfo(result.issue), title: `${config.bulletin} ${issueLabel(result.issue)} A3骑马订拼版` },
            outline: [],
            pageSize: A3_LANDSCAPE,
          });
          imposed = { ...imposed, pdf: finished.pdf };
        }
        result.booklet = { fileName: pdfFileName(result.issue, config, '-A3骑马订拼版'), ...imposed };
      }
    }
    return { value, diagnostics, roles };
  } finally {
    const ready = await printer?.catch(() => undefined);
    if (ready && 'session' in ready) {
      await ready.session.close();
      await ready.server.close();
    }
  }
}

/** Warnings on a finished PDF: over the page budget, lone lines, or a Type 3 font that print shops reject. */
function checkResult(result: IssuePdf, config: Config, diagnostics: Diagnostic[]): void {
  const { issue, pages } = result;
  if (pages > config.pageBudget) {
    diagnostics.push(
      pageBudget.report(
        issueFile(issue),
        undefined,
        `${issueLabel(issue)}印出来共 ${pages} 页，超出页数预算（${config.pageBudget} 页）${pages - config.pageBudget} 页。请压缩稿件，` +
          `或在 yongzu.config.yml 中调整 pageBudget。`,
      ),
    );
  }
  if (result.findings) pushAll(diagnostics, layoutDiagnostics(result.findings, `${issueLabel(issue)}排版后：`));
  const bad = result.fonts.filter((f) => /\(Type3|not embedded/.test(f));
  if (bad.length > 0) {
    diagnostics.push(
      pdfFontType3.report(
        issueFile(issue),
        undefined,
        `${issueLabel(issue)}的 PDF 含有印刷厂不接受的字体：${bad.join('、')}（应为嵌入的 TrueType 字体）。` +
          `请把该字体的 TrueType 版本（.ttf）放进项目的 fonts 文件夹，或删除本机的同名 CFF（.otf）字体后重新生成。`,
      ),
    );
  }
}
