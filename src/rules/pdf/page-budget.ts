import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { ISSUE_YML } from '../examples.js';
import { defineRule } from '../rule.js';

const PAGES = 'node_modules/.cache/yongzu/pages.json';
const SIX_PAGES = JSON.stringify({ '2009-18': { pages: 6, at: '2026-11-27T00:00:00Z' } });

/** An issue whose printed PDF runs over the configured page count. */
export const pageBudget = defineRule({
  id: 'pdf/page-budget',
  kind: 'source',
  severity: 'warning',
  summary: '这一期印出来超过页数预算',
  description:
    '每期简报印出来应在 yongzu.config.yml 的 pageBudget 页（默认 4 页）以内。「yongzu build」和「yongzu pdf」' +
    '印出 PDF 后对照页数，超出时说明超了几页，并记下页数；「yongzu check」不排版，它读上次记下的页数来提醒。',
  fix: '压缩稿件（删减篇幅或少收一篇），或调整 yongzu.config.yml 的 pageBudget；改完后重新生成 PDF 核对页数。',
  examples: {
    fail: [
      {
        files: { [PAGES]: SIX_PAGES },
        at: `${ISSUE_YML}:1:1`,
        note: 'pages.json 是上次 build 或 pdf 记下的各期页数（yongzu 自己写的文件）：这一期印出来 6 页。',
      },
    ],
    pass: [
      { files: { [PAGES]: SIX_PAGES, 'yongzu.config.yml': 'pageBudget: 6\n' }, note: '页数预算改为 6 页。' },
      { files: {}, note: '还没有生成过 PDF：check 无从得知页数，不提醒。' },
    ],
  },
});

/**
 * Issues whose last printed PDF ran over the budget, as `check` sees it: it
 * does not print, it reads the page counts the last build or `yongzu pdf`
 * recorded (folder → pages).
 */
export function checkPageBudget(
  issues: readonly { folder: string; file: string }[],
  budget: number,
  counts: Readonly<Record<string, { pages: number; at: string }>>,
): Diagnostic[] {
  return issues.flatMap((issue) => {
    const last = counts[issue.folder];
    if (!last || last.pages <= budget) return [];
    return [
      pageBudget.report(
        issue.file,
        { line: 1, column: 1 },
        `上次生成的 PDF（${last.at.slice(0, 10)}）共 ${last.pages} 页，超出页数预算（${budget} 页）` +
          `${last.pages - budget} 页。请压缩稿件，或调整 yongzu.config.yml 的 pageBudget；改完后重新生成 PDF 核对。`,
      ),
    ];
  });
}
