import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { LayoutFinding, PageCounts } from '../model/page-counts.js';
import { cacheDir } from '../paths.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { IssuePdf } from '../pdf/render-pdfs.js';
import { loneLine } from '../rules/pdf/lone-line.js';
import { pageBudget } from '../rules/pdf/page-budget.js';
import { sourceAlone } from '../rules/pdf/source-alone.js';

function file(root: string): string {
  return join(cacheDir(root), 'pages.json');
}

/** The page counts recorded by earlier builds; empty when none. */
export function readPageCounts(root: string): PageCounts {
  try {
    return JSON.parse(readFileSync(file(root), 'utf8')) as PageCounts;
  } catch {
    return {};
  }
}

/** What one paged layout of an issue showed, to record. */
export interface LaidOut {
  folder: string;
  pages: number;
  /** The folder's signature when its sources were read. */
  sig?: string | undefined;
  /** Undefined when not known (a cached PDF from before they were kept): the last ones known stay. */
  findings?: LayoutFinding[] | undefined;
}

/** Records the page counts and layout findings of the issues just laid out (merged into what was there). */
export function recordPageCounts(root: string, printed: readonly LaidOut[]): void {
  if (printed.length === 0) return;
  const counts = readPageCounts(root);
  const at = new Date().toISOString();
  for (const p of printed) {
    const findings = p.findings ?? counts[p.folder]?.findings;
    counts[p.folder] = {
      pages: p.pages,
      at,
      ...(p.sig !== undefined ? { sig: p.sig } : {}),
      ...(findings ? { findings } : {}),
    };
  }
  try {
    mkdirSync(join(file(root), '..'), { recursive: true });
    // A name of this process's own: dev and a build may record at once.
    const tmp = `${file(root)}.${process.pid}-${Date.now()}.tmp`;
    writeFileSync(tmp, JSON.stringify(counts));
    renameSync(tmp, file(root));
  } catch {
    // only an aid for check
  }
}

/** The layouts of printed PDFs, to record; `sigOf` gives a folder's signature when its sources were read. */
export function laidOutOf(pdfs: readonly IssuePdf[], sigOf: (folder: string) => string | undefined): LaidOut[] {
  return pdfs.map((p) => ({
    folder: p.issue.folder,
    pages: p.pages,
    sig: sigOf(p.issue.folder),
    findings: p.findings,
  }));
}

/** The rules `check` reports from the record of the last layout. */
const FROM_RECORD = new Set([pageBudget.id, loneLine.id, sourceAlone.id]);

/**
 * `diagnostics` without what the record of an earlier layout said about the
 * issues just printed: their new layout's diagnostics replace it.
 */
export function withoutRecorded(diagnostics: readonly Diagnostic[], printed: readonly IssuePdf[]): Diagnostic[] {
  const folders = printed.map((p) => `issues/${p.issue.folder}/`);
  return diagnostics.filter((d) => !FROM_RECORD.has(d.rule) || !folders.some((f) => d.file.startsWith(f)));
}
