import { beforeAll, describe, expect, it } from 'vitest';
import { pdf, type PdfResult } from '../../src/api.js';
import { bookletOrder, bookletSlots } from '../../src/pdf/impose-booklet.js';
import { sampleProject, writeFile } from '../helpers.js';
import { mm, pageSizes, pageWords, pdfFonts, toLines } from './poppler.js';

let root: string;
let result: PdfResult;

beforeAll(async () => {
  root = sampleProject();
  writeFile(root, 'yongzu.config.yml', 'pageBudget: 2\n');
  writeFile(
    root,
    'issues/2009-18/issue.yml',
    '# 永组信息 第18期（总第476期）\nyear: 2009\nissue: 18\ntotal: 476\ndate: 2009-06-15\nthemes:\n  - 各县区创新组织工作服务新型工业化发展\n' +
      'distribution:\n  报: 省委组织部\n  送: 市委各位领导\n  发: 各县区委组织部，市直各单位党组（党委）\ncopies: 120\n',
  );
  result = await pdf({ root, issues: ['2009-18'], booklet: true });
}, 180_000);

describe('an issue with an imprint, over its page budget, printed as a booklet', () => {
  it('warns that the issue runs over its page budget, by how many pages', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const d = result.diagnostics.find((x) => x.rule === 'pdf/page-budget');
    expect(d?.severity).toBe('warning');
    expect(d?.file).toBe('issues/2009-18/issue.yml');
    const pages = result.pdfs[0]?.pages ?? 0;
    expect(pages).toBeGreaterThan(2);
    expect(d?.message).toContain(`共 ${pages} 页，超出页数预算（2 页）${pages - 2} 页`);
  });

  it('prints the imprint lines at the bottom of the last page, inside the type area', () => {
    const path = result.pdfs[0]?.path ?? '';
    const pages = pageWords(path);
    const last = toLines(pages[pages.length - 1] ?? []);
    const texts = last.map((l) => l.text);
    expect(texts).toContain('报：省委组织部。');
    expect(texts).toContain('送：市委各位领导。');
    expect(texts.some((t) => t.startsWith('发：各县区委组织部，市直各单位党组（党委）'))).toBe(true);
    const copies = last.find((l) => l.text === '（共印120份）');
    expect(copies).toBeDefined();
    // The last rule sits on the bottom edge of the type area (262 mm): the copies line just above it.
    expect(copies?.yMax ?? 0).toBeLessThan(mm(262));
    expect(copies?.yMax ?? 0).toBeGreaterThan(mm(262) - 12);
    // One character in from the right edge of the type area (odd or even page alike: 26 or 28 mm outer margin).
    const outer = pages.length % 2 === 1 ? 26 : 28;
    expect(Math.abs((copies?.xMax ?? 0) - (mm(210 - outer) - mm(156) / 28))).toBeLessThan(mm(1));
  });

  it('writes an A3 booklet: two A4 pages per landscape side, the imprint on the back cover after the padding', () => {
    const a4 = result.pdfs[0]?.pages ?? 0;
    const booklet = result.pdfs[0]?.booklet;
    expect(booklet).toBeDefined();
    const sizes = pageSizes(booklet?.path ?? '');
    const padded = sizes.length * 2;
    expect(padded % 4).toBe(0);
    expect(padded).toBeGreaterThanOrEqual(a4);
    expect(booklet?.sheets).toBe(padded / 4);
    for (const s of sizes) {
      expect(Math.abs(s.width - 1190.55)).toBeLessThan(1.5);
      expect(Math.abs(s.height - 841.89)).toBeLessThan(1.5);
    }
    // Each side carries the page numbers of its content pages, in booklet order; the back cover (the booklet's last
    // page) holds the imprint.
    const sides = pageWords(booklet?.path ?? '');
    const content = padded - (booklet?.blanks ?? 0) - 1;
    bookletOrder(padded).forEach(([left, right], i) => {
      const lines = toLines(sides[i] ?? []);
      const numbers = lines
        .filter((l) => l.yMin > mm(262))
        .flatMap((l) => l.words.filter((w) => /^\d+$/.test(w.text)).map((w) => ({ n: Number(w.text), x: w.xMin })));
      for (const [page, onLeft] of [
        [left, true],
        [right, false],
      ] as const) {
        if (page === padded - 1) {
          expect(lines.some((l) => l.text.includes('印发') && l.xMin < 595.28 === onLeft)).toBe(true);
          continue;
        }
        if (page >= content) continue; // a blank page has no number
        const found = numbers.find((x) => x.n === page + 1);
        expect(found, `side ${i + 1} page ${page + 1}`).toBeDefined();
        expect((found?.x ?? 0) < 595.28, `side ${i + 1} page ${page + 1}`).toBe(onLeft);
      }
    });
    expect(pdfFonts(booklet?.path ?? '').every((f) => f.embedded && f.type === 'CID TrueType')).toBe(true);
  });
});

describe('bookletSlots', () => {
  it('pads before the imprint’s page, which goes last without its number', () => {
    // 5 pages of text, the imprint alone on page 6: booklet of 8, blanks 6 and 7, the imprint page last.
    expect(bookletSlots(6, { contentPages: 5, imprintPage: 5, imprintTop: 600, numberless: [] })).toEqual([
      { page: 0 },
      { page: 1 },
      { page: 2 },
      { page: 3 },
      { page: 4 },
      undefined,
      undefined,
      { page: 5, part: 'number-less' },
    ]);
    // The imprint shares page 6 with the text: cut out onto the back cover, page 6 kept without it.
    expect(bookletSlots(6, { contentPages: 6, imprintPage: 5, imprintTop: 600, numberless: [] }).slice(5)).toEqual([
      { page: 5, part: 'above-imprint' },
      undefined,
      { page: 5, part: 'imprint' },
    ]);
    // Four pages with the imprint on the fourth: nothing to move.
    expect(bookletSlots(4, { contentPages: 4, imprintPage: 3, imprintTop: 600, numberless: [] })).toEqual([
      { page: 0 },
      { page: 1 },
      { page: 2 },
      { page: 3 },
    ]);
    // No imprint: blanks at the end, as before.
    expect(bookletSlots(5)).toEqual([
      { page: 0 },
      { page: 1 },
      { page: 2 },
      { page: 3 },
      { page: 4 },
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('bookletOrder', () => {
  it('pairs the outer pages first, front then back of each sheet', () => {
    expect(bookletOrder(4)).toEqual([
      [3, 0],
      [1, 2],
    ]);
    expect(bookletOrder(8)).toEqual([
      [7, 0],
      [1, 6],
      [5, 2],
      [3, 4],
    ]);
  });
});
