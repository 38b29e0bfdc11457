import fc from 'fast-check';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { parseSubmission } from '../src/load/parse-submission.js';

const noYaml = { engines: { yaml: { parse: () => ({}) } } } as never;

/** Files made of fence-like lines, front-matter lines and body text. */
const fileText = fc
  .array(
    fc.constantFrom(
      '---',
      '--- ',
      '---\t',
      '----',
      '---x',
      '--',
      'issue: 18',
      'title: 标题',
      '',
      ' ',
      '正文一段。',
      '\r',
      '---yaml',
      '# 注释',
    ),
    { minLength: 1, maxLength: 10 },
  )
  .chain((lines) => fc.boolean().map((fenced) => `${fenced ? '---\n' : ''}${lines.join('\n')}`));

/** Files of the plain shape: bare fences, no other line starting with ---. */
const plainLine = fc.constantFrom(
  'issue: 18',
  'title: 标题',
  '',
  ' ',
  '正文一段。',
  '\r',
  '# 注释',
  '-- 破折',
  'a---b',
);
const plainText = fc
  .tuple(fc.array(plainLine, { maxLength: 6 }), fc.array(plainLine, { maxLength: 6 }), fc.boolean())
  .map(
    ([head, body, lineEnd]) =>
      `---\n${head.map((l) => `${l}\n`).join('')}---${lineEnd || body.length > 0 ? '\n' : ''}${body.join('\n')}`,
  );

describe('splitting a submission', () => {
  it('splits where gray-matter splits the whole file, though it is given only the head or not asked at all', () => {
    let split = 0;
    // Files of the plain shape, which parseSubmission cuts without gray-matter.
    let plain = 0;
    fc.assert(
      fc.property(fc.oneof(fileText, plainText), (text) => {
        const { value, diagnostics } = parseSubmission(text, 'a.md');
        if (!value.front) return; // no front-matter: reported, gray-matter not asked
        split++;
        if (text.startsWith('---\n') && !/\n---[^\n]/.test(text)) plain++;
        expect(
          diagnostics.filter((d) => d.rule === 'front-matter/missing' || d.rule === 'front-matter/unclosed'),
        ).toEqual([]);
        const whole = matter(text, noYaml) as unknown as { content: string; matter: string };
        expect(value.body, JSON.stringify(text)).toBe(whole.content);
        expect(value.front.text).toBe(whole.matter);
        expect(value.bodyLine).toBe(text.slice(0, text.length - whole.content.length).split('\n').length);
      }),
      { numRuns: 5000 },
    );
    expect(split).toBeGreaterThan(3000);
    expect(plain).toBeGreaterThan(1500);
  });
});
