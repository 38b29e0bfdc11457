import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keepWordsHtml, wordRuns } from '../src/render/keep-words.js';

const kept = (text: string, known?: string[]) =>
  wordRuns(text, known)
    .filter((r) => r.keep)
    .map((r) => r.text);

describe('headline words kept on one line', () => {
  it('keeps the words of a headline whole, 工业化 included, and known names', () => {
    expect(kept('各县区创新组织工作服务新型工业化发展')).toEqual(
      expect.arrayContaining(['新型', '工业化', '发展', '创新', '组织']),
    );
    expect(kept('双牌县大力推进人才强县战略', ['双牌县'])).toContain('双牌县');
    expect(kept('江华瑶族自治县“三严三实”专题教育', ['江华瑶族自治县'])).toContain('江华瑶族自治县');
    expect(kept('江华瑶族自治县“三严三实”专题教育')).not.toContain('江华瑶族自治县');
  });

  it('never loses, adds or reorders a character', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.array(fc.string({ maxLength: 4 })),
        (text, known) => {
          expect(
            wordRuns(text, known)
              .map((r) => r.text)
              .join(''),
          ).toBe(text);
        },
      ),
    );
  });

  it('escapes everything it writes', () => {
    expect(keepWordsHtml('人才<br>&"\'')).toBe(
      '<span class="kw">人才</span>&lt;<span class="kw">br</span>&gt;&amp;&quot;&#39;',
    );
    expect(keepWordsHtml('新型工业化', [], 'nb')).toBe('<span class="nb">新型</span><span class="nb">工业化</span>');
  });
});
