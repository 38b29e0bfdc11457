import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { lineOf, lineStarts } from '../text/line-index.js';
import { findMarkdownHazard } from '../render/markdown-hazards.js';
import { renderMarkdown } from '../rules/render/markdown.js';

/**
 * Markdown that remark would take too long on (markdown-hazards.ts), one
 * error per submission at its place: found before rendering, by `check` too.
 */
export function markdownHazardDiagnostics(
  sources: readonly { file: string; body: string; bodyLine: number }[],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const s of sources) {
    const hazard = findMarkdownHazard(s.body);
    if (!hazard) continue;
    const starts = lineStarts(s.body);
    const line = lineOf(starts, hazard.index);
    const place = { line: s.bodyLine + line, column: hazard.index - starts[line]! + 1 };
    out.push(renderMarkdown.report(s.file, place, hazard.message));
  }
  return out;
}
