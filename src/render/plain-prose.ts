import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { joinCjkLines } from '../util/cjk.js';

/*
 * County write-ups are nearly always plain prose: paragraphs of Chinese text
 * with no Markdown or HTML syntax at all. For such a body the whole remark →
 * rehype → sanitize pipeline builds one <p> per paragraph holding the lines as
 * they are (joined where a break falls between two Chinese characters), so it
 * is built here directly (see renderPlainProse). Any body with a character or
 * a line start that could mean syntax goes through the full pipeline instead; a property
 * test (test/plain-prose.test.ts) holds the two to byte-identical output.
 *
 * What makes a body plain prose, conservatively:
 * - no ASCII character that Markdown, GFM or HTML give a meaning to:
 *   \ ` * _ [ ] < > & ! # | ~ = @ { } ^ $ and no control character but the
 *   line feed (so no tab, no carriage return, no NUL);
 * - no line that starts or ends with a space (indented code, hard breaks,
 *   blank-looking lines), starts with - or + (lists, rules, setext
 *   underlines), or starts with digits and . or ) (ordered lists);
 * - no GFM autolink literal: no "www." and no "://".
 */
const SYNTAX = /[\\`*_[\]<>&!#|~=@{}^$\u0000-\u0009\u000b-\u001f\u007f]|www\.|:\/\/|^[-+ ]|^\d+[.)]| $/imu;

/** Whether `markdown` is plain prose that renderPlainProse may render. */
export function isPlainProse(markdown: string): boolean {
  return !SYNTAX.test(markdown);
}

/**
 * Renders a plain-prose body (see isPlainProse) exactly as the Markdown
 * pipeline does, run-in title included; undefined when the body is not plain.
 * The paragraphs need no escaping (plain prose has no & < >), so they are
 * joined as strings; the title, which may hold anything, is serialized by
 * hast-util-to-html as the pipeline serializes it.
 */
export function renderPlainProse(markdown: string, runInTitle?: string): string | undefined {
  if (!isPlainProse(markdown)) return undefined;
  const paragraphs = markdown
    .split(/\n{2,}/)
    .map((p) => joinCjkLines(p.replace(/^\n+|\n+$/g, '')))
    .filter((p) => p !== '');
  if (runInTitle) {
    const strong: Element = {
      type: 'element',
      tagName: 'strong',
      properties: {},
      children: [{ type: 'text', value: `${runInTitle}。` }],
    };
    paragraphs[0] = toHtml(strong) + (paragraphs[0] ?? '');
  }
  return paragraphs.map((p) => `<p>${p}</p>`).join('\n');
}
