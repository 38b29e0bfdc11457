/**
 * Colour operators of PDF content streams, rewritten from RGB to CMYK.
 *
 * Chromium (Skia) sets every fill and stroke colour with `r g b rg` and
 * `r g b RG` (gray with `g`/`G` is never written, but handled), one
 * operator sequence per line, and strings as hex (`<00c4> Tj`), so the
 * colour operators are found by their operands and keyword alone: no hex
 * string can hold ` rg`, and Skia writes no inline images.
 */

/** A CMYK colour, each part 0–1. */
export type Cmyk = readonly [number, number, number, number];
/** An RGB colour, each part 0–1. */
export type Rgb = readonly [number, number, number];

/** How RGB colours become CMYK: neutrals to K only, the masthead red to the configured red. */
export interface ColourMap {
  /** The red as the print stylesheet writes it (`--red`). */
  redRgb: Rgb;
  /** What the red becomes on the press, e.g. M100 Y100. */
  redCmyk: Cmyk;
}

const NUM = String.raw`-?(?:\d+\.?\d*|\.\d+)`;
const RGB_OP = new RegExp(String.raw`(^|\s)(${NUM})\s+(${NUM})\s+(${NUM})\s+(rg|RG)(?=\s|$)`, 'g');
const GRAY_OP = new RegExp(String.raw`(^|\s)(${NUM})\s+(g|G)(?=\s|$)`, 'g');

/** `#e60012` → [0.902, 0, 0.0706]. */
export function parseHexColour(hex: string): Rgb {
  const h = hex.replace(/^#/, '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  const n = Number.parseInt(full, 16);
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
}

const fmt = (n: number) => {
  const s = (Math.round(Math.min(1, Math.max(0, n)) * 10000) / 10000).toString();
  return s.startsWith('0.') ? s.slice(1) : s;
};

/** The CMYK of one RGB colour under the map. */
export function toCmyk([r, g, b]: Rgb, map: ColourMap): Cmyk {
  const close = (a: Rgb, tolerance: number) =>
    Math.abs(a[0] - r) <= tolerance && Math.abs(a[1] - g) <= tolerance && Math.abs(a[2] - b) <= tolerance;
  if (close(map.redRgb, 0.006)) return map.redCmyk;
  // Neutral: black, grays, white — K only, never four-colour black.
  if (Math.abs(r - g) < 0.01 && Math.abs(g - b) < 0.01) return [0, 0, 0, 1 - (r + g + b) / 3];
  const k = 1 - Math.max(r, g, b);
  if (k >= 1) return [0, 0, 0, 1];
  return [(1 - r - k) / (1 - k), (1 - g - k) / (1 - k), (1 - b - k) / (1 - k), k];
}

/**
 * Rewrites the RGB and gray colour operators of one content stream into
 * DeviceCMYK ones (`k`/`K`). Returns the new text and how many operators
 * were rewritten.
 */
export function rewriteColours(content: string, map: ColourMap): { text: string; count: number } {
  let count = 0;
  const cmyk = (c: Cmyk, stroke: boolean) => `${c.map(fmt).join(' ')} ${stroke ? 'K' : 'k'}`;
  const text = content
    .replace(RGB_OP, (_m, lead: string, r: string, g: string, b: string, op: string) => {
      count++;
      return `${lead}${cmyk(toCmyk([Number(r), Number(g), Number(b)], map), op === 'RG')}`;
    })
    .replace(GRAY_OP, (_m, lead: string, v: string, op: string) => {
      count++;
      return `${lead}${cmyk([0, 0, 0, 1 - Number(v)], op === 'G')}`;
    });
  return { text, count };
}

/** Colour operators that set an RGB or gray colour: none may be left in a press PDF. */
export function countRgbOperators(content: string): number {
  return (content.match(RGB_OP)?.length ?? 0) + (content.match(GRAY_OP)?.length ?? 0);
}
