import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { BODY, FRONT_MATTER, SUBMISSION } from '../examples.js';
import { defineRule } from '../rule.js';

/** The front-matter ends with a second `---` line. */
export const frontMatterUnclosed = defineRule({
  id: 'front-matter/unclosed',
  kind: 'source',
  severity: 'error',
  summary: '文件头没有结束的「---」',
  description:
    '文件头以一行「---」开始，也要以一行「---」结束，下面才是正文。少了结束的一行，就分不清哪里是文件头、哪里是正文。',
  fix: '在 title 那一行下面另起一行，写上「---」。',
  examples: {
    fail: [{ files: { [SUBMISSION]: `${FRONT_MATTER.replace(/---\n$/, '')}\n${BODY}` }, at: `${SUBMISSION}:1:1` }],
    pass: [{ files: { [SUBMISSION]: `${FRONT_MATTER}\n${BODY}` } }],
  },
});

export function unclosedFrontMatter(file: string): Diagnostic {
  return frontMatterUnclosed.report(
    file,
    undefined,
    '文件头没有结束：第 1 行的「---」之后，要在 title 下面另起一行写「---」，再写正文。',
  );
}
