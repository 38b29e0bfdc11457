import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { LayoutFinding, PageCounts } from '../../model/page-counts.js';
import { SUBMISSION } from '../examples.js';
import { defineRule } from '../rule.js';
import { sourceAlone } from './source-alone.js';

const PAGES = 'node_modules/.cache/yongzu/pages.json';

const layoutRecord = (findings: readonly LayoutFinding[]) =>
  JSON.stringify({ '2009-18': { pages: 2, at: '2026-11-27T00:00:00Z', findings } });
const LAST_LINE = layoutRecord([
  { kind: 'last-line', page: 2, file: SUBMISSION, line: 8, excerpt: '一是根据需要调配干部。' },
]);

/** A paragraph with a single line on a page of the last paged layout. */
export const loneLine = defineRule({
  id: 'pdf/lone-line',
  kind: 'source',
  severity: 'warning',
  summary: '排版后一段只有一行落在另一页',
  description:
    '印刷版排好页后，一段的第一行单独留在页尾，或最后一行单独转到下一页页首，读起来断断续续，公文排版应避免。' +
    '「yongzu build」「yongzu pdf」和 dev 的打印预览排版时记下这样的段落；「yongzu check」不排版，它读上次排版记下的结果来提醒，' +
    '并指出段落所在的文件和行。稿件在那次排版之后改过时，提醒里会说明结果可能已过时。',
  fix: '删减或增补这一段（或上文）几个字，让这一段整段留在一页，或每页至少两行；改完后在打印预览里核对。',
  examples: {
    fail: [
      {
        files: { [PAGES]: LAST_LINE },
        at: `${SUBMISSION}:8:1`,
        note: 'pages.json 是上次排版记下的结果（yongzu 自己写的文件）：第 2 页页首只有这一段的最后一行。',
      },
    ],
    pass: [
      { files: { [PAGES]: layoutRecord([]) }, note: '上次排版没有孤行。' },
      { files: {}, note: '还没有排过版：check 无从得知，不提醒。' },
    ],
  },
});

const cut = (s: string) => (s.length > 16 ? `${s.slice(0, 16)}……` : s);

/** The message of one finding, without where it comes from. */
function describe(f: LayoutFinding): string {
  switch (f.kind) {
    case 'first-line':
      return `第 ${f.page} 页页尾只有一段的第一行（「${cut(f.excerpt)}」），这一段其余的字转到了下一页。`;
    case 'last-line':
      return `第 ${f.page} 页页首只有上一页那段的最后一行（「${cut(f.excerpt)}」开头的一段）。`;
    case 'source-alone':
      return `第 ${f.page} 页只有来源行「${cut(f.excerpt)}」。`;
  }
}

const HINT: Record<LayoutFinding['kind'], string> = {
  'first-line': '请删减上文或这一段几个字，让这一段整段移到下一页，或在本页多留一行。',
  'last-line': '请删减这一段几个字让它收回上一页，或增补几句让下一页多于一行。',
  'source-alone': '请删减这篇文章几句话，让来源行回到上一页。',
};

/**
 * Diagnostics of layout findings. `from` says which layout (`上次排版（2026-11-27）`);
 * `stale` adds that the sources changed since.
 */
export function layoutDiagnostics(findings: readonly LayoutFinding[], from: string, stale = false): Diagnostic[] {
  return findings.map((f) =>
    (f.kind === 'source-alone' ? sourceAlone : loneLine).report(
      f.file,
      { line: f.line, column: 1 },
      `${from}${describe(f)}${HINT[f.kind]}` +
        (stale ? '（这一期的稿件在那次排版之后改过，结果可能已过时：请重新打开打印预览或生成 PDF 核对。）' : ''),
    ),
  );
}

/**
 * The layout findings of the issues' last paged layout, as `check` sees
 * them: read from the record (pages.json). `currentSig` gives an issue
 * folder's signature now, to tell a stale record.
 */
export function checkLayoutFindings(
  issues: readonly { folder: string }[],
  counts: Readonly<PageCounts>,
  currentSig: (folder: string) => string | undefined,
): Diagnostic[] {
  return issues.flatMap(({ folder }) => {
    const last = counts[folder];
    if (!last?.findings?.length) return [];
    const now = last.sig === undefined ? undefined : currentSig(folder);
    return layoutDiagnostics(
      last.findings,
      `上次排版（${last.at.slice(0, 10)}）：`,
      now !== undefined && now !== last.sig,
    );
  });
}
