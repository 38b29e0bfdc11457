import { describe, expect, it } from 'vitest';
import { findMissing } from '../../src/pdf/page-script.js';
import { keepTogether } from '../../src/pdf/render-print.js';

describe('findMissing (the check after pagination)', () => {
  it('finds every block in order across line and page breaks', () => {
    expect(findMissing(['一是调配干部。', '二是考核干部。'], '一是调配\n干部。二是\f考核 干部。')).toEqual([]);
  });

  it('reports a block that pagination dropped, and one that moved out of order', () => {
    expect(findMissing(['甲段。', '乙段。', '丙段。'], '甲段。丙段。')).toEqual(['乙段。']);
    expect(findMissing(['甲段。', '乙段。'], '乙段。甲段。')).toEqual(['乙段。']);
  });
});

describe('keepTogether', () => {
  it('keeps —— and …… whole and the last three characters of a paragraph on one line', () => {
    expect(keepTogether('<p>他说——好……</p>')).toBe(
      '<p>他说<span class="nobr">——</span>好<span class="nobr">……</span></p>',
    );
    expect(keepTogether('<p><strong>标题。</strong>储备了人才。</p>')).toBe(
      '<p><strong>标题。</strong>储备了<span class="nobr">人才。</span></p>',
    );
  });

  it('never touches attributes or entities', () => {
    const html = '<p><a href="https://x/——">链接</a>a &#x3C; b</p>';
    expect(keepTogether(html)).toBe('<p><a href="https://x/——">链接</a>a &#x3C; b</p>');
  });
});
