import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { RoleChoice } from '../pdf/font-roles.js';
import { pdfFinalForced } from '../rules/pdf/final-forced.js';
import { pdfNotFinal } from '../rules/pdf/not-final.js';

/**
 * Why `yongzu pdf --final` must not print: errors or copy warnings left in
 * the chosen issues, or a font role that fell back to a substitute. An
 * error diagnostic (`pdf/not-final`); with `--force`, the same reasons as a
 * warning (`pdf/final-forced`) and the PDF is printed. Undefined when the
 * issues are ready.
 */
export function finalRefusal(
  diagnostics: readonly Diagnostic[],
  folders: ReadonlySet<string>,
  roles: readonly RoleChoice[],
  force: boolean,
): Diagnostic | undefined {
  const inChosen = (d: Diagnostic) => [...folders].some((f) => d.file.startsWith(f)) || !d.file.startsWith('issues/');
  const errors = diagnostics.filter((d) => d.severity === 'error' && inChosen(d)).length;
  const copy = diagnostics.filter((d) => d.severity === 'warning' && d.rule.startsWith('copy/') && inChosen(d)).length;
  const substitutes = roles.filter((r) => r.source === 'substitute').map((r) => r.role);
  const reasons: string[] = [];
  if (errors > 0) reasons.push(`还有 ${errors} 个错误`);
  if (copy > 0)
    reasons.push(`还有 ${copy} 个文字校对警告（运行「yongzu check」查看，「yongzu check --fix」可改正一部分）`);
  if (substitutes.length > 0)
    reasons.push(`${substitutes.join('、')}没有找到正式字体，用的是替代字体（把字体文件放进项目的 fonts 文件夹）`);
  if (reasons.length === 0) return undefined;
  return force
    ? pdfFinalForced.report(
        'issues',
        undefined,
        `已按 --force 生成定稿 PDF，尽管${reasons.join('；')}。付印前请再核对。`,
      )
    : pdfNotFinal.report(
        'issues',
        undefined,
        `不能生成定稿 PDF：${reasons.join('；')}。改好后再运行；确需先印，可加 --force。`,
      );
}
