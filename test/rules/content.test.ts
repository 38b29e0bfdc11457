import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findLiteralDelimiters,
  MAX_PARSED_LENGTH,
  MAX_PARSED_MARKS,
  parseIsBounded,
  surelyAllBold,
} from '../../src/rules/content/literal-delimiter.js';
import { checkIssue } from '../../src/check/check-project.js';
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
        if (surelyAllBold(text)) expect(findLiteralDelimiters(text, parse(text))).toEqual([]);
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

describe('content/literal-delimiter on bodies too slow to parse', () => {
  it('parses bodies of write-up size, not bodies past the length or the count of marks', () => {
    expect(parseIsBounded('**四是强化保障。**县里每年安排经费20万元。'.repeat(100))).toBe(true);
    expect(parseIsBounded('中'.repeat(MAX_PARSED_LENGTH + 1))).toBe(false);
    expect(parseIsBounded(`${'*_'.repeat(MAX_PARSED_MARKS / 2)}*`)).toBe(false);
    expect(parseIsBounded(`${'![中'.repeat(MAX_PARSED_MARKS)}*`)).toBe(false);
  });

  it('leaves such a body unparsed: check needs no parser for it', () => {
    const body = '中*_'.repeat(150_000);
    const sub = { file: 'issues/2009-18/01-a.md', text: body, body, bodyLine: 1, front: undefined } as never;
    // Without a parser, checkIssue throws for a body it would parse.
    expect(() =>
      checkIssue({ folder: '2009-18', submissions: [sub] } as never, {} as never, { bodyCopy: false }),
    ).not.toThrow();
  });
});
