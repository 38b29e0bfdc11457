import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { edited, SUBMISSION, SUBMISSION_TEXT } from '../examples.js';
import { defineRule } from '../rule.js';
import { type YamlSource, valuePlace } from '../../text/yaml-places.js';

const SECOND = 'issues/2009-18/02-daoxian.md';
const second = (county: string) =>
  SUBMISSION_TEXT.replace('county: 江华县', `county: ${county}`).replace('江华县全力', `${county}全力`);

/** A county appears once per issue. */
export const countyDuplicate = defineRule({
  id: 'county/duplicate',
  kind: 'source',
  severity: 'error',
  summary: '同一期里有同一个县区的两篇稿件',
  description:
    '每个县区每期只收一篇稿件。同一期出现两篇同县区的稿件，多是同一篇交了两次，或是把别的县区的稿件写错了县区名。' +
    '报告在第二篇上，并指出第一篇是哪个文件。',
  fix: '合并两篇稿件，或删去重复的一篇；县区名写错了的，改正县区名。',
  examples: {
    fail: [{ files: { [SECOND]: second('江华县') }, at: `${SECOND}:3:9` }],
    pass: [{ files: { [SECOND]: second('道县') } }, { files: edited(SUBMISSION, 'county: 江华县', 'county: 道县') }],
  },
});

/** Each submission after the first of its county, reported at its county. */
export function checkCountyOnce(
  submissions: readonly { file: string; name: string; county: { name: string } }[],
  sources: ReadonlyMap<string, YamlSource>,
): Diagnostic[] {
  const seen = new Map<string, { name: string }>();
  const out: Diagnostic[] = [];
  for (const s of submissions) {
    const first = seen.get(s.county.name);
    if (!first) {
      seen.set(s.county.name, s);
      continue;
    }
    const source = sources.get(s.file)!;
    out.push(
      countyDuplicate.report(
        s.file,
        valuePlace(source, ['county']),
        `本期已有${s.county.name}的稿件（${first.name}）。每个县区每期只收一篇：请合并两篇，或改正县区名。`,
      ),
    );
  }
  return out;
}
