import type { LayoutFinding } from '../../model/page-counts.js';
import { SUBMISSION } from '../examples.js';
import { defineRule } from '../rule.js';

const PAGES = 'node_modules/.cache/yongzu/pages.json';
const layout = (findings: readonly LayoutFinding[]) =>
  JSON.stringify({ '2009-18': { pages: 2, at: '2026-11-27T00:00:00Z', findings } });

/** A page of the last paged layout that holds only an article's source line. */
export const sourceAlone = defineRule({
  id: 'pdf/source-alone',
  kind: 'source',
  severity: 'warning',
  summary: '排版后一页只有来源行',
  description:
    '文章末尾的来源行（如「（综合江华县、双牌县情况）」）单独占了一页：这一页白白多印，来源也和正文分开了。' +
    '「yongzu build」「yongzu pdf」和 dev 的打印预览排版时记下这样的页；「yongzu check」读上次排版记下的结果来提醒，' +
    '指向这篇文章最后一个县区稿件的末行。',
  fix: '删减这篇文章几句话，让来源行回到上一页；改完后在打印预览里核对。',
  examples: {
    fail: [
      {
        files: {
          [PAGES]: layout([{ kind: 'source-alone', page: 2, file: SUBMISSION, line: 8, excerpt: '（江华县）' }]),
        },
        at: `${SUBMISSION}:8:1`,
        note: '第 2 页只有来源行。',
      },
    ],
    pass: [{ files: { [PAGES]: layout([]) }, note: '上次排版来源行和正文在同一页。' }],
  },
});
