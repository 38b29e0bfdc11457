import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { importFormattingLost } from '../rules/import/formatting-lost.js';
import { importImagesDropped } from '../rules/import/images-dropped.js';
import { importSignOff } from '../rules/import/sign-off.js';
import type { ImportFindings } from './docx-markdown.js';

/** The 1-based line of `text` that holds `needle` (Markdown escapes aside), from line `from`; undefined if none. */
function lineWith(lines: readonly string[], needle: string, from = 0): number | undefined {
  const probe = needle.replace(/\s+/g, ' ').slice(0, 16);
  for (let i = from; i < lines.length; i++) {
    if (lines[i]!.replace(/\\(.)/g, '$1').replace(/\s+/g, ' ').includes(probe)) return i + 1;
  }
  return undefined;
}

/**
 * What an import found (a byline or dateline moved into `author`, captions of
 * dropped images left in the body, formatting left out), as warnings at their
 * places in the written submission `file`, whose text is `text`.
 */
export function findingDiagnostics(file: string, text: string, findings: ImportFindings | undefined): Diagnostic[] {
  if (!findings) return [];
  const lines = text.split('\n');
  const bodyStart = lines.indexOf('---', 1) + 1;
  const out: Diagnostic[] = [];
  const { signOff } = findings;
  if (signOff) {
    const line = lines.findIndex((l) => l.startsWith('author:')) + 1;
    const was = signOff.line.replace(/\n/g, ' ');
    out.push(
      importSignOff.report(
        file,
        line > 0 ? { line, column: 1 } : undefined,
        signOff.where === 'end'
          ? `原文末尾的落款「${was}」已从正文移到 author（刊物不印落款${signOff.date ? '，日期以本期 issue.yml 的 date 为准' : ''}）。` +
              `要在正文末尾印出署名，另起一段写「（${signOff.author}）」。`
          : `原文标题下的署名「${was}」已从正文移到 author（author 目前不印出）。` +
              `要印出署名，在正文末尾另起一段写「（${signOff.author}）」。`,
      ),
    );
  }
  for (const caption of findings.captions) {
    const line = lineWith(lines, caption, bodyStart);
    out.push(
      importImagesDropped.report(
        file,
        line ? { line, column: 1 } : undefined,
        `文件中的 ${findings.images} 张图片没有导入（刊物只收文字）。「${caption}」像是图片的说明文字，` +
          '留在了正文里：请删去，或改写成正文的一句。',
      ),
    );
  }
  if (findings.unformatted > 0)
    out.push(
      importFormattingLost.report(
        file,
        bodyStart > 0 ? { line: bodyStart + 1, column: 1 } : undefined,
        `有 ${findings.unformatted} 段的加粗或斜体写不成 Markdown，已去掉（文字一字不少）。请对照 Word 原文核对。`,
      ),
    );
  return out;
}
