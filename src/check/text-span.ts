import type { Place } from '../diagnostics/diagnostic.js';
import { lineOf, lineStarts } from '../text/line-index.js';
import { isScalar, type Node } from 'yaml';
import { findPair, placeInValue, type YamlSource } from '../text/yaml-places.js';

/**
 * A stretch of prose that copy rules read: Markdown syntax that is not prose
 * (code, URLs, link targets, HTML tags) is blanked out with MASK characters of the
 * same length, so every index still maps to its line and column in the file.
 */
export interface TextSpan {
  text: string;
  place(index: number): Place;
}

/** Stands in for blanked-out syntax: not a space, so spacing rules do not see it. */
export const MASK = '\u0001';

/**
 * Syntax that is not prose, each with what it cannot do without (most bodies have none of it): the replace is skipped
 * then.
 */
const NON_PROSE: [string[], RegExp][] = [
  [['```', '~~~'], /^(?=(`{3,}|~{3,}))\1[^\n]*\n[\s\S]*?(?:\n\1[^\n]*|$)/gm], // fenced code (fence taken atomically)
  [['`'], /`+[^`\n]*`+/g], // inline code
  [[']('], /\]\((?:[^()\n]|\([^()\n]*\))*\)/g], // link destination (one level of parentheses: linear)
  [['<'], /<[A-Za-z!/][^<>\n]*>/g], // HTML tags and autolinks
  [[':'], /\b(?:https?|ftp|mailto):[^\s\u3000-\u303f\uff00-\uffef]+/g], // bare URLs
  [[''], /^[^\S\n]*(?:[-*+]|\d+[.)])\s/gm], // list markers (no \s* across lines: quadratic on blank lines)
  [['#'], /^ {0,3}#{1,6}\s/gm], // heading markers
  [['>'], /^ {0,3}>\s?/gm], // block quote markers
  [['|'], /^[^\S\n]*\|?(?:[^\S\n]*:?-+:?[^\S\n]*\|)+[^\S\n]*:?-*:?[^\S\n]*$/gm], // table delimiter rows
];

/** The prose of a Markdown body that starts at `bodyLine` of its file. */
export function bodySpan(body: string, bodyLine: number): TextSpan {
  let text = body;
  for (const [needs, re] of NON_PROSE)
    if (needs.some((n) => text.includes(n)))
      text = text.replace(re, (m) => m.replace(/[^\n]+/g, (run) => MASK.repeat(run.length)));
  const starts = lineStarts(body);
  return {
    text,
    place(index) {
      const line = lineOf(starts, index);
      return { line: bodyLine + line, column: index - starts[line]! + 1 };
    },
  };
}

/** The text of a string value of a YAML mapping, placed in its file. */
export function valueSpan(source: YamlSource, key: string): TextSpan | undefined {
  const value = source.data?.[key];
  if (typeof value !== 'string') return undefined;
  return { text: value, place: (index) => placeInValue(source, key, index) };
}

/**
 * Where a string value of the front-matter starts in its file's text, when it
 * is written there as it is read (no escapes, not folded over lines): the
 * values check --fix may rewrite in place. Undefined otherwise.
 */
export function rawValueStart(text: string, front: YamlSource | undefined, key: string): number | undefined {
  const value = front?.data?.[key];
  const node = front ? (findPair(front, key)?.value as Node | undefined) : undefined;
  if (typeof value !== 'string' || !isScalar(node) || !node.range) return undefined;
  // The YAML text starts after the opening fence `---` (3 characters).
  const start = 3 + node.range[0] + (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? 1 : 0);
  return text.slice(start, start + value.length) === value ? start : undefined;
}
