/**
 * Markdown that remark takes quadratic time or worse on, found by one linear
 * pass before anything is rendered, so `check` reports it and no build waits
 * on it: square brackets (links, images, footnotes) opened inside each other
 * without end. `![中` × 4,000 followed by `](x)` × 4,000 (36 KB) takes 12 s;
 * `[ ` × 50,000 + `中` + ` ]` × 50,000 takes two minutes. Anything else that
 * is slow is stopped by the render sandbox's time limit
 * (src/executor/render-sandbox.ts).
 */

/** Brackets open at once past this are refused: a real write-up has one or two. */
export const MAX_OPEN_BRACKETS = 32;

/** Where a body holds such Markdown, and what to tell the editor. */
export interface MarkdownHazard {
  index: number;
  message: string;
}

/**
 * The first place where more than MAX_OPEN_BRACKETS square brackets are open
 * at once within a paragraph (escaped brackets aside; brackets in code count
 * too, which no real write-up comes near); undefined when there is none.
 */
export function findMarkdownHazard(body: string): MarkdownHazard | undefined {
  if (!body.includes('[')) return undefined;
  let open = 0;
  let blank = true;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 0x0a) {
      // A blank line ends the paragraph: brackets do not pair across it.
      if (blank) open = 0;
      blank = true;
      continue;
    }
    if (c !== 0x20 && c !== 0x09) blank = false;
    if (c === 0x5c && body.charCodeAt(i + 1) !== 0x0a) {
      i++; // an escaped character is text
    } else if (c === 0x5b) {
      if (++open > MAX_OPEN_BRACKETS) {
        return {
          index: i,
          message:
            `正文这里有超过 ${MAX_OPEN_BRACKETS} 个没有配对的「[」（链接、图片或脚注的开头），排版时会极慢，无法处理。` +
            '多为误粘贴的链接或图片标记：请删去多余的「[」「![」，或把方括号写成全角「【】」。',
        };
      }
    } else if (c === 0x5d && open > 0) {
      open--;
    }
  }
  return undefined;
}
