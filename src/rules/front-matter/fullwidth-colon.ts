import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { edited, SUBMISSION } from '../examples.js';
import { defineRule } from '../rule.js';

/** `county：江华县`: a full-width colon after a key. */
export const fullwidthColon = defineRule({
  id: 'front-matter/fullwidth-colon',
  kind: 'source',
  severity: 'error',
  summary: '键后面用了全角冒号（「county：江华县」）',
  description:
    '文件头每一行写作「键: 值」，键后面是半角冒号加一个空格。中文输入法打出的全角冒号「：」不算分隔，' +
    '整行就读不成一项。这是最常见的文件头错误，所以单独指出，而不报一般的 YAML 格式错误。',
  fix: '把键后面的「：」改为半角「:」，再加一个空格，如「county: 江华县」。',
  examples: {
    fail: [{ files: edited(SUBMISSION, 'county: 江华县', 'county：江华县'), at: `${SUBMISSION}:3:7` }],
    pass: [{ files: edited(SUBMISSION, 'county: 江华县', 'county: 江华县') }],
  },
});

/**
 * The lines of YAML text whose key is followed by a full-width colon, each
 * reported at the colon (`lineOffset`: lines of the file before the text).
 */
export function fullwidthColons(
  text: string,
  file: string,
  lineOffset: number,
): { lines: Set<number>; diagnostics: Diagnostic[] } {
  const lines = new Set<number>();
  const diagnostics: Diagnostic[] = [];
  text.split('\n').forEach((line, i) => {
    const m = /^(\s*-?\s*)([A-Za-z_][\w-]*)(\s*)([：﹕︰])/.exec(line);
    if (!m) return;
    lines.add(i + 1);
    const column = m[1]!.length + m[2]!.length + m[3]!.length + 1;
    diagnostics.push(
      fullwidthColon.report(
        file,
        { line: i + 1 + lineOffset, column },
        `「${m[2]}」后面用了全角冒号「${m[4]}」；应为半角冒号加空格，如「${m[2]}: 值」。`,
      ),
    );
  });
  return { lines, diagnostics };
}
