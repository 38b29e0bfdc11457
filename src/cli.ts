import { parseArgs } from 'node:util';
import { build, check } from './api.js';
import { hasErrors, type Diagnostic } from './diagnostics/diagnostic.js';
import { formatJson, formatSummary, formatText } from './diagnostics/format-text.js';

const USAGE = `用法：
  yongzu check [--root 目录] [--format text|json]   检查 issues/ 下的全部稿件
  yongzu build [--root 目录] [--out 目录] [--no-pdf]   检查后生成网站（和 PDF）到 dist/
  yongzu help                                        显示本说明

退出码：0 没有错误（可有警告）；1 有错误或参数不对。`;

const OPTIONS = {
  root: { type: 'string', default: '.' },
  out: { type: 'string' },
  format: { type: 'string', default: 'text' },
  'no-pdf': { type: 'boolean', default: false },
  pdf: { type: 'boolean', default: true },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

type Write = (text: string) => void;

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
  if (rest.length > 0) {
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
        } else {
          err(`${formatSummary(result.diagnostics)}\n未生成：上一次的输出保持不变。\n`);
        }
      }
      return result.written ? 0 : 1;
    }
    default:
      err(`未知命令「${command}」。\n\n${USAGE}\n`);
      return 1;
  }
}
