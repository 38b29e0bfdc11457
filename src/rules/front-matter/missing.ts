import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { BODY, FRONT_MATTER, SUBMISSION } from '../examples.js';
import { defineRule } from '../rule.js';

/** A submission starts with its front-matter, between `---` lines. */
export const frontMatterMissing = defineRule({
  id: 'front-matter/missing',
  kind: 'source',
  severity: 'error',
  summary: '稿件开头没有文件头（front-matter）',
  description:
    '每篇稿件以文件头开始：第一行是「---」，接着是 issue、county、theme、title 四项，再一行「---」，下面才是正文。' +
    '没有文件头，就不知道稿件属于哪一期、哪个县区、哪个主题。常见的是忘了写，或写了各项却漏了「---」分隔行。',
  fix: '在文件开头加上文件头（可照本期其他稿件抄，或用「yongzu new submission」新建稿件再粘贴正文）。',
  examples: {
    fail: [
      { files: { [SUBMISSION]: BODY }, at: `${SUBMISSION}:1:1` },
      { files: { [SUBMISSION]: `${FRONT_MATTER.replace(/---\n/g, '')}\n${BODY}` }, at: `${SUBMISSION}:1:1` },
    ],
    pass: [{ files: { [SUBMISSION]: `${FRONT_MATTER}\n${BODY}` } }],
  },
});

/** The diagnostic of a submission whose first line is not `---`. */
export function missingFrontMatter(file: string, text: string): Diagnostic {
  const hint = /^\s*(issue|county|theme|title)\s*[:：]/m.test(text.slice(0, 400))
    ? '文件开头的各项前后缺少「---」分隔行。'
    : '文件应以一行「---」开始，写上 issue、county、theme、title 四项，再以一行「---」结束。';
  return frontMatterMissing.report(file, undefined, `缺少文件头（front-matter）。${hint}`);
}
