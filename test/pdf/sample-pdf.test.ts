import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/api.js';
import { BIN, REPO, sampleParagraphs, sampleProject, writeFile } from '../helpers.js';
import { mm, pageSizes, pageWords, pdfFonts, poppler, toLines, type Line } from './poppler.js';

const OUTPUT = join(REPO, 'test-output');
const squash = (s: string) => s.replace(/\s+/g, '');
const PAGE_NUMBER = /^—\s*\d+\s*—$/;
/** One character of the grid, 156 mm / 28. */
const CHAR = mm(156) / 28;

let root: string;
let result: BuildResult;
let pdf: string;
let words: ReturnType<typeof pageWords>;

beforeAll(async () => {
  root = sampleProject();
  result = await build({ root });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  pdf = join(root, 'dist/2009/18/永组信息-2009-18.pdf');
  words = pageWords(pdf);
}, 180_000);

/** The body lines of a page: everything above the bottom margin (not the page number). */
const mode = (values: number[]) => {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? NaN;
};
const bodyLines = (page: number): Line[] => toLines(words[page - 1] ?? []).filter((l) => l.yMax < mm(262) + 2);

describe('the sample issue as a print PDF', () => {
  it('is written beside the issue page and linked from it with its size', () => {
    expect(existsSync(pdf)).toBe(true);
    const html = readFileSync(join(root, 'dist/2009/18/index.html'), 'utf8');
    expect(html).toContain(`href="${encodeURIComponent('永组信息-2009-18.pdf')}"`);
    expect(html).toMatch(/下载印刷版 PDF<\/a>（4 页，\d+ KB，永组信息-2009-18\.pdf）/);
    expect(result.pdfs).toHaveLength(1);
    expect(result.pdfs[0]?.cached).toBe(false);
  });

  it('has four A4 pages', () => {
    const sizes = pageSizes(pdf);
    expect(sizes).toHaveLength(4);
    for (const size of sizes) {
      expect(Math.abs(size.width - 595.28)).toBeLessThan(1);
      expect(Math.abs(size.height - 841.89)).toBeLessThan(1);
    }
    expect(result.pdfs[0]?.pages).toBe(4);
  });

  it('embeds every font, none of them Type 3', () => {
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f.embedded, f.name).toBe(true);
      expect(f.type, f.name).not.toMatch(/Type 3/);
      expect(f.type, f.name).toBe('CID TrueType');
    }
  });

  it('carries the masthead and every paragraph of the seed, in order', () => {
    // Page numbers sit between the pages' text: drop them before reading the text as one.
    const pages = poppler('pdftotext', [pdf, '-'])
      .split('\f')
      .map((p) => p.replace(/—\s*\d+\s*—\s*$/, ''));
    const text = squash(pages.join(''));
    let at = 0;
    const expectNext = (part: string) => {
      const i = text.indexOf(squash(part), at);
      expect(i, part.slice(0, 24)).toBeGreaterThanOrEqual(at);
      at = i + squash(part).length;
    };
    for (const part of [
      '第18期',
      '（总第476期）',
      '中共永州市委组织部',
      '2009年6月15日',
      '各县区创新组织工作服务新型工业化发展',
    ])
      expectNext(part);
    expect(squash(pages[0] ?? '')).toContain('永组信息');
    for (const p of sampleParagraphs()) expectNext(p);
    expectNext('（综合江华县、双牌县、道县、祁阳县情况）');
  });

  it('sets the masthead: publisher and date one character in, the headline centred on the type area', () => {
    const lines = toLines(words[0] ?? []);
    const byline = lines.find((l) => l.text.startsWith('中共永州市委组织部'));
    expect(byline?.text).toBe('中共永州市委组织部2009年6月15日');
    expect(Math.abs((byline?.xMin ?? 0) - (mm(28) + CHAR))).toBeLessThan(mm(1));
    expect(Math.abs((byline?.xMax ?? 0) - (mm(210 - 26) - CHAR))).toBeLessThan(mm(1));
    const headline = lines.find((l) => l.text === '各县区创新组织工作服务新型工业化发展');
    expect(headline).toBeDefined();
    expect(Math.abs(((headline?.xMin ?? 0) + (headline?.xMax ?? 0)) / 2 - (mm(28) + mm(156) / 2))).toBeLessThan(mm(1));
    // Masthead, then byline, then headline, top to bottom, all above the body.
    const name = lines.findIndex((l) => l.text.replace(/\s/g, '') === '永组信息');
    expect(name).toBeGreaterThanOrEqual(0);
    expect(name).toBeLessThan(lines.indexOf(byline as Line));
    expect(lines.indexOf(byline as Line)).toBeLessThan(lines.indexOf(headline as Line));
  });

  it('numbers the pages — 1 —, — 2 — …: odd right and even left, one character in, 7 mm below the type area', () => {
    words.forEach((page, i) => {
      const n = i + 1;
      const line = toLines(page).find((l) => l.yMin > mm(262));
      expect(line?.text, `page ${n}`).toMatch(PAGE_NUMBER);
      expect(line?.text.replace(/\D/g, '')).toBe(String(n));
      if (!line) return;
      if (n % 2 === 1) expect(Math.abs(line.xMax - (mm(210 - 26) - CHAR)), `page ${n} right edge`).toBeLessThan(mm(1));
      else expect(Math.abs(line.xMin - (mm(26) + CHAR)), `page ${n} left edge`).toBeLessThan(mm(1));
      // The dashes sit at the middle of the line's box.
      expect(Math.abs((line.yMin + line.yMax) / 2 - mm(262 + 7)), `page ${n} height`).toBeLessThan(mm(1));
    });
  });

  it('sets the type area at 37 mm from the top and 28 mm from the binding edge, mirrored on even pages', () => {
    for (const n of [2, 3]) {
      const lines = bodyLines(n);
      // Most lines start at the edge (first lines of paragraphs are indented).
      const left = mode(lines.map((l) => Math.round(l.xMin * 10) / 10));
      expect(Math.abs(left - mm(n % 2 === 1 ? 28 : 26)), `page ${n} left`).toBeLessThan(mm(1));
      // The first line's box is 28.95 pt high around its glyphs: its top is the top of the type area.
      const first = lines[0] as Line;
      const lineTop = (first.yMin + first.yMax) / 2 - 28.95 / 2;
      expect(Math.abs(lineTop - mm(37)), `page ${n} top`).toBeLessThan(mm(1));
      const last = lines[lines.length - 1] as Line;
      expect((last.yMin + last.yMax) / 2 + 28.95 / 2, `page ${n} bottom`).toBeLessThan(mm(262) + mm(1));
    }
  });

  it('fills full pages with 22 lines of 28 characters', () => {
    for (const n of [2, 3]) expect(bodyLines(n), `page ${n}`).toHaveLength(22);
    // Full lines of full-width characters only: half-width marks and digits are narrower,
    // and adjacent marks are compressed, so those lines hold more.
    const fullWidth = (l: Line) =>
      /^[\u3000-\u303f\u4e00-\u9fff\uff01-\uff5e“”‘’]+$/.test(l.text) && !/[，。、；：“”（）《》]{2}/.test(l.text);
    let counted = 0;
    for (const n of [1, 2, 3, 4]) {
      const lines = bodyLines(n);
      lines.forEach((l, i) => {
        const next = lines[i + 1];
        if (!next || !fullWidth(l) || l.xMax - l.xMin < mm(150)) return;
        // A character that must take the mark after it to the next line leaves 27 (禁则).
        const pushed = /^.[,，。、；：！？”’）》;:]/.test(next.text);
        expect([...l.text].length, l.text).toBe(pushed ? 27 : 28);
        if (!pushed) expect(Math.abs(l.xMax - l.xMin - mm(156)), l.text).toBeLessThan(mm(1));
        counted += pushed ? 0 : 1;
      });
    }
    expect(counted).toBeGreaterThan(5);
  });

  it('never leaves a single character alone on the last line of a paragraph', () => {
    let checked = 0;
    for (const n of [1, 2, 3, 4]) {
      const lines = bodyLines(n);
      const left = mode(lines.map((l) => Math.round(l.xMin * 10) / 10));
      lines.forEach((l, i) => {
        const next = lines[i + 1];
        // A paragraph ends where the next line is indented (two characters) or right-aligned (the source line).
        if (!next || next.xMin - left < CHAR * 1.5 || l.xMin - left > CHAR * 1.5) return;
        checked++;
        expect(l.text.replace(/[，。、；：！？”’）,.;:!?]/g, '').length, l.text).toBeGreaterThan(1);
      });
    }
    expect(checked).toBeGreaterThanOrEqual(3);
  });

  it('renders page 1 to PNG with the red masthead and rule in its upper part, and no red below', () => {
    mkdirSync(OUTPUT, { recursive: true });
    const base = join(OUTPUT, 'sample-page-1');
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, base]);
    expect(existsSync(`${base}.png`)).toBe(true);
    // Count red pixels (a PPM is easy to read) in the top third and in the rest of the page.
    const ppm = execFileSync('pdftoppm', ['-r', '20', '-f', '1', '-l', '1', '-singlefile', pdf]);
    const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'));
    expect(header).not.toBeNull();
    const [width, height] = [Number(header?.[1]), Number(header?.[2])];
    const pixels = ppm.subarray(ppm.length - width * height * 3);
    let top = 0;
    let rest = 0;
    for (let i = 0; i < width * height; i++) {
      const [r, g, b] = [pixels[i * 3] ?? 0, pixels[i * 3 + 1] ?? 0, pixels[i * 3 + 2] ?? 0];
      if (r > 180 && g < 120 && b < 120) {
        if (i / width < height * 0.45) top++;
        else rest++;
      }
    }
    expect(top).toBeGreaterThan(50);
    expect(rest).toBe(0);
  });

  it('is not rendered again when nothing changed', async () => {
    const before = readFileSync(pdf);
    const again = await build({ root });
    expect(again.pdfs[0]?.cached).toBe(true);
    expect(readFileSync(pdf)).toEqual(before);
  });

  it('`yongzu pdf 476` writes the chosen issue into pdf/ (from the cache here)', () => {
    const r = spawnSync(process.execPath, [BIN, 'pdf', '476', '--root', root], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('永组信息-2009-18.pdf（4 页');
    expect(readFileSync(join(root, 'pdf/永组信息-2009-18.pdf'))).toEqual(readFileSync(pdf));
  });

  it('build reports a page budget overrun in full (the budget is not part of the cache key)', () => {
    writeFile(root, 'yongzu.config.yml', 'pageBudget: 3\n');
    const r = spawnSync(process.execPath, [BIN, 'build', '--root', root], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('内容未变，沿用上次结果');
    expect(r.stdout).toContain(
      'issues/2009-18/issue.yml:1:1  警告  2009年第18期（总第476期）印出来共 4 页，超出页数预算（3 页）1 页。',
    );
  });
});
