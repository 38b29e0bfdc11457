import { parseArgs } from 'node:util';
import { relative } from 'node:path';
import { build, check, pdf, type PdfSummary } from './api.js';
import { hasErrors, type Diagnostic } from './diagnostics/diagnostic.js';
import { formatJson, formatSummary, formatText } from './diagnostics/format-text.js';

const USAGE = `用法：
  yongzu check [--root 目录] [--format text|json]   检查 issues/ 下的全部稿件
  yongzu build [--root 目录] [--out 目录] [--no-pdf]   检查后生成网站和各期印刷版 PDF 到 dist/
  yongzu pdf [期…] [--root 目录] [--out 目录] [--booklet]
                                                     只生成所选各期的印刷版 PDF 到 pdf/
                                                     （期写文件夹名 2009-18 或总期号 476；不写则全部）
                                                     --booklet 另出 A3 骑马订拼版 PDF
  yongzu help                                        显示本说明

退出码：0 没有错误（可有警告）；1 有错误或参数不对。`;

const OPTIONS = {
  root: { type: 'string', default: '.' },
  out: { type: 'string' },
  format: { type: 'string', default: 'text' },
  'no-pdf': { type: 'boolean', default: false },
  pdf: { type: 'boolean', default: true },
  booklet: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

type Write = (text: string) => void;

/**
 * Warnings about the printed PDFs (page budget, fonts) in full: `yongzu check`
 * cannot show them, since it prints nothing.
 */
function describePdfWarnings(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .filter((d) => d.severity === 'warning' && d.rule.startsWith('pdf/'))
    .map((d) => `${d.file}:${d.line}:${d.column}  警告  ${d.message}  ${d.rule}\n`)
    .join('');
}

/** A path relative to the current folder when it lies inside it, else absolute. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

/** One line per PDF: where, how many pages, how big, and how long it took (or that the cache had it). */
function describePdfs(pdfs: readonly PdfSummary[]): string {
  const lines = pdfs.map((p) => {
    const took = p.cached ? '内容未变，沿用上次结果' : `排版用时 ${(p.ms / 1000).toFixed(1)} 秒`;
    const booklet = p.booklet ? `\n  A3 骑马订拼版：${shown(p.booklet.path)}（${p.booklet.sheets} 张 A3，补空白页 ${p.booklet.blanks} 页）` : '';
    return `PDF：${shown(p.path)}（${p.pages} 页，${Math.max(1, Math.round(p.bytes / 1024))} KB，${took}）${booklet}`;
  });
  const fonts = [...new Set(pdfs.flatMap((p) => p.fonts))];
  if (fonts.length > 0) lines.push(`嵌入字体：${fonts.join('、')}`);
  return lines.map((l) => `${l}\n`).join('');
}

/** Parses flags, calls the API, prints, and returns the exit code. No logic of its own. */
export async function main(argv: readonly string[], out: Write = (t) => process.stdout.write(t), err: Write = (t) => process.stderr.write(t)): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    err(`参数有误：${(e as Error).message}\n\n${USAGE}\n`);
    return 1;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === 'help' || command === undefined) {
    out(`${USAGE}\n`);
    return command === undefined && !values.help ? 1 : 0;
  }
  if (rest.length > 0 && command !== 'pdf') {
    err(`多余的参数：${rest.join(' ')}\n\n${USAGE}\n`);
    return 1;
  }
  if (values.format !== 'text' && values.format !== 'json') {
    err(`--format 只能是 text 或 json，而不是「${values.format}」。\n`);
    return 1;
  }
  const report = (diagnostics: Diagnostic[], fileCount: number) =>
    values.format === 'json' ? out(`${formatJson(diagnostics)}\n`) : out(`${formatText(diagnostics, fileCount)}\n`);

  switch (command) {
    case 'check': {
      const result = await check({ root: values.root });
      report(result.diagnostics, result.fileCount);
      return hasErrors(result.diagnostics) ? 1 : 0;
    }
    case 'build': {
      const started = performance.now();
      const result = await build({ root: values.root, ...(values.out ? { out: values.out } : {}), pdf: values.pdf && !values['no-pdf'] });
      if (values.format === 'json') {
        report(result.diagnostics, result.fileCount);
      } else {
        if (hasErrors(result.diagnostics)) out(`${formatText(result.diagnostics, result.fileCount)}\n`);
        else if (result.diagnostics.length > 0) out(`${formatSummary(result.diagnostics, result.fileCount)}运行「yongzu check」查看详情。\n`);
        if (result.written) {
          const secs = ((performance.now() - started) / 1000).toFixed(2);
          out(`已生成 ${result.written.issues.length} 期、${result.written.files} 个文件到 ${result.written.out}（${secs} 秒）。\n`);
          out(describePdfs(result.pdfs));
          out(describePdfWarnings(result.diagnostics));
        } else {
          err(`${formatSummary(result.diagnostics)}\n未生成：上一次的输出保持不变。\n`);
        }
      }
      return result.written ? 0 : 1;
    }
    case 'pdf': {
      const result = await pdf({ root: values.root, issues: rest, booklet: values.booklet, ...(values.out ? { out: values.out } : {}) });
      const failed = hasErrors(result.diagnostics);
      if (values.format === 'json') report(result.diagnostics, result.fileCount);
      else if (failed) out(`${formatText(result.diagnostics, result.fileCount)}\n`);
      else if (result.diagnostics.length > 0) out(`${formatSummary(result.diagnostics, result.fileCount)}运行「yongzu check」查看详情。\n`);
      if (values.format !== 'json') out(`${describePdfs(result.pdfs)}${failed ? '' : describePdfWarnings(result.diagnostics)}`);
      if (failed && values.format !== 'json') err(`${formatSummary(result.diagnostics)}\n有的期没有生成 PDF：已有的同名文件保持不变。\n`);
      return failed ? 1 : 0;
    }
    default:
      err(`未知命令「${command}」。\n\n${USAGE}\n`);
      return 1;
  }
}
