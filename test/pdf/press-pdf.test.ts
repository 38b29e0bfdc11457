import { beforeAll, describe, expect, it } from 'vitest';
import { pdf, type PdfResult } from '../../src/api.js';
import { sampleProject, writeFile } from '../helpers.js';
import { mm, pageWords, toLines } from './poppler.js';
import { formatPreflight, type Preflight, preflight } from './preflight.js';
import { LONG_THEME, richIssueFiles } from './rich-issue.js';

/**
 * The Done-when of issue 16, as a preflight over the sample issue (built
 * with the defaults) and a generated issue with a table across pages, a
 * footnote, long URLs, a long theme and a 版记 with a two-character label.
 */
let root: string;
let result: PdfResult;
let sample: Preflight;
let rich: Preflight;
const path = (folder: string) => result.pdfs.find((p) => p.folder === folder)?.path ?? '';

beforeAll(async () => {
  root = sampleProject();
  for (const [file, content] of Object.entries(richIssueFiles())) writeFile(root, file, content);
  result = await pdf({ root, booklet: true });
  sample = preflight(path('2009-18'));
  rich = preflight(path('2009-19'));
  // The preflight, as a print shop would read it (npx vitest run test/pdf/press-pdf.test.ts shows it).
  console.log(`${formatPreflight(sample)}\n${formatPreflight(rich)}`);
}, 300_000);

const both = () => [sample, rich];

describe('press PDF: colour and PDF/X', () => {
  it('prints both issues without errors', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.pdfs.map((p) => p.folder).sort()).toEqual(['2009-18', '2009-19']);
  });

  it('declares PDF/X-4 with an output intent holding a CMYK ICC profile', () => {
    for (const p of both()) {
      expect(p.subtype, p.file).toBe('PDF/X-4');
      expect(p.version, p.file).toBe('1.6');
      expect(p.outputIntent, p.file).toEqual({ subtype: 'GTS_PDFX', identifier: 'CGATS TR 001', components: 4 });
      expect(p.trapped, p.file).toBe('False');
    }
  });

  it('has a TrimBox and a BleedBox on every page, and every page is exactly A4', () => {
    for (const p of both()) {
      expect(p.trimBoxes, p.file).toBe(p.pages);
      expect(p.bleedBoxes, p.file).toBe(p.pages);
      expect(p.exactA4, `${p.file}: ${JSON.stringify(p.sizes[0])}`).toBe(true);
    }
  });

  it('sets no RGB or gray colour in any content stream: text and rules K only, the red M100 Y100', () => {
    for (const p of both()) {
      expect(p.rgbOperators, p.file).toBe(0);
      expect(p.cmykOperators, p.file).toBeGreaterThan(0);
      expect(p.cmykColours, p.file).toEqual(['0 0 0 1', '0 1 1 0']);
    }
  });

  it('prints no image from a body, its file in the folder or not: its description in its place', () => {
    expect(rich.images).toBe(0);
    expect(rich.deviceRgbImages).toBe(0);
    const text = rich.text.join('');
    expect(text).toContain('〔图：全县党员分布示意图〕');
    expect(text).toContain('〔图：没有这张图〕');
    const ds = result.diagnostics.filter((x) => x.rule === 'content/image');
    expect(ds.map((d) => `${d.file}:${d.severity}`)).toEqual(Array(2).fill('issues/2009-19/01-jianghua.md:warning'));
  });

  it('keeps every font an embedded TrueType (CID) font, none outside the declared set', () => {
    for (const p of both()) {
      for (const f of p.fonts) {
        expect(f.type, f.name).toBe('CID TrueType');
        expect(f.embedded, f.name).toBe(true);
        expect(f.name, 'the ↩ back-link pulled DejaVu Sans in').not.toMatch(/DejaVu/);
      }
    }
  });
});

describe('press PDF: tagged and findable', () => {
  it('is tagged, in zh-CN, made by yongzu', () => {
    for (const p of both()) {
      expect(p.tagged, p.file).toBe(true);
      expect(p.lang, p.file).toBe('zh-CN');
      expect(p.creator, p.file).toMatch(/^yongzu \d/);
    }
  });

  it('has one bookmark per article, and one per county section under it', () => {
    expect(sample.bookmarks).toEqual([
      '各县区创新组织工作服务新型工业化发展',
      '  江华县：江华县全力为新型工业化提供干部保障',
      '  双牌县：双牌县大力推进人才强县战略服务工业化发展',
      '  道县：道县增强党组织“五力”助推企业发展',
      '  祁阳县：祁阳县注重企业培训提升班子发展能力',
    ]);
    expect(rich.bookmarks).toEqual([LONG_THEME, '  江华县：江华县以党建引领基层治理']);
  });

  it('extracts the tracked masthead as 永组信息, in content order too', () => {
    for (const p of both()) {
      expect(
        p.rawFirstPage.split('\n').find((l) => l.includes('永')),
        p.file,
      ).toBe('永组信息');
    }
  });
});

describe('the imprint (版记)', () => {
  it('is on the last page, an even one, in every issue (the sample with the defaults too)', () => {
    for (const p of both()) {
      expect(p.pages % 2, p.file).toBe(0);
      const last = p.text[p.pages - 1] ?? '';
      expect(last, p.file).toMatch(/中共永州市委组织部\s+2009年6月\d+日印发/);
      for (const page of p.text.slice(0, -1)) expect(page).not.toMatch(/日印发/);
    }
  });

  it('keeps a two-character label and its colon on one line, the text after it', () => {
    expect(rich.text[rich.pages - 1]).toMatch(/抄送：省委组织部，市委各位常委。/);
    expect(rich.text[rich.pages - 1]).toMatch(/（共印150份）/);
  });

  it('draws its rules the width of the type area, 0.35 mm first and last, 0.25 mm between, the last on the bottom of the type area', () => {
    for (const p of both()) {
      const rules = (p.rects[p.pages - 1] ?? [])
        .filter((r) => Math.abs(r.width - mm(156)) < 1)
        .sort((a, b) => b.y - a.y);
      const widths = rules.map((r) => (r.height * 25.4) / 72);
      expect(widths.length, p.file).toBeGreaterThanOrEqual(2);
      expect(Math.abs((widths[0] ?? 0) - 0.35), `${p.file} ${widths}`).toBeLessThanOrEqual(0.03);
      expect(Math.abs((widths[widths.length - 1] ?? 0) - 0.35), `${p.file} ${widths}`).toBeLessThanOrEqual(0.03);
      for (const w of widths.slice(1, -1)) expect(Math.abs(w - 0.25), `${p.file} ${widths}`).toBeLessThanOrEqual(0.03);
      // The type area's bottom is 35 mm above the paper's bottom edge.
      expect(Math.abs((rules[rules.length - 1]?.y ?? 0) - mm(35)), p.file).toBeLessThan(mm(0.3));
    }
  });

  it('puts it on the booklet’s back cover, with the padding before it and no page number there', () => {
    for (const folder of ['2009-18', '2009-19']) {
      const booklet = result.pdfs.find((p) => p.folder === folder)?.booklet;
      expect(booklet, folder).toBeDefined();
      const side = toLines(pageWords(booklet?.path ?? '')[0] ?? []);
      // Sheet 1 front: the back cover on the left, page 1 on the right.
      const back = side.filter((l) => l.xMax < 595.28);
      expect(
        back.some((l) => l.text.includes('印发')),
        folder,
      ).toBe(true);
      expect(
        back.some((l) => /^—\d+—$/.test(l.text)),
        folder,
      ).toBe(false);
    }
  });
});

describe('rich content in print', () => {
  const pagesWithRows = () => rich.text.filter((t) => /第\d+乡镇/.test(t));

  it('repeats the table’s header row on every page the table runs over', () => {
    expect(pagesWithRows().length).toBeGreaterThan(1);
    for (const page of pagesWithRows()) {
      const lines = page.split('\n');
      const header = lines.findIndex((l) => /乡镇\s+党员人数\s+发展对象\s+备注/.test(l));
      const firstRow = lines.findIndex((l) => /第\d+乡镇/.test(l));
      expect(header).toBeGreaterThanOrEqual(0);
      expect(header).toBeLessThan(firstRow);
    }
  });

  it('keeps the columns the same width on every page, numbers right-aligned', () => {
    const pages = pageWords(path('2009-19'));
    const column = (word: RegExp) =>
      pages.flatMap((words, i) =>
        words
          .filter((w) => word.test(w.text) && Number(w.text) >= 107)
          // From the type area's left edge: 28 mm on odd pages, 26 mm on even ones.
          .map((w) => ({ page: i, x: w.xMax - mm(i % 2 === 0 ? 28 : 26) })),
      );
    // The right edges of the number column (党员人数) line up across pages.
    const numbers = column(/^\d{3}$/);
    expect(new Set(numbers.map((n) => n.page)).size).toBeGreaterThan(1);
    const xs = numbers.map((n) => n.x);
    expect(Math.max(...xs) - Math.min(...xs)).toBeLessThan(0.5);
    // 发展对象 holds numbers of one and two digits: right-aligned, their right edges line up too.
    const small = pages.flatMap((words, i) =>
      toLines(words)
        .filter((l) => /第\d+乡镇/.test(l.text))
        .flatMap((l) => l.words.filter((w) => /^\d{1,2}$/.test(w.text)))
        .map((w) => w.xMax - mm(i % 2 === 0 ? 28 : 26)),
    );
    expect(small.length).toBeGreaterThan(20);
    expect(Math.max(...small) - Math.min(...small)).toBeLessThan(0.5);
  });

  it('returns the text after the table to the line grid', () => {
    const pages = pageWords(path('2009-19'));
    const pitch = 28.95;
    // Body lines' tops relative to the type area, modulo the pitch, on a page with body text only (page 2).
    const offset = (l: { yMin: number }) => (((l.yMin - mm(37)) % pitch) + pitch) % pitch;
    const reference = toLines(pages[1] ?? []).find((l) => l.text.startsWith('紧紧围绕') || l.text.length > 20);
    const i = pages.findIndex((w) => toLines(w).some((l) => l.text.startsWith('表中数据截至6月底')));
    const after = toLines(pages[i] ?? []).find((l) => l.text.startsWith('表中数据截至6月底'));
    expect(reference).toBeDefined();
    expect(after).toBeDefined();
    const d = Math.abs(offset(after!) - offset(reference!));
    expect(Math.min(d, pitch - d)).toBeLessThan(0.5);
  });

  it('prints footnotes as 注, with neither the hidden heading nor the back-links', () => {
    const all = rich.text.join('\n');
    expect(all).toMatch(/注：\s*\n?\s*1\. ?数据由各乡镇党委上报/);
    expect(all).not.toMatch(/注释|返回|Footnotes|↩/);
  });

  it('breaks long URLs anywhere: no gap over 4 pt between characters of a justified body line', () => {
    const pages = pageWords(path('2009-19'));
    const right = (i: number) => (i % 2 === 0 ? mm(210 - 26) : mm(210 - 28));
    let measured = 0;
    pages.forEach((words, i) => {
      for (const line of toLines(words)) {
        const justified = line.xMax > right(i) - 2 && line.yMax - line.yMin > 15;
        if (!justified || /乡镇|党员人数|印发|抄送/.test(line.text)) continue;
        measured++;
        for (let w = 1; w < line.words.length; w++) {
          const gap = (line.words[w]?.xMin ?? 0) - (line.words[w - 1]?.xMax ?? 0);
          expect(gap, `page ${i + 1}: ${line.text}`).toBeLessThanOrEqual(4);
        }
      }
    });
    expect(measured).toBeGreaterThan(50);
    expect(rich.text.join('')).toContain('index-detail-page.html');
  });

  it('never ends a page with a heading', () => {
    for (const page of rich.text) {
      const lines = page
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !/^—\s*\d+\s*—$/.test(l));
      expect(['各乡镇党员发展情况', '下一步工作打算', '加强督促检查', '健全长效机制']).not.toContain(lines.at(-1));
    }
  });
});

describe('headlines', () => {
  it('balances a long theme’s lines (at most two characters apart) and never splits a word', () => {
    const lines = toLines(pageWords(path('2009-19'))[0] ?? [])
      .filter((l) => l.yMax - l.yMin > 24 && l.yMax - l.yMin < 40 && LONG_THEME.includes(l.text))
      .map((l) => l.text);
    expect(lines.join('')).toBe(LONG_THEME);
    expect(lines.length).toBeGreaterThan(1);
    const lengths = lines.map((l) => [...l].length);
    expect(Math.max(...lengths) - Math.min(...lengths)).toBeLessThanOrEqual(2);
    const boundaries = new Set(
      [...new Intl.Segmenter('zh', { granularity: 'word' }).segment(LONG_THEME)].map((s) => s.index),
    );
    let at = 0;
    for (const line of lines.slice(0, -1)) {
      at += line.length;
      expect(boundaries.has(at), `break after ${line}`).toBe(true);
    }
  });
});
