import { bodySpan, rawValueStart } from '../check/text-span.js';
import { lineOf, lineStarts } from '../text/line-index.js';
import type { LoadedSubmission } from '../load/load-project.js';
import { COPY_RULES } from '../rules/copy-rules.js';

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
    const start = rawValueStart(sub.text, sub.front, key);
    if (start === undefined) continue; // escapes or folded lines: left to the editor
    const value = sub.front!.data![key] as string;
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
  // Places come from one index of the lines: linear in the text however many fixes a line holds.
  const starts = lineStarts(text);
  const parts: string[] = [];
  let at = 0;
  for (const f of fixes) {
    parts.push(text.slice(at, f.index), f.replacement);
    at = f.index + f.length;
    const line = lineOf(starts, f.index);
    const lineStart = starts[line]!;
    const end = f.index + f.length;
    const endLine = lineOf(starts, end);
    const lineEnd = endLine + 1 < starts.length ? starts[endLine + 1]! - 1 : text.length;
    const from = Math.max(lineStart, f.index - 6);
    const to = Math.min(lineEnd, end + 6);
    changes.push({
      rule: f.rule,
      line: line + 1,
      column: f.index - lineStart + 1,
      before: text.slice(from, to),
      after: text.slice(from, f.index) + f.replacement + text.slice(f.index + f.length, to),
    });
  }
  parts.push(text.slice(at));
  return { text: parts.join(''), changes };
}
