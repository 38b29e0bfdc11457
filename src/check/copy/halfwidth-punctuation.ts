import { CN_PUNCT, type CopyFinding, type CopyRule } from './copy-rule.js';

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '!': '！', '?': '？', '(': '（', ')': '）', '.': '。' };
const isHan = (c: string | undefined) => c !== undefined && /\p{Script=Han}/u.test(c);
const isCn = (c: string | undefined) => isHan(c) || (c !== undefined && CN_PUNCT.includes(c));
const isEnd = (c: string | undefined) => c === undefined || c === '\n';

/**
 * Half-width punctuation in Chinese text: `干部,会议` → `干部，会议`,
 * `"三严三实"` → `“三严三实”`. Numbers such as 1,000 and 10:30 are left alone.
 *
 * ok: 加强和充实了全县3个工业园区的领导力量，江华经开区升格为副处级
 * not ok: 加强和充实了全县3个工业园区的领导力量,江华经开区升格为副处级
 */
export const halfwidthPunctuation: CopyRule = {
  id: 'copy/halfwidth-punctuation',
  check(text) {
    const out: CopyFinding[] = [];
    let quoteOpen = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      const prev = text[i - 1];
      const next = text[i + 1];
      if (c === '\n') quoteOpen = false;
      if (c === '"') {
        if (isCn(prev) || isCn(next)) {
          const replacement = quoteOpen ? '”' : '“';
          out.push({ index: i, length: 1, replacement, message: `中文里用了半角引号「"」，应为全角「${replacement}」。` });
        }
        quoteOpen = !quoteOpen;
        continue;
      }
      const full = FULL[c];
      if (!full) continue;
      let hit: boolean;
      if (c === '.') hit = isHan(prev) && (isEnd(next) || isHan(next) || next === ' ');
      else if (c === '(') hit = isHan(prev) || isHan(next);
      else if (c === ')') hit = isHan(prev) || isHan(next);
      else hit = isCn(prev) || (isHan(next) && !/[0-9A-Za-z]/.test(prev ?? '')) || (isHan(next) && c === ',') ;
      if (hit) out.push({ index: i, length: 1, replacement: full, message: `中文里用了半角标点「${c}」，应为全角「${full}」。` });
    }
    return out;
  },
};
