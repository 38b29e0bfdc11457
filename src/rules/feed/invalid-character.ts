import { edited, SUBMISSION } from '../examples.js';
import { defineRule } from '../rule.js';

/**
 * Text that reaches feed.xml (titles, counties, themes, the bulletin's and
 * the site's names) holding a character XML does not allow: the feed drops
 * it, and the editor is told where it is.
 */
export const feedInvalidCharacter = defineRule({
  id: 'feed/invalid-character',
  kind: 'source',
  severity: 'warning',
  summary: '标题、县区、专题或刊名里有看不见的控制字符',
  description:
    '从网页、微信或别的软件复制文字时，有时会带进看不见的控制字符（如换页符、退格符）。这些字符进不了订阅源 feed.xml' +
    '（订阅软件会因此读不了整个订阅源），生成时会把它们去掉；本规则指出它们在哪里，以便在源文件里也删去。',
  fix: '把光标放到报告的位置，删去看不见的字符后重新输入这段文字。',
  examples: {
    fail: [
      {
        files: edited(
          SUBMISSION,
          'title: 江华县全力为新型工业化提供干部保障',
          'title: "江华县全力\\x0c为新型工业化提供干部保障"',
        ),
        at: `${SUBMISSION}:5:8`,
      },
    ],
    pass: [
      {
        files: edited(
          SUBMISSION,
          'title: 江华县全力为新型工业化提供干部保障',
          'title: "江华县全力为新型工业化提供干部保障"',
        ),
      },
    ],
  },
});
