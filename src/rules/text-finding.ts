import { defineRule, type Rule, type SourceRuleInfo } from './rule.js';

/**
 * What a rule that reads text finds, at a character index. A finding may
 * carry its safe replacement, which `check --fix` applies.
 */
export interface TextFinding {
  index: number;
  length: number;
  message: string;
  /** The text that replaces `length` characters at `index`, when the fix is safe. */
  replacement?: string;
}

/** A copy rule: reads prose (masked by the caller), reports findings at character indexes. */
export type CopyRule = Rule & SourceRuleInfo & { check(text: string): TextFinding[] };

/** Han characters and full-width Chinese punctuation. */
export const HAN = '\\p{Script=Han}';
export const CN_PUNCT = '，。、；：？！“”‘’（）《》【】〔〕…—～·';

/** A finding described from one match; its index and length default to the match's. */
export type MatchFinding = Omit<TextFinding, 'index' | 'length'> & { index?: number; length?: number };

/** The findings of one regular expression (global), each match described by `describe` (undefined: none). */
export function matchFindings(
  text: string,
  re: RegExp,
  describe: (m: RegExpMatchArray) => MatchFinding | undefined,
): TextFinding[] {
  const out: TextFinding[] = [];
  for (const m of text.matchAll(re)) {
    const d = describe(m);
    if (d)
      out.push({
        index: m.index! + (d.index ?? 0),
        length: d.length ?? m[0].length,
        message: d.message,
        ...(d.replacement !== undefined ? { replacement: d.replacement } : {}),
      });
  }
  return out;
}

/** Makes a copy rule of its catalogue entry and its check. */
export function defineCopyRule(info: SourceRuleInfo & { check(text: string): TextFinding[] }): CopyRule {
  return defineRule(info);
}
