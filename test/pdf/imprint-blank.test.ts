import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdf, type PdfResult } from '../../src/api.js';
import { REPO, sampleProject, writeFile } from '../helpers.js';
import { poppler } from './poppler.js';

/**
 * An imprint that does not fit under the text of the last, even, page: it
 * goes two pages on, and the blank page before it and its own page carry no
 * page number (GB/T 9704 §7.5). A project stylesheet makes the imprint tall.
 */
let result: PdfResult;

beforeAll(async () => {
  const root = sampleProject();
  const css = readFileSync(join(REPO, 'styles', 'print.css'), 'utf8');
  writeFile(root, 'styles/print.css', `${css}\n.imprint { padding-top: 150mm; }\n`);
  result = await pdf({ root, booklet: true });
}, 180_000);

describe('an imprint that needs pages of its own', () => {
  it('lands on the next even page, after a blank page, and neither carries a page number', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const file = result.pdfs[0]?.path ?? '';
    const pages = poppler('pdftotext', ['-layout', file, '-']).split('\f').slice(0, result.pdfs[0]?.pages);
    expect(pages.length % 2).toBe(0);
    const last = pages.length - 1;
    expect(pages[last]).toMatch(/日印发/);
    expect(pages[last]).not.toMatch(/—\s*\d+\s*—/);
    expect(pages[last - 1]?.trim()).toBe('');
    // The text's pages keep theirs.
    for (const [i, p] of pages.slice(0, last - 1).entries()) expect(p).toMatch(new RegExp(`—\\s*${i + 1}\\s*—`));
    // The booklet: 8 pages, the imprint on the back cover, the blanks before it.
    expect(result.pdfs[0]?.booklet?.blanks).toBe(8 - (pages.length - 2) - 1);
  });
});
