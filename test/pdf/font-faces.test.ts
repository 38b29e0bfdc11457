import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFontSet, LIBERATION_DIR } from '../../src/pdf/font-faces.js';

/** The @font-face rules of a family, as written. */
const rulesOf = (css: string, family: string) => css.split('\n').filter((r) => r.includes(`font-family: "${family}";`));

describe('the print page’s font faces', () => {
  const text = '一、强化组织保障。县里成立了领导小组，统一安排 2009年';

  it('declares bold 仿宋 and bold digits only for the text set in bold, the regular faces then below 600', () => {
    const plain = createFontSet(text);
    expect(plain.css).not.toContain('font-weight: 600 1000');
    expect(rulesOf(plain.css, 'YZ FangSong').every((r) => r.includes('font-weight: 100 900'))).toBe(true);

    const bold = createFontSet(text, [], '1. 集中轮训');
    const fangsong = rulesOf(bold.css, 'YZ FangSong');
    expect(fangsong.filter((r) => r.includes('font-weight: 600 1000')).length).toBeGreaterThan(0);
    expect(fangsong.filter((r) => r.includes('font-weight: 100 599')).length).toBeGreaterThan(0);
    expect(fangsong.every((r) => /font-weight: (600 1000|100 599)/.test(r))).toBe(true);
    expect(rulesOf(bold.css, 'YZ Latin').some((r) => r.includes('LiberationSerif-Bold.ttf'))).toBe(true);
    // Bold slices for the bold text only: fewer than the regular ones, which cover the whole text.
    const boldFiles = fangsong.filter((r) => r.includes('600 1000')).length;
    expect(boldFiles).toBeLessThan(fangsong.length - boldFiles);
    expect(bold.fingerprint).not.toBe(plain.fingerprint);
  });

  it('never declares a bold face beside an office face, which then serves every weight', () => {
    const office = join(LIBERATION_DIR, 'LiberationSerif-Regular.ttf');
    const set = createFontSet(
      text,
      [{ role: '仿宋', family: 'YZ FangSong', face: '仿宋_GB2312', source: 'project', file: office }],
      '1. 集中',
    );
    const fangsong = rulesOf(set.css, 'YZ FangSong');
    expect(fangsong).toHaveLength(1);
    expect(fangsong[0]).toContain('font-weight: 100 1000');
  });

  it('declares YZ Grid, the body face’s space alone, from the substitute or the office’s file', () => {
    const grid = rulesOf(createFontSet(text).css, 'YZ Grid');
    expect(grid).toHaveLength(1);
    expect(grid[0]).toMatch(
      /src: url\(\/fonts\/noto-serif-sc\/[^)]+\.woff2\) format\("woff2"\); unicode-range: U\+0020;/,
    );

    const office = join(LIBERATION_DIR, 'LiberationSerif-Regular.ttf');
    const set = createFontSet(text, [
      { role: '仿宋', family: 'YZ FangSong', face: '仿宋_GB2312', source: 'project', file: office },
    ]);
    const [own] = rulesOf(set.css, 'YZ FangSong');
    const url = /url\(([^)]+)\)/.exec(own ?? '')?.[1];
    expect(url).toMatch(/^\/fonts\/office\//);
    expect(rulesOf(set.css, 'YZ Grid')).toEqual([
      expect.stringContaining(`src: url(${url}) format("truetype"); unicode-range: U+0020;`),
    ]);
  });
});
