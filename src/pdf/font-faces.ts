import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { RoleChoice } from './font-roles.js';
import { packageDir } from '../paths.js';

/**
 * A font file the print page may load, by the URL path it is served under.
 * Only files listed here are ever served to Chromium.
 */
export interface FontFile {
  urlPath: string;
  fsPath: string;
}

/** The @font-face rules of the print page and the files they point at. */
export interface FontSet {
  css: string;
  files: Map<string, FontFile>;
  /** A short, stable description of every source, for the cache key. */
  fingerprint: string;
}

/** Where Debian's fonts-lxgw-wenkai puts its TrueType files. */
export const LXGW_DIR = '/usr/share/fonts/truetype/lxgw-wenkai';
/** Where Debian's fonts-liberation puts Liberation Serif (metrics of Times New Roman). */
export const LIBERATION_DIR = '/usr/share/fonts/truetype/liberation';

interface Face {
  family: string;
  /** CSS weight (or range) the face answers to. */
  weight: string;
  /**
   * Fontsource package and the weight of its files, the open substitute.
   * `subsets: 'cjk'` keeps only the numbered CJK slices (no latin, cyrillic…);
   * `'latin'` only the latin slice.
   */
  fontsource?: { pkg: 'noto-serif-sc' | 'noto-sans-sc'; weight: number; subsets?: 'cjk' | 'latin' };
  /** A TrueType file of the system, as a further substitute. */
  file?: string;
  unicodeRange?: string;
  /** The substitute's name, for reports. */
  substitute: string;
  /**
   * A bold weight of the role (bold 仿宋 of third-level headings): declared
   * only for the text set in bold, and only when the role has no office face.
   */
  bold?: true;
}

/** Digits and Latin: not the space, nor CJK punctuation (U+2000…), which stay with the CJK face. */
const LATIN_RANGE = 'U+0021-007E, U+00A1-00B6, U+00B8-00FF';

/** Every family the print stylesheet names, role by role (PRINT-SPEC.md, Fonts). */
const FACES: readonly Face[] = [
  // Times New Roman style digits and Latin in the body. Not the space (see YZ FangSong), nor
  // CJK punctuation (U+2000…), which stay with the CJK face.
  {
    family: 'YZ Latin',
    weight: '100 900',
    file: join(LIBERATION_DIR, 'LiberationSerif-Regular.ttf'),
    fontsource: { pkg: 'noto-serif-sc', weight: 400, subsets: 'latin' },
    unicodeRange: LATIN_RANGE,
    substitute: 'Liberation Serif',
  },
  {
    family: 'YZ Latin',
    weight: '600 1000',
    file: join(LIBERATION_DIR, 'LiberationSerif-Bold.ttf'),
    fontsource: { pkg: 'noto-serif-sc', weight: 700, subsets: 'latin' },
    unicodeRange: LATIN_RANGE,
    substitute: 'Liberation Serif Bold',
    bold: true,
  },
  // CJK slices only, and a CJK face for the space: Chromium compresses adjacent
  // punctuation (text-spacing-trim) only when the primary font, the one that
  // has the space, is a CJK font with the halt/chws features.
  {
    family: 'YZ FangSong',
    weight: '100 900',
    fontsource: { pkg: 'noto-serif-sc', weight: 400, subsets: 'cjk' },
    substitute: 'Noto Serif SC',
  },
  // Chromium can fake bold only as Type 3 fonts (print shops reject them): bold 仿宋 is a real bold face.
  {
    family: 'YZ FangSong',
    weight: '600 1000',
    fontsource: { pkg: 'noto-serif-sc', weight: 700, subsets: 'cjk' },
    substitute: 'Noto Serif SC Bold',
    bold: true,
  },
  {
    family: 'YZ XiaoBiaoSong',
    weight: '100 800',
    fontsource: { pkg: 'noto-serif-sc', weight: 700 },
    substitute: 'Noto Serif SC Bold',
  },
  {
    family: 'YZ XiaoBiaoSong',
    weight: '801 1000',
    fontsource: { pkg: 'noto-serif-sc', weight: 900 },
    substitute: 'Noto Serif SC Black',
  },
  {
    family: 'YZ Song',
    weight: '100 900',
    fontsource: { pkg: 'noto-serif-sc', weight: 400 },
    substitute: 'Noto Serif SC',
  },
  // SimHei has one weight that reads as bold: the substitute is Noto Sans SC Medium, for any weight asked.
  {
    family: 'YZ Hei',
    weight: '100 900',
    fontsource: { pkg: 'noto-sans-sc', weight: 500 },
    substitute: 'Noto Sans SC Medium',
  },
  {
    family: 'YZ Kai',
    weight: '100 900',
    file: join(LXGW_DIR, 'LXGWWenKai-Regular.ttf'),
    fontsource: { pkg: 'noto-serif-sc', weight: 400 },
    substitute: 'LXGW WenKai',
  },
];

/** The body face's family (仿宋). */
const BODY = 'YZ FangSong';

/**
 * The body face's space alone. First in the font stack of a block set in
 * another face (黑体 and 楷体 headings), it is the block's primary font (the
 * one holding the space), whose ascent and descent place the baseline in the
 * line: on the body text's grid, whatever the other face's metrics (LXGW
 * WenKai's put its baseline 1.5 pt higher than Noto Serif SC's).
 */
export const GRID = 'YZ Grid';

const quote = (s: string) => `"${s.replace(/["\\]/g, '')}"`;

/** Parses a CSS unicode-range (`U+4e00-4e0f,U+3001`) into inclusive code point ranges. */
export function parseUnicodeRange(range: string): [number, number][] {
  return range.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    const a = parseInt(from ?? '', 16);
    return [a, to === undefined ? a : parseInt(to, 16)] as [number, number];
  });
}

function coversAny(ranges: [number, number][], codePoints: ReadonlySet<number>): boolean {
  for (const cp of codePoints) if (ranges.some(([a, b]) => cp >= a && cp <= b)) return true;
  return false;
}

/** Whether a bold face has characters to set: some of `boldPoints`, within its range if it has one. */
function hasBoldText(face: Face, boldPoints: ReadonlySet<number>): boolean {
  if (boldPoints.size === 0) return false;
  return !face.unicodeRange || coversAny(parseUnicodeRange(face.unicodeRange), boldPoints);
}

interface Subset {
  file: string;
  /** `117` for a numbered CJK slice, else `latin`, `latin-ext`, `cyrillic`… */
  name: string;
  ranges: [number, number][];
  range: string;
}

/** The @font-face blocks of one fontsource CSS file: file name, slice name and unicode-range of each. */
function parseFontsource(cssText: string): Subset[] {
  const out: Subset[] = [];
  for (const block of cssText.split('@font-face').slice(1)) {
    const file = /url\(\.\/files\/([\w.-]+\.woff2)\)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1]?.trim();
    if (!file || !range) continue;
    const name = /-sc-(.+)-\d+-normal\.woff2$/.exec(file)?.[1] ?? file;
    out.push({ file, name, range, ranges: parseUnicodeRange(range) });
  }
  return out;
}

/** The slices of a fontsource face that the text needs (and that the face's role keeps). */
function pickSubsets(all: readonly Subset[], face: Face, codePoints: ReadonlySet<number>): Subset[] {
  const kind = face.fontsource?.subsets;
  const kept = all.filter((s) =>
    kind === 'cjk' ? /^\d+$/.test(s.name) : kind === 'latin' ? s.name === 'latin' : true,
  );
  const used = kept.filter((s) => coversAny(s.ranges, codePoints));
  if (kind !== 'cjk') return used;
  // The CJK face of the space (see FACES): the slice holding 、 and 。, whatever the text.
  const punctuation = kept.find((s) => coversAny(s.ranges, new Set([0x3001])));
  return punctuation ? [...used, { ...punctuation, range: 'U+0020', ranges: [[0x20, 0x20]] }] : used;
}

const codePointsOf = (text: string) => new Set(Array.from(text, (ch) => ch.codePointAt(0) ?? 0));

/**
 * Creates the font set of the print page: for each role the face chosen in
 * `choices` (the office's file, or an installed official face: font-roles.ts),
 * else the TrueType-outline substitutes served from local files (fontsource's
 * woff2 subsets, LXGW WenKai, Liberation Serif). TrueType outlines matter:
 * Chromium embeds them as CID TrueType, while CFF outlines come out as Type 3,
 * which print shops reject. `text` is all the text the page will show,
 * `boldText` the part of it set in a bold weight of the body face (headings).
 */
export function createFontSet(text: string, choices: readonly RoleChoice[] = [], boldText = ''): FontSet {
  // Paged.js loads every declared face before layout, so only the subsets this
  // issue's text needs are declared (a few dozen of the hundreds of files).
  const codePoints = codePointsOf(text);
  const boldPoints = codePointsOf(boldText);
  const files = new Map<string, FontFile>();
  const rules: string[] = [];
  const prints: string[] = [];
  const chosen = new Map(choices.filter((c) => c.file).map((c) => [c.family, c]));
  // The source of the body face's space, for YZ Grid (below).
  let space: string | undefined;
  for (const [family, choice] of chosen) {
    // The office's own face (project fonts folder) or an installed official face: one file for every weight.
    const file = choice.file as string;
    const urlPath = `/fonts/office/${createHash('sha256').update(file).digest('hex').slice(0, 16)}${extname(file)}`;
    files.set(urlPath, { urlPath, fsPath: file });
    const range = family === 'YZ Latin' ? ` unicode-range: ${LATIN_RANGE};` : '';
    rules.push(
      `@font-face { font-family: ${quote(family)}; font-style: normal; font-weight: 100 1000; font-display: block;` +
        ` src: url(${urlPath}) format("truetype");${range} }`,
    );
    if (family === BODY) space = `url(${urlPath}) format("truetype")`;
    const stat = statSync(file, { throwIfNoEntry: false });
    prints.push(`${family}:${file}:${stat?.size ?? 0}:${stat?.mtimeMs ?? 0}`);
  }
  // An office face serves every weight (and is never faked bold, see FACES); a substitute with a bold
  // face declared answers to the regular weights only.
  const declared = FACES.filter((f) => !chosen.has(f.family) && (!f.bold || hasBoldText(f, boldPoints)));
  const withBold = new Set(declared.filter((f) => f.bold).map((f) => f.family));
  for (const face of declared) {
    const weights = !face.bold && withBold.has(face.family) ? '100 599' : face.weight;
    const points = face.bold ? boldPoints : codePoints;
    // No local() names: a face is used only when yongzu found it (font-roles.ts), so that the report is true.
    const head =
      `font-family: ${quote(face.family)}; font-style: normal; font-weight: ${weights};` + ` font-display: block;`;
    if (face.file && existsSync(face.file)) {
      const urlPath = `/fonts/system/${face.file.split('/').pop()}`;
      files.set(urlPath, { urlPath, fsPath: face.file });
      const range = face.unicodeRange ? ` unicode-range: ${face.unicodeRange};` : '';
      rules.push(`@font-face { ${head} src: url(${urlPath}) format("truetype");${range} }`);
      prints.push(`${face.family}:${face.file}`);
      continue;
    }
    // Nothing to serve: the next family of the stylesheet's font stack takes over.
    if (!face.fontsource) continue;
    const { pkg, weight } = face.fontsource;
    const { dir, version } = packageDir(`@fontsource/${pkg}`);
    prints.push(`${face.family}:${pkg}@${version}/${weight}/${face.fontsource.subsets ?? 'all'}`);
    const all = parseFontsource(readFileSync(join(dir, `${weight}.css`), 'utf8'));
    for (const subset of pickSubsets(all, face, points)) {
      const urlPath = `/fonts/${pkg}/${subset.file}`;
      files.set(urlPath, { urlPath, fsPath: join(dir, 'files', subset.file) });
      rules.push(`@font-face { ${head} src: url(${urlPath}) format("woff2"); ` + `unicode-range: ${subset.range}; }`);
      if (face.family === BODY && !face.bold && subset.range === 'U+0020') space = `url(${urlPath}) format("woff2")`;
    }
  }
  if (space) {
    rules.push(
      `@font-face { font-family: ${quote(GRID)}; font-style: normal; font-weight: 100 1000; font-display: block;` +
        ` src: ${space}; unicode-range: U+0020; }`,
    );
  }
  return { css: rules.join('\n'), files, fingerprint: prints.join('\n') };
}

/**
 * The substitute a role falls back to on this machine, by CSS family (LXGW
 * WenKai only when installed); its bold face, when used, goes unnamed.
 */
export function substituteName(family: string): string {
  const faces = FACES.filter((f) => f.family === family && !f.bold);
  const first = faces[0];
  if (!first) return family;
  if (first.file && !existsSync(first.file)) return 'Noto Serif SC';
  return faces.map((f) => f.substitute).join(' / ');
}
