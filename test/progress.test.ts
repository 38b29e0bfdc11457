import { describe, expect, it } from 'vitest';
import { createProgress } from '../src/progress.js';

function stream(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, s: { isTTY, write: (c: string) => chunks.push(c) } as unknown as NodeJS.WriteStream };
}

describe('progress of long work', () => {
  it('prints one plain line per step off a terminal, with the time left', () => {
    const { chunks, s } = stream(false);
    const p = createProgress(s, 'PDF');
    p(1, 4, '2009年第18期');
    p(4, 4, '2009年第21期');
    expect(chunks[0]).toMatch(/^PDF 1\/4 2009年第18期 · 已用 \d+ 秒 · 预计还需 \d+ 秒\n$/);
    expect(chunks[1]).toMatch(/^PDF 4\/4 2009年第21期 · 已用 \d+ 秒\n$/);
  });

  it('rewrites one line on a terminal and ends it when done', () => {
    const { chunks, s } = stream(true);
    const p = createProgress(s, 'PDF');
    p(1, 3, 'a');
    p(3, 3, 'c');
    expect(chunks[0]!.startsWith('\r\x1b[K')).toBe(true);
    expect(chunks[1]!.endsWith('\n')).toBe(true);
  });

  it('stays quiet for one or two steps', () => {
    const { chunks, s } = stream(false);
    createProgress(s, 'PDF')(1, 1, 'a');
    expect(chunks).toEqual([]);
  });
});
