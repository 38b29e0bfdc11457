import { beforeAll, describe, expect, it } from 'vitest';
import { pdf, type PdfResult } from '../../src/api.js';
import { makeProject } from '../helpers.js';
import { type Line, pageWords, pdfFonts, poppler, toLines } from './poppler.js';

/**
 * The four heading levels of Chinese numbering in the print PDF (issue 15):
 * 一、 黑体, （一） 楷体, 1. 仿宋 bold, （1） 仿宋, each at the body size on
 * one line of the 22-line grid. Faces are read from the PDF (pdftohtml's
 * font of each run of text), positions from pdftotext.
 */
const HEADINGS = {
  first: '一、强化组织保障',
  second: '（一）建立培训基地',
  third: '1. 集中轮训骨干',
  fourth: '（1）县级轮训',
} as const;
/**
 * Paragraphs set, whole, in 黑体 (bold: the run-in titles' face) and 楷体
 * (emphasis) on body lines: references for the faces and the grid.
 */
const HEI = '二是抓好督促落实。';
const KAI = '各乡镇同步开展培训。';

const BODY = [
  '今年以来，全县扎实推进。',
  `*${KAI}*`,
  `**${HEI}**`,
  `# ${HEADINGS.first}`,
  '县里成立了培训工作领导小组，统一安排。',
  '各乡镇也成立了相应的工作机构。',
  `## ${HEADINGS.second}`,
  '全县建成党员干部培训基地12个。',
  `### ${HEADINGS.third}`,
  '分三批对村干部进行集中轮训。',
  `#### ${HEADINGS.fourth}`,
  '县委党校举办轮训班8期，培训960人次。',
].join('\n\n');

/**
 * The grid's pitch in print.css. Chromium puts each line's baseline on a
 * whole device pixel (0.75 pt), so lines n apart are n pitches apart within
 * 0.75 pt, and exactly when n is a multiple of 5 (5 × 38.6 px = 193 px).
 */
const PITCH = 28.95;

const squash = (s: string) => s.replace(/\s+/g, '');

/** A run of text in one font, as pdftohtml -xml gives it, in points from the page's top. */
interface Run {
  page: number;
  text: string;
  /** The font's name without its subset tag (`NotoSansSCThin-Medium`). */
  font: string;
  /** The font size, in points. */
  size: number;
  top: number;
  height: number;
}

function textRuns(file: string): Run[] {
  const xml = poppler('pdftohtml', ['-xml', '-i', '-fontfullname', '-zoom', '1', '-stdout', file]);
  const fonts = new Map(
    [...xml.matchAll(/<fontspec id="(\d+)" size="([\d.]+)" family="([^"]*)"/g)].map((m) => [
      m[1],
      { size: Number(m[2]), font: m[3]?.replace(/^[A-Z]{6}\+/, '') ?? '' },
    ]),
  );
  return xml
    .split(/<page number=/)
    .slice(1)
    .flatMap((page, i) =>
      [...page.matchAll(/<text top="(-?\d+)" left="-?\d+" width="\d+" height="(\d+)" font="(\d+)">(.*?)<\/text>/g)].map(
        (m) => ({
          page: i + 1,
          top: Number(m[1]),
          height: Number(m[2]),
          font: fonts.get(m[3] ?? '')?.font ?? '',
          size: fonts.get(m[3] ?? '')?.size ?? 0,
          text: (m[4] ?? '').replace(/<[^>]*>/g, '').replace(/&amp;/g, '&'),
        }),
      ),
    );
}

let result: PdfResult;
let lines: { page: number; line: Line }[];
let runs: Run[];

beforeAll(async () => {
  const root = makeProject({
    'issues/2009-19/issue.yml':
      'year: 2009\nissue: 19\ntotal: 477\ndate: 2009-06-30\nthemes:\n  - 各县区加强党员干部教育培训\n',
    'issues/2009-19/01-jianghua.md':
      '---\nissue: 19\ncounty: 江华县\ntheme: 各县区加强党员干部教育培训\ntitle: 江华县扎实开展党员干部培训\n---\n\n' +
      `${BODY}\n`,
  });
  result = await pdf({ root });
  const file = result.pdfs[0]?.path ?? '';
  lines = pageWords(file).flatMap((words, i) => toLines(words).map((line) => ({ page: i + 1, line })));
  runs = textRuns(file);
}, 240_000);

/** The printed line whose text ends with `text` (the first paragraph's line starts with the run-in title). */
function lineOf(text: string): { page: number; line: Line } {
  const found = lines.find((l) => l.line.text.endsWith(squash(text)));
  if (!found) throw new Error(`no line 「${text}」 in ${lines.map((l) => l.line.text).join(' | ')}`);
  return found;
}

/** The runs of text on a printed line. */
function runsOf(text: string): Run[] {
  const { page, line } = lineOf(text);
  return runs.filter((r) => r.page === page && r.top + r.height / 2 > line.yMin && r.top + r.height / 2 < line.yMax);
}

/** The fonts of a printed line's text: CJK and Latin apart. */
function facesOf(text: string): { cjk: string[]; latin: string[] } {
  const on = runsOf(text);
  const names = (latin: boolean) =>
    [...new Set(on.filter((r) => /^[!-~]+$/.test(r.text) === latin).map((r) => r.font))].sort();
  return { cjk: names(false), latin: names(true) };
}

/** The bottom of a line's CJK text (pdftotext's box: the baseline plus the face's descent). */
function cjkBottom(text: string): number {
  const { line } = lineOf(text);
  return Math.max(...line.words.filter((w) => !/^[!-~]+$/.test(w.text)).map((w) => w.yMax));
}

/** How far apart two lines' CJK bottoms are, modulo the grid's pitch (0 when both are on it). */
function offGrid(a: string, b: string): number {
  const d = (((cjkBottom(a) - cjkBottom(b)) % PITCH) + PITCH) % PITCH;
  return Math.min(d, PITCH - d);
}

describe('heading levels in print', () => {
  it('prints the issue without errors, every font an embedded TrueType font (no faked bold as Type 3)', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.diagnostics.map((d) => d.rule)).not.toContain('content/heading-level');
    for (const f of pdfFonts(result.pdfs[0]?.path ?? '')) expect(f.type, f.name).toBe('CID TrueType');
  });

  it('sets 一、 in 黑体 and （一） in 楷体, the faces of the run-in titles and of emphasis', () => {
    const hei = facesOf(HEI).cjk;
    const kai = facesOf(KAI).cjk;
    const body = facesOf('县里成立了培训工作领导小组，统一安排。').cjk;
    // On a machine set up by npm run setup, the substitutes (docs/maintainers/print.md, Fonts).
    expect(hei).toEqual(['NotoSansSCThin-Medium']);
    expect(kai).toEqual(['LXGWWenKai-Regular']);
    expect(body).toEqual(['NotoSerifSCExtraLight-Regular']);
    expect(facesOf(HEADINGS.first).cjk).toEqual(hei);
    expect(facesOf(HEADINGS.second).cjk).toEqual(kai);
  });

  it('sets 1. in bold 仿宋 (a real bold face, its digits bold too) and （1） in the body’s 仿宋', () => {
    const body = facesOf('县委党校举办轮训班8期，培训960人次。');
    const third = facesOf(HEADINGS.third);
    expect(third.cjk).toEqual(['NotoSerifSCExtraLight-Bold']);
    expect(third.latin).toEqual(['LiberationSerif-Bold']);
    expect(facesOf(HEADINGS.fourth)).toEqual(body);
    expect(body).toEqual({ cjk: ['NotoSerifSCExtraLight-Regular'], latin: ['LiberationSerif'] });
  });

  it('prints each heading at the body size, on one line of the grid, with no space above or below', () => {
    const sequence = BODY.split('\n\n').map((b) => b.replace(/^#+ |\*/g, ''));
    for (const heading of Object.values(HEADINGS)) {
      const at = sequence.indexOf(heading);
      const h = lineOf(heading);
      const before = lineOf(sequence[at - 1] ?? '');
      const after = lineOf(sequence[at + 1] ?? '');
      expect(before.page, heading).toBe(after.page);
      // The body text after the heading is exactly two lines below the line before it.
      expect(Math.abs(after.line.yMax - before.line.yMax - 2 * PITCH), heading).toBeLessThan(0.85);
      // 三号, the body's 16 pt.
      expect([...new Set(runsOf(heading).map((r) => r.size))], heading).toEqual([16]);
      expect(h.page, heading).toBe(before.page);
    }
  });

  it('puts each heading’s baseline where body lines in its face have theirs', () => {
    // pdftotext's box depends on the face: compare each heading with a line in its own face on a body line.
    const body = '县里成立了培训工作领导小组，统一安排。';
    expect(offGrid(HEADINGS.first, HEI)).toBeLessThan(0.85);
    expect(offGrid(HEADINGS.third, body)).toBeLessThan(0.85);
    expect(offGrid(HEADINGS.fourth, body)).toBeLessThan(0.85);
    // 楷体 five lines below its reference, to the hundredth of a point: LXGW WenKai, the substitute 楷体, would
    // sit 1.5 pt high as the heading's primary font (its ascent and descent placing the baseline).
    const [kai, second] = [lineOf(KAI), lineOf(HEADINGS.second)];
    expect(second.page).toBe(kai.page);
    expect(lines.indexOf(second) - lines.indexOf(kai)).toBe(5);
    expect(Math.abs(cjkBottom(HEADINGS.second) - cjkBottom(KAI) - 5 * PITCH)).toBeLessThan(0.05);
  });
});
