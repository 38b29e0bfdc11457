import { execFileSync } from 'node:child_process';

/** Millimetres to PDF points. */
export const mm = (v: number) => (v * 72) / 25.4;

/** A word of `pdftotext -bbox`, in points from the top-left corner of its page. */
export interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** A line of words sharing a baseline. */
export interface Line {
  text: string;
  words: Word[];
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** Runs a poppler tool and returns what it printed. */
export function poppler(tool: string, args: string[]): string {
  return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

/** The words of each page, from `pdftotext -bbox`. */
export function pageWords(pdf: string): Word[][] {
  const xml = poppler('pdftotext', ['-bbox', pdf, '-']);
  return xml
    .split(/<page /)
    .slice(1)
    .map((page) =>
      [...page.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g)].map((m) => ({
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
        text: decode(m[5] ?? ''),
      })),
    );
}

/** Groups words into lines by their bottom edge (within 2 pt), top to bottom. */
export function toLines(words: readonly Word[]): Line[] {
  const lines: Line[] = [];
  for (const w of [...words].sort((a, b) => a.yMax - b.yMax || a.xMin - b.xMin)) {
    const line = lines.find((l) => Math.abs(l.yMax - w.yMax) < 2);
    if (line) line.words.push(w);
    else lines.push({ text: '', words: [w], xMin: 0, xMax: 0, yMin: 0, yMax: w.yMax });
  }
  for (const l of lines) {
    l.words.sort((a, b) => a.xMin - b.xMin);
    l.text = l.words.map((w) => w.text).join('');
    l.xMin = Math.min(...l.words.map((w) => w.xMin));
    l.xMax = Math.max(...l.words.map((w) => w.xMax));
    l.yMin = Math.min(...l.words.map((w) => w.yMin));
  }
  return lines;
}

/** Page sizes in points, from `pdfinfo`. */
export function pageSizes(pdf: string): { width: number; height: number }[] {
  const info = poppler('pdfinfo', ['-f', '1', '-l', '999', pdf]);
  return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
  }));
}

/** The rows of `pdffonts`: name, type, embedded. */
export function pdfFonts(pdf: string): { name: string; type: string; embedded: boolean }[] {
  return poppler('pdffonts', [pdf])
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((row) => {
      const m = /^(\S+)\s+(.+?)\s{2,}(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)/.exec(row);
      if (!m) throw new Error(`unexpected pdffonts row: ${row}`);
      return { name: m[1] ?? '', type: m[2] ?? '', embedded: m[4] === 'yes' };
    });
}
