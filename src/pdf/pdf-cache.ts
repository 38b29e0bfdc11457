import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cacheDir } from '../paths.js';
import type { LayoutReport } from './layout-findings.js';
import type { PrintLayout } from './page-script.js';

/** What is kept beside a cached PDF, so a hit needs no parsing. */
export interface CachedFacts {
  pages: number;
  fonts: string[];
  /** CMYK (press), not Chromium's RGB. */
  press: boolean;
  pdfx: boolean;
  layout: PrintLayout;
  /** Lone lines and lone source lines (layout-findings.ts); absent in entries made before they were kept. */
  findings?: LayoutReport;
}

/** The cache folder of a project: under its node_modules, as other tools keep theirs. */
export function pdfCacheDir(root: string): string {
  return join(cacheDir(root), 'pdf');
}

/**
 * The cache key of a render: everything that decides the PDF's bytes. The
 * print HTML already holds the text, the template's output, the print
 * CSS and the @font-face rules; the rest names the font files and code versions.
 */
export function pdfCacheKey(parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

/** A cached PDF and its facts, or undefined on a miss (or an unreadable entry). */
export async function readPdfCache(
  dir: string,
  key: string,
): Promise<{ pdf: Uint8Array; facts: CachedFacts } | undefined> {
  try {
    const [pdf, json] = await Promise.all([
      readFile(join(dir, `${key}.pdf`)),
      readFile(join(dir, `${key}.json`), 'utf8'),
    ]);
    return { pdf: new Uint8Array(pdf), facts: JSON.parse(json) as CachedFacts };
  } catch {
    return undefined;
  }
}

/** Stores a render; written to temporary names and renamed, so a reader never sees half a file. */
export async function writePdfCache(dir: string, key: string, pdf: Uint8Array, facts: CachedFacts): Promise<void> {
  await mkdir(dir, { recursive: true });
  const tmp = `.${process.pid}-${Date.now()}`;
  await writeFile(join(dir, `${key}.pdf${tmp}`), pdf);
  await writeFile(join(dir, `${key}.json${tmp}`), JSON.stringify(facts));
  // The PDF goes in before its facts: an entry counts only once both exist.
  await rename(join(dir, `${key}.pdf${tmp}`), join(dir, `${key}.pdf`));
  await rename(join(dir, `${key}.json${tmp}`), join(dir, `${key}.json`));
}
