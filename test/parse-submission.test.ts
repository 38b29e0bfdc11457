import fc from 'fast-check';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { parseSubmission } from '../src/load/parse-submission.js';

const noYaml = { engines: { yaml: { parse: () => ({}) } } } as never;

/** Files made of fence-like lines, front-matter lines and body text. */
const fileText = fc
  .array(fc.constantFrom('---', '--- ', '---\t', '----', '---x', '--', 'issue: 18', 'title: 标题', '', ' ', '正文一段。', '\r', '---yaml', '# 注释'), { minLength: 1, maxLength: 10 })
  .chain((lines) => fc.boolean().map((fenced) => `${fenced ? '---\n' : ''}${lines.join('\n')}`));

describe('splitting a submission', () => {
  it('splits where gray-matter splits the whole file, though it is given only the head', () => {
    let split = 0;
    fc.assert(
      fc.property(fileText, (text) => {
        const { value, diagnostics } = parseSubmission(text, 'a.md');
        if (!value.front) return; // no front-matter: reported, gray-matter not asked
        split++;
        expect(diagnostics.filter((d) => d.rule === 'front-matter/missing' || d.rule === 'front-matter/unclosed')).toEqual([]);
        const whole = matter(text, noYaml) as unknown as { content: string; matter: string };
        expect(value.body, JSON.stringify(text)).toBe(whole.content);
        expect(value.bodyLine).toBe(text.slice(0, text.length - whole.content.length).split('\n').length);
      }),
      { numRuns: 5000 },
    );
    expect(split).toBeGreaterThan(1500);
  });
});
