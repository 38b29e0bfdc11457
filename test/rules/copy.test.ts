import { describe, expect, it } from 'vitest';
import { bodySpan } from '../../src/check/text-span.js';
import { chineseNumeral, parseChineseNumeral } from '../../src/rules/copy/enumeration.js';
import { halfwidthPunctuation } from '../../src/rules/copy/halfwidth-punctuation.js';
import { describeFamily } from './run-examples.js';

describeFamily('copy');

describe('Chinese numerals', () => {
  it('round-trips 1 to 29', () => {
    for (let n = 1; n < 30; n++) expect(parseChineseNumeral(chineseNumeral(n))).toBe(n);
    expect(parseChineseNumeral('三')).toBe(3);
    expect(parseChineseNumeral('十二')).toBe(12);
    expect(parseChineseNumeral('一一')).toBeUndefined();
  });
});

describe('prose masking', () => {
  it('keeps code, URLs and link targets out of copy rules but keeps positions', () => {
    const span = bodySpan('见`a,b`和[链接](http://x.cn/a,b)。\n干部,会议', 10);
    const findings = halfwidthPunctuation.check(span.text);
    expect(findings).toHaveLength(1);
    expect(span.place(findings[0]!.index)).toEqual({ line: 11, column: 3 });
  });
});
