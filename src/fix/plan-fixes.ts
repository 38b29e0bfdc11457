import { isScalar, type Node } from 'yaml';
import { bodySpan } from '../check/text-span.js';
import type { LoadedSubmission } from '../load/load-project.js';
import { COPY_RULES } from '../rules/copy-rules.js';
import { findPair } from '../text/yaml-places.js';

/** One safe copy fix, in coordinates of the file's (decoded, LF) text. */
export interface Fix {
  rule: string;
  /** Offset in the text. */
  index: number;
  length: number;
  replacement: string;
}

/** A change as printed for the editor: where, and the text before and after. */
export interface FixedChange {
  rule: string;
  line: number;
  column: number;
  before: string;
  after: string;
}

/** Front-matter values whose prose is fixed; keys, numbers, county and theme are never touched. */
const TEXT_KEYS = ['title'];

/**
 * The safe fixes of a submission's body and front-matter text values: every
 * copy finding that carries a replacement, without overlaps.
 */
export function planFixes(sub: Pick<LoadedSubmission, 'text' | 'body' | 'bodyLine' | 'front'>): Fix[] {
  const fixes: Fix[] = [];
  const bodyStart = sub.text.length - sub.body.length;
  const span = bodySpan(sub.body, sub.bodyLine);
  for (const rule of COPY_RULES) {
    for (const f of rule.check(span.text)) {
      if (f.replacement !== undefined)
        fixes.push({ rule: rule.id, index: bodyStart + f.index, length: f.length, replacement: f.replacement });
    }
  }
  for (const key of TEXT_KEYS) {
    const value = sub.front?.data?.[key];
    const node = findPair(sub.front!, key)?.value as Node | undefined;
    if (typeof value !== 'string' || !isScalar(node) || !node.range) continue;
    // The YAML text starts after the opening fence `---` (3 characters).
    const start = 3 + node.range[0] + (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? 1 : 0);
    if (sub.text.slice(start, start + value.length) !== value) continue; // escapes: leave it to the editor
    for (const rule of COPY_RULES) {
      for (const f of rule.check(value)) {
        if (f.replacement !== undefined)
          fixes.push({ rule: rule.id, index: start + f.index, length: f.length, replacement: f.replacement });
      }
    }
  }
  fixes.sort((a, b) => a.index - b.index || a.length - b.length);
  const out: Fix[] = [];
  let end = -1;
  for (const f of fixes) {
    if (f.index < end) continue; // overlapping: the next pass takes it
    out.push(f);
    end = f.index + Math.max(f.length, 1);
  }
  return out;
}

/** Applies fixes (from planFixes) to the text; returns the new text and the printed changes. */
export function applyFixes(text: string, fixes: readonly Fix[]): { text: string; changes: FixedChange[] } {
  const changes: FixedChange[] = [];
  let out = '';
  let at = 0;
  for (const f of fixes) {
    out += text.slice(at, f.index) + f.replacement;
    at = f.index + f.length;
    const { line, column } = placeOf(text, f.index);
    const from = Math.max(text.lastIndexOf('\n', f.index - 1) + 1, f.index - 6);
    const to = Math.min(indexOrEnd(text, '\n', f.index + f.length), f.index + f.length + 6);
    changes.push({
      rule: f.rule,
      line,
      column,
      before: text.slice(from, to),
      after: text.slice(from, f.index) + f.replacement + text.slice(f.index + f.length, to),
    });
  }
  return { text: out + text.slice(at), changes };
}

function indexOrEnd(text: string, s: string, from: number): number {
  const i = text.indexOf(s, from);
  return i === -1 ? text.length : i;
}

function placeOf(text: string, index: number) {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - before.lastIndexOf('\n') };
}
