import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { IssuePdf } from '../pdf/render-pdfs.js';
import { buildLocked } from '../rules/build/locked.js';
import { buildWrite } from '../rules/build/write.js';
import { describeWriteError } from '../write/write-errors.js';

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
  /** CMYK (the press PDF), not RGB. */
  press: boolean;
  /** A press PDF declaring PDF/X-4. */
  pdfx: boolean;
  /** The imposed A3 booklet, when asked for. */
  booklet?: { path: string; sheets: number; blanks: number };
}

export function summarisePdf(p: IssuePdf, path: string, bookletPath?: string): PdfSummary {
  return {
    path,
    folder: p.issue.folder,
    pages: p.pages,
    bytes: p.pdf.byteLength,
    fonts: p.fonts,
    cached: p.cached,
    ms: p.ms,
    press: p.press,
    pdfx: p.pdfx,
    ...(p.booklet && bookletPath
      ? { booklet: { path: bookletPath, sheets: p.booklet.sheets, blanks: p.booklet.blanks } }
      : {}),
  };
}

export function lockedDiagnostic(out: string, e: { pid: number; lockFile: string }): Diagnostic {
  return buildLocked.report(
    out,
    undefined,
    `另一个生成任务（进程 ${e.pid}）正在写入这个输出文件夹，本次未写入。请等它结束后再试；如确认没有其他任务，删除 ${e.lockFile}。`,
  );
}

/** A filesystem error while writing OUT, as a diagnostic; undefined for any other error (a bug). */
export function writeFailure(e: unknown, out: string): Diagnostic | undefined {
  const why = describeWriteError(e);
  if (!why) return undefined;
  return buildWrite.report(
    out,
    undefined,
    `无法写入输出文件夹（${why}）。上一次的输出保持不变，临时文件已删除。请检查 --out 路径、磁盘空间和权限后重试。`,
  );
}
