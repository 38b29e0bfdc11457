import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMarkdownRenderer, loadMarkdownPipeline } from '../src/render/markdown.js';

await loadMarkdownPipeline();
import { isPlainProse, renderPlainProse } from '../src/render/plain-prose.js';
import { REPO } from './helpers.js';

// The full pipeline with the fast path turned off: what plain prose must equal.
const full = (() => {
  const render = createMarkdownRenderer({ plainProse: false });
  return (markdown: string, title?: string) => render(markdown, title);
})();

/** Pieces of text that are plain, nearly plain, or Markdown/HTML syntax. */
const piece = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      '江华县',
      '一是',
      '，',
      '。',
      '：',
      '；',
      '“',
      '”',
      '、',
      '（',
      '）',
      '　',
      '\u00a0',
      '\u2028',
      '\u3000\u3000',
      '𠀀',
      '😀',
      'é',
      'ﬁ',
      'Ａ',
      '１２',
      '２０',
    ),
  },
  { weight: 4, arbitrary: fc.constantFrom('\n', '\n\n', '\n\n\n', ' ', '  ', '\t', '\r\n', '\r') },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '2009',
      '1.',
      '1)',
      '12.',
      '3、',
      '-',
      '+',
      '--',
      '---',
      '===',
      '.',
      ',',
      ';',
      ':',
      '(',
      ')',
      '%',
      '"',
      "'",
      '/',
      '?',
      'a',
      'Z',
      '0',
    ),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '*',
      '**',
      '_',
      '`',
      '```',
      '~',
      '~~',
      '[',
      ']',
      '[x]',
      '[^1]',
      '![',
      '<',
      '>',
      '<b>',
      '&',
      '&amp;',
      '&#35;',
      '!',
      '#',
      '# ',
      '|',
      '| a |',
      '=',
      '@',
      'a@b.cn',
      '{',
      '}',
      '^',
      '$',
      '\\',
      'www.',
      'www.gov.cn',
      'http://',
      'https://x.cn',
      'mailto:',
      '\u0000',
      '\u000b',
      '\u007f',
    ),
  },
);
const body = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
const title = fc.oneof(
  fc.constant(undefined),
  fc.constant(''),
  fc.constantFrom('江华县全力为新型工业化提供干部保障', '<script>&"', '标题\u0000'),
  fc.string({ maxLength: 8 }),
);

describe('plain-prose fast path', () => {
  it('renders byte for byte what the Markdown pipeline renders, for every body it accepts', () => {
    let accepted = 0;
    fc.assert(
      fc.property(body, title, (markdown, runIn) => {
        const fast = renderPlainProse(markdown, runIn);
        if (fast === undefined) return;
        accepted++;
        expect(fast).toBe(full(markdown, runIn));
      }),
      { numRuns: Number(process.env.PLAIN_PROSE_RUNS ?? 4000) },
    );
    // The generator must reach the fast path often, or the property proves nothing.
    expect(accepted).toBeGreaterThan(400);
  });

  it('refuses bodies with syntax, which then render through the full pipeline', () => {
    for (const s of [
      '**加粗**',
      '一是\n- 列表',
      '1. 第一',
      '  缩进',
      '行尾两空格  \n下一行',
      '<b>x</b>',
      '见 www.gov.cn',
      'https://x.cn',
      '表|格',
      'a&amp;b',
      '标题\n===',
      '一\t二',
      '行\r\n行',
    ]) {
      expect(isPlainProse(s), s).toBe(false);
    }
    const render = createMarkdownRenderer();
    expect(render('**加粗**正文')).toBe('<p><strong>加粗</strong>正文</p>');
  });

  it('takes the sample issue and its paragraphs of Chinese prose', () => {
    const dir = join(REPO, 'issues', '2009-18');
    const bodies = readdirSync(dir)
      .filter((n) => n.endsWith('.md'))
      .map((n) => readFileSync(join(dir, n), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''));
    expect(bodies.length).toBe(4);
    for (const b of bodies) {
      expect(isPlainProse(b)).toBe(true);
      expect(renderPlainProse(b, '标题')).toBe(full(b, '标题'));
    }
  });
});
