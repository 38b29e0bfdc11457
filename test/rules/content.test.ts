import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findLiteralDelimiters, surelyAllBold } from '../../src/rules/content/literal-delimiter.js';
import { createMarkdownParser } from '../../src/text/markdown-syntax.js';
import { describeFamily } from './run-examples.js';

describeFamily('content');

describe('content/literal-delimiter without the parser', () => {
  const parse = createMarkdownParser();
  // Pieces of text (split at spaces), and spaces, breaks and the starts of Markdown blocks.
  const piece = fc.constantFrom(
    ...'** ** ** * 一是 强化 。 ， “ ” （ ） 、 Word a 2009 ( ) . , " % +'.split(' '),
    ...[' ', '\u3000', '\n', '\n\n', '# ', '- ', '1. ', '> ', '| '],
  );
  const word = fc.constantFrom(...'一是 强化 。 ， “ ” （ ） Word a 2009 ( ) . "'.split(' '), ' ');
  const bold = fc.array(word, { minLength: 1, maxLength: 4 }).map((parts) => `**${parts.join('')}**`);
  const body = fc
    .array(fc.oneof({ weight: 5, arbitrary: piece }, { weight: 2, arbitrary: bold }), { maxLength: 24 })
    .map((parts) => parts.join(''));

  it('passes only bodies the parser finds no literal mark in', () => {
    fc.assert(
      fc.property(body, (text) => {
        if (surelyAllBold(text)) expect(findLiteralDelimiters(text, parse)).toEqual([]);
      }),
      { numRuns: 20_000 },
    );
  });

  it('passes the bold lead-ins of county write-ups, so that they are not parsed', () => {
    for (const text of [
      '**四是强化保障。**县里每年安排经费20万元。',
      '一是**“三严三实”**专题教育。\n\n**二是强化培训。**举办培训班3期，**共35名**党员参加。',
      '| **项目** | 人数 |\n| --- | --- |\n| 轮训 | 120 |',
      '# **一、强化组织保障**',
    ])
      expect(surelyAllBold(text), text).toBe(true);
    for (const text of ['**四是强化保障。县里', '县里安排** 专项经费 **用于', 'Word**“加粗”**B', '**a****b**', '*注：'])
      expect(surelyAllBold(text), text).toBe(false);
  });
});
