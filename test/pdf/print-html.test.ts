import { describe, expect, it } from 'vitest';
import { countRgbOperators, parseHexColour, rewriteColours, toCmyk } from '../../src/pdf/pdf-colour.js';
import {
  breakLongRuns,
  headlineHtml,
  headlineText,
  markNumberCells,
  printFootnotes,
} from '../../src/pdf/print-html.js';
import { DEFAULT_CONFIG } from '../../src/config/defaults.js';
import { footnoteIds } from '../../src/render/footnote-ids.js';
import { keepWordsHtml, knownWords } from '../../src/render/keep-words.js';
import { createMarkdownRenderer, loadMarkdownPipeline } from '../../src/render/markdown.js';

describe('the section HTML as print has it', () => {
  it('turns footnotes into 注, without the hidden heading or the back-links, ids kept as the render gave them', async () => {
    await loadMarkdownPipeline();
    const render = createMarkdownRenderer();
    // As src/render gives the print a section: rendered, its footnote ids made unique in the issue.
    const footnoted = footnoteIds(render('见表[^1]，又见[^1]。\n\n[^1]: 数据由各乡镇上报。'), 'jianghua');
    expect(footnoted).toContain('>注释</h2>');
    expect(footnoted).toContain('>返回</a>');
    const html = printFootnotes(footnoted);
    expect(html).toContain('<section data-footnotes class="footnotes"><p class="notes-label">注：</p>');
    expect(html).not.toMatch(/注释|返回|data-footnote-backref|aria-describedby/);
    expect(html).toContain(
      '<a href="#user-content-jianghua_fn-1" id="user-content-jianghua_fnref-1" data-footnote-ref>',
    );
    expect(html).toContain(
      '<a href="#user-content-jianghua_fn-1" id="user-content-jianghua_fnref-1-2" data-footnote-ref>',
    );
    expect(html).toContain('<li id="user-content-jianghua_fn-1">\n<p>数据由各乡镇上报。</p>');
  });

  it('sets number cells right-aligned, leaves text cells alone', () => {
    expect(markNumberCells('<td>1234</td><td>12.5%</td><td align="right">3,000</td><td>江华县</td>')).toBe(
      '<td class="num">1234</td><td class="num">12.5%</td><td class="num">3,000</td><td>江华县</td>',
    );
  });

  it('lets long Latin runs break anywhere, and never touches attributes', () => {
    expect(breakLongRuns('<a href="https://example.org/a/b">https://example.org/a/b</a>，短词abc')).toBe(
      '<a href="https://example.org/a/b"><span class="brk">https://example.org/a/b</span></a>，短词abc',
    );
  });
});

describe('headlines', () => {
  it('keeps each word of two or more characters together, and breaks where the editor put |', () => {
    expect(headlineHtml('创新组织工作')).toBe(
      '<span class="word">创新</span><span class="word">组织</span><span class="word">工作</span>',
    );
    expect(headlineHtml('组织｜创新 | 发展')).toBe(
      '<span class="word">组织</span><br><span class="word">创新</span><br><span class="word">发展</span>',
    );
    expect(headlineText('组织｜创新 | 发展')).toBe('组织创新发展');
    expect(headlineHtml('<b>')).toBe('&lt;b&gt;');
  });

  it("cuts words as the site's headlines do: 工业化 whole, a county's name whole", () => {
    expect(headlineHtml('服务新型工业化')).toContain('<span class="word">新型</span><span class="word">工业化</span>');
    const theme = '江华瑶族自治县｜“三严三实”专题教育';
    const known = knownWords(DEFAULT_CONFIG);
    expect(headlineHtml(theme, known)).toMatch(/^<span class="word">江华瑶族自治县<\/span><br>/);
    expect(headlineHtml(theme, known)).toBe(
      ['江华瑶族自治县', '“三严三实”专题教育'].map((part) => keepWordsHtml(part, known, 'word')).join('<br>'),
    );
  });
});

describe('colour operators from RGB to CMYK', () => {
  const map = { redRgb: parseHexColour('#e60012'), redCmyk: [0, 1, 1, 0] as const };

  it('makes black and grays K only, and the screen red the configured CMYK red', () => {
    expect(toCmyk([0, 0, 0], map)).toEqual([0, 0, 0, 1]);
    expect(toCmyk([0.5, 0.5, 0.5], map)).toEqual([0, 0, 0, 0.5]);
    expect(toCmyk([0.902, 0, 0.0706], map)).toEqual([0, 1, 1, 0]);
  });

  it('rewrites every rg/RG/g/G operator of a content stream and nothing else', () => {
    const stream = '0 0 0 RG 0 0 0 rg\nBT\n<0072> Tj\nET\n.902 0 .0706 RG .902 0 .0706 rg\n106 377 589 3 re\nf\n1 g\n';
    const { text, count } = rewriteColours(stream, map);
    expect(count).toBe(5);
    expect(text).toBe('0 0 0 1 K 0 0 0 1 k\nBT\n<0072> Tj\nET\n0 1 1 0 K 0 1 1 0 k\n106 377 589 3 re\nf\n0 0 0 0 k\n');
    expect(countRgbOperators(text)).toBe(0);
  });
});
