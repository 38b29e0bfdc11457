import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pageSizes, pdfFonts, poppler } from './poppler.js';

/**
 * A print shop's preflight, with the tools a print shop would use: qpdf
 * (the file's objects, content streams uncompressed by `--qdf`) and
 * poppler's pdfinfo, pdffonts and pdftotext. Independent of the code that
 * writes the PDF: it reads only the file.
 */
export interface Preflight {
  file: string;
  pages: number;
  version: string;
  /** `PDF subtype` as pdfinfo reads it (from GTS_PDFXVersion and the XMP). */
  subtype: string;
  outputIntent: { subtype: string; identifier: string; components: number } | undefined;
  /** Pages carrying a TrimBox, and a BleedBox. */
  trimBoxes: number;
  bleedBoxes: number;
  /** Every page exactly A4, 595.276 × 841.89 pt (pdfinfo rounds to 3 decimals). */
  exactA4: boolean;
  sizes: { width: number; height: number }[];
  trapped: string | undefined;
  tagged: boolean;
  lang: string | undefined;
  bookmarks: string[];
  creator: string;
  /** Colour operators in the pages' content streams: RGB or gray (rg RG g G sc SC with an RGB space), and CMYK (k K). */
  rgbOperators: number;
  cmykOperators: number;
  /** The CMYK colours set, as `c m y k` with numbers as written. */
  cmykColours: string[];
  /** Filled rectangles of each page, in points from the page's bottom-left corner (the CTM applied). */
  rects: { x: number; y: number; width: number; height: number }[][];
  fonts: { name: string; type: string; embedded: boolean }[];
  /** Images in DeviceRGB (device-dependent RGB, which PDF/X-4 does not allow with a CMYK intent), and all images. */
  deviceRgbImages: number;
  images: number;
  /** `pdftotext -layout`, page by page. */
  text: string[];
  /** `pdftotext -raw` of page 1, in content order. */
  rawFirstPage: string;
}

const decodeHex = (hex: string) => {
  const bytes = Buffer.from(hex, 'hex');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2).swap16().toString('utf16le');
  return bytes.toString('latin1');
};

/** The text of an object of a QDF file, by number. */
function objectText(qdf: string, n: string): string {
  const start = qdf.indexOf(`\n${n} 0 obj\n`);
  return start < 0 ? '' : qdf.slice(start, qdf.indexOf('\nendobj', start));
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

/** The rectangles a content stream fills (`re` then `f`), through q/Q and cm; no clipping, no forms. */
function filledRects(tokens: readonly string[]): Preflight['rects'][number] {
  const out: Preflight['rects'][number] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  let pending: Preflight['rects'][number] = [];
  tokens.forEach((t, i) => {
    const nums = (n: number) => tokens.slice(i - n, i).map(Number);
    if (t === 'q') stack.push(ctm);
    else if (t === 'Q') ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (t === 'cm') ctm = multiply(nums(6) as Matrix, ctm);
    else if (t === 're') {
      const [x = 0, y = 0, w = 0, h = 0] = nums(4);
      const xs = [x, x + w].map((px) => ctm[0] * px + ctm[4]);
      const ys = [y, y + h].map((py) => ctm[3] * py + ctm[5]);
      // Only axis-aligned rectangles (no rotation) are measured.
      if (ctm[1] === 0 && ctm[2] === 0)
        pending.push({
          x: Math.min(...xs),
          y: Math.min(...ys),
          width: Math.abs(xs[1]! - xs[0]!),
          height: Math.abs(ys[1]! - ys[0]!),
        });
    } else if (t === 'f' || t === 'f*' || t === 'F') {
      out.push(...pending);
      pending = [];
    } else if (t === 'n' || t === 'S' || t === 'W' || t === 'W*') pending = t === 'W' || t === 'W*' ? pending : [];
  });
  return out;
}

export function preflight(pdf: string): Preflight {
  const dir = mkdtempSync(join(tmpdir(), 'yongzu-preflight-'));
  const qdfPath = join(dir, 'q.pdf');
  execFileSync('qpdf', ['--qdf', '--object-streams=disable', pdf, qdfPath]);
  const qdf = readFileSync(qdfPath).toString('latin1');
  const info = poppler('pdfinfo', [pdf]);
  const field = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(info)?.[1]?.trim() ?? '';
  const sizes = pageSizes(pdf);
  const intentObject =
    /\/OutputIntents \[\s*(\d+) 0 R/.exec(qdf)?.[1] ?? /\/OutputIntents \[\s*<<([\s\S]*?)>>\s*\]/.exec(qdf);
  let outputIntent: Preflight['outputIntent'];
  const intent = typeof intentObject === 'string' ? objectText(qdf, intentObject) : (intentObject?.[1] ?? '');
  if (intent) {
    const profile = /\/DestOutputProfile (\d+) 0 R/.exec(intent)?.[1];
    outputIntent = {
      subtype: /\/S \/(\w+)/.exec(intent)?.[1] ?? '',
      identifier: /\/OutputConditionIdentifier \(([^)]*)\)/.exec(intent)?.[1] ?? '',
      components: Number(/\/N (\d+)/.exec(profile ? objectText(qdf, profile) : '')?.[1] ?? 0),
    };
  }
  // Bookmarks in outline order: from the catalog's Outlines, First then Next, depth first.
  const bookmarks: string[] = [];
  const title = (body: string) => {
    const hex = /\/Title <([0-9a-fA-F]+)>/.exec(body)?.[1];
    return hex ? decodeHex(hex) : (/\/Title \(([^)]*)\)/.exec(body)?.[1] ?? '');
  };
  const walk = (first: string | undefined, depth: number) => {
    for (let n = first, guard = 0; n && guard < 1000; guard++) {
      const body = objectText(qdf, n);
      bookmarks.push(`${'  '.repeat(depth)}${title(body)}`);
      walk(/\/First (\d+) 0 R/.exec(body)?.[1], depth + 1);
      n = /\/Next (\d+) 0 R/.exec(body)?.[1];
    }
  };
  const outlines = /\/Outlines (\d+) 0 R/.exec(qdf)?.[1];
  if (outlines) walk(/\/First (\d+) 0 R/.exec(objectText(qdf, outlines))?.[1], 0);
  // The pages' content streams (qpdf marks them), tokenised on white space.
  let rgbOperators = 0;
  let cmykOperators = 0;
  const cmykColours = new Set<string>();
  const rects: Preflight['rects'] = [];
  // qpdf marks each page's content stream, not in page order.
  for (const m of qdf.matchAll(
    /%% Contents for page (\d+)\n(?:%%[^\n]*\n)*\d+ 0 obj\n[\s\S]*?\nstream\n([\s\S]*?)\nendstream/g,
  )) {
    const tokens = (m[2] ?? '').split(/\s+/);
    rects[Number(m[1]) - 1] = filledRects(tokens);
    let rgbSpace = false;
    tokens.forEach((t, i) => {
      if (t === 'rg' || t === 'RG' || t === 'g' || t === 'G') rgbOperators++;
      if (t === 'k' || t === 'K') {
        cmykOperators++;
        cmykColours.add(tokens.slice(i - 4, i).join(' '));
      }
      if ((t === 'cs' || t === 'CS') && /RGB/.test(tokens[i - 1] ?? '')) rgbSpace = true;
      if ((t === 'sc' || t === 'SC' || t === 'scn' || t === 'SCN') && rgbSpace) rgbOperators++;
    });
  }
  const text = poppler('pdftotext', ['-layout', pdf, '-']).split('\f').slice(0, sizes.length);
  return {
    file: basename(pdf),
    pages: sizes.length,
    version: field('PDF version'),
    subtype: field('PDF subtype'),
    outputIntent,
    deviceRgbImages: [...qdf.matchAll(/<<([^>]*?\/Subtype \/Image[^>]*?)>>/g)].filter((m) =>
      /\/ColorSpace \/DeviceRGB/.test(m[1] ?? ''),
    ).length,
    images: (qdf.match(/\/Subtype \/Image/g) ?? []).length,
    trimBoxes: (qdf.match(/\/TrimBox \[/g) ?? []).length,
    bleedBoxes: (qdf.match(/\/BleedBox \[/g) ?? []).length,
    exactA4: sizes.every((s) => Math.abs(s.width - 595.276) < 0.001 && Math.abs(s.height - 841.89) < 0.001),
    sizes,
    trapped: /\/Trapped \/(\w+)/.exec(qdf)?.[1],
    tagged: field('Tagged') === 'yes',
    lang: /\/Lang \(([^)]*)\)/.exec(qdf)?.[1],
    bookmarks,
    creator: field('Creator'),
    rgbOperators,
    cmykOperators,
    cmykColours: [...cmykColours].sort(),
    rects,
    fonts: pdfFonts(pdf),
    text,
    rawFirstPage: poppler('pdftotext', ['-raw', '-f', '1', '-l', '1', pdf, '-']),
  };
}

/** The preflight as a few lines of text, for a report. */
export function formatPreflight(p: Preflight): string {
  const fontTypes = [...new Set(p.fonts.map((f) => `${f.type}${f.embedded ? ' embedded' : ' NOT embedded'}`))];
  return [
    `${p.file}: ${p.pages} pages, PDF ${p.version}, subtype ${p.subtype || '-'}`,
    `  output intent: ${p.outputIntent ? `${p.outputIntent.subtype} "${p.outputIntent.identifier}", ICC N=${p.outputIntent.components}` : 'none'}`,
    `  boxes: TrimBox ${p.trimBoxes}/${p.pages}, BleedBox ${p.bleedBoxes}/${p.pages}; exact A4 ${p.exactA4} (${p.sizes[0]?.width} x ${p.sizes[0]?.height} pt); Trapped ${p.trapped ?? '-'}`,
    `  colour operators in content streams: RGB/gray ${p.rgbOperators}, CMYK ${p.cmykOperators} (colours: ${p.cmykColours.join('; ') || '-'})`,
    `  images: ${p.images}, of which DeviceRGB ${p.deviceRgbImages}`,
    `  tagged ${p.tagged}, /Lang ${p.lang ?? '-'}, Creator ${p.creator}`,
    `  bookmarks (${p.bookmarks.length}): ${p.bookmarks.map((b) => b.trim()).join(' | ')}`,
    `  fonts: ${p.fonts.length} (${fontTypes.join(', ')}): ${[...new Set(p.fonts.map((f) => f.name.replace(/^[A-Z]+\+/, '')))].join(', ')}`,
    `  masthead extracts (pdftotext -raw): ${p.rawFirstPage.split('\n').find((l) => l.includes('永')) ?? '-'}`,
  ].join('\n');
}
