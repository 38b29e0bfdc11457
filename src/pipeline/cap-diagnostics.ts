import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** How many diagnostics of one rule in one file are listed; the rest are counted in one line. */
export const MAX_PER_FILE_AND_RULE = 50;

/**
 * Keeps the first `limit` diagnostics of each rule in each file, in list
 * order, and adds one line for the rest (「还有 N 处同类问题」), placed where
 * the first left out was. A hostile body can make hundreds of thousands of
 * identical warnings; listing them helps nobody and costs check, build and
 * dev time and memory at every step after (memo, output, overlay).
 */
export function capDiagnostics(list: readonly Diagnostic[], limit = MAX_PER_FILE_AND_RULE): Diagnostic[] {
  if (list.length <= limit) return [...list];
  // By file, then by rule: no key string made per diagnostic (a folder of a big archive has thousands).
  const seen = new Map<string, Map<string, { count: number; first?: Diagnostic }>>();
  const kept: Diagnostic[] = [];
  for (const d of list) {
    let rules = seen.get(d.file);
    if (!rules) seen.set(d.file, (rules = new Map()));
    let entry = rules.get(d.rule);
    if (!entry) rules.set(d.rule, (entry = { count: 0 }));
    if (++entry.count <= limit) kept.push(d);
    else entry.first ??= d;
  }
  if (kept.length === list.length) return kept;
  for (const rules of seen.values()) {
    for (const { count, first } of rules.values()) {
      if (!first) continue;
      kept.push({
        ...first,
        message:
          `还有 ${count - limit} 处同类问题（${first.rule}）未逐一列出：上面列出了前 ${limit} 处。` +
          '改正后再运行「yongzu check」查看其余的。',
      });
    }
  }
  return kept;
}
