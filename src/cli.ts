import { parseArgs } from 'node:util';
import { relative } from 'node:path';
import {
  build,
  check,
  fix,
  importDocument,
  newIssue,
  newSubmission,
  pdf,
  type PdfSummary,
  type RoleChoice,
} from './api.js';
import { countDiagnostics, hasErrors, pdfWarnings, type Diagnostic } from './diagnostics/diagnostic.js';
import { handleInterrupts } from './write/interrupt.js';
import { UnsafeOutputError } from './write/output-guard.js';
import { createProgress } from './progress.js';
import { join, resolve } from 'node:path';
import { writeInPieces } from './util/write-in-pieces.js';
import {
  formatSummary,
  formatText,
  jsonReport,
  type TextReportOptions,
  textReport,
} from './diagnostics/format-text.js';
import { createSourceLines } from './load/source-lines.js';
import type { CreatedIssue } from './new/create.js';
import { issueName, type NewestIssue } from './new/issue-date.js';
import { writeSource } from './rules/write/source.js';

const USAGE = `用法：
  yongzu check [--root 目录] [--format text|json] [--fix]
                                  检查 issues/ 下的全部稿件；--fix 自动改正可安全改正的文字问题（先备份）
  yongzu build [--root 目录] [--out 目录] [--no-pdf] [--force]
                                  检查后生成网站和各期印刷版 PDF 到 dist/；输出文件夹整个替换，
                                  不能是项目或稿件所在的文件夹；已有内容而不是 yongzu 生成的，要加 --force
  yongzu pdf [期…] [--root 目录] [--out 目录] [--booklet] [--final] [--rgb] [--force]
                                                     只生成所选各期的印刷版 PDF 到 pdf/
                                                     （期写文件夹名 2009-18 或总期号 476；不写则全部）
                                                     --booklet 另出 A3 骑马订拼版 PDF
                                                     --final 定稿：还有错误、文字校对警告或用了替代字体时不生成
                                                     （--force 照样生成并提示）
                                                     --rgb 生成屏幕用的 RGB PDF（发邮件用），不是印刷用的 CMYK PDF
  yongzu dev [--root 目录] [--out 目录] [--port 端口] [--no-pdf] [--force]
                                  生成并在 http://127.0.0.1 预览，保存文件后自动刷新页面
  yongzu new issue [--date YYYY-MM-DD | --this-year] [--theme 主题 …]
                                  新建下一期的文件夹和 issue.yml；年份取自 --date，
                                  不写时若最新一期不是今年的，会问是否接着编那一年（脚本里用 --date 或 --this-year）
  yongzu new submission --to 2009-18 --county 县区 [--theme 主题] [--title 标题] [--force]
                                  在该期新建一篇稿件（自动编号、写好文件头）；该县区本期已有稿件时不建，除非 --force
  yongzu import 文件 --to 2009-18 --county 县区 [--theme 主题] [--title 标题] [--force]
                                  把 .docx / .doc / .wps / .txt / .md（UTF-8 或 GB18030）转为该期的稿件
                                  （.doc、.wps 要装有 LibreOffice）；--to 也可写 issues/2009-18 或总期号
  yongzu rules [--format text|json]                 列出全部检查规则：规则名、错误或警告、查什么
  yongzu explain 规则名                             说明一条规则（如 copy/halfwidth-punctuation）：
                                                     查什么、为什么、错误和正确的示例、怎么改
  yongzu help                                        显示本说明

退出码：0 没有错误（可有警告）；1 有错误或参数不对。`;

const OPTIONS = {
  root: { type: 'string', default: '.' },
  out: { type: 'string' },
  format: { type: 'string', default: 'text' },
  'no-pdf': { type: 'boolean', default: false },
  fix: { type: 'boolean', default: false },
  port: { type: 'string', default: '4000' },
  to: { type: 'string' },
  county: { type: 'string' },
  theme: { type: 'string', multiple: true },
  title: { type: 'string' },
  date: { type: 'string' },
  'this-year': { type: 'boolean', default: false },
  pdf: { type: 'boolean', default: true },
  booklet: { type: 'boolean', default: false },
  final: { type: 'boolean', default: false },
  rgb: { type: 'boolean', default: false },
  force: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

type Write = (text: string) => void;

/** Questions on the terminal: an answer, or undefined at the end of input; close() when done asking. */
export interface Prompt {
  ask(question: string): Promise<string | undefined>;
  close(): void;
}

/**
 * A prompt on the terminal, when both standard input and output are one;
 * otherwise null (scripts are not asked). Lines typed ahead wait for the
 * questions they answer.
 */
function terminalPrompt(): Prompt | null {
  if (!process.stdin.isTTY || !process.stdout.isTTY) return null;
  let rl: import('node:readline').Interface | undefined;
  const typed: string[] = [];
  const waiting: ((line: string | undefined) => void)[] = [];
  let closed = false;
  return {
    async ask(question) {
      if (!rl) {
        const { createInterface } = await import('node:readline');
        rl = createInterface({ input: process.stdin, output: process.stdout });
        rl.on('line', (line) => (waiting.length > 0 ? waiting.shift()!(line) : typed.push(line)));
        rl.once('close', () => {
          closed = true;
          for (const w of waiting.splice(0)) w(undefined);
        });
      }
      rl.setPrompt(question);
      rl.prompt();
      if (typed.length > 0) {
        const line = typed.shift()!;
        process.stdout.write(`${line}\n`);
        return line;
      }
      if (closed) return undefined;
      return new Promise((done) => waiting.push(done));
    },
    close: () => rl?.close(),
  };
}

/**
 * Asks whether a new issue continues the newest issue's year, and then its
 * date: a date, this year ('this-year'), or undefined (no answer).
 */
function askIssueYear(prompt: Prompt, err: Write) {
  const ask = async (newest: NewestIssue): Promise<Date | 'this-year' | undefined> => {
    const yes = await prompt.ask(
      `最新一期 issues/${newest.folder} 是${issueName(newest)}，日期 ${newest.date}，不是今年的。\n` +
        `新的一期接着编 ${newest.year} 年的吗？（选「否」就从今年第1期编起）[Y/n] `,
    );
    if (yes === undefined) return undefined;
    if (/^\s*(n|no|否|不)/i.test(yes)) return 'this-year';
    for (let tries = 0; tries < 3; tries++) {
      const answer = (await prompt.ask(`这一期的日期（YYYY-MM-DD，如 ${newest.year}-07-01）：`))?.trim();
      if (!answer) return undefined;
      const date = parseDate(answer);
      if (date) return date;
      err(`「${answer}」不是 YYYY-MM-DD 形式的日期。\n`);
    }
    return undefined;
  };
  return (newest: NewestIssue) => ask(newest).finally(() => prompt.close());
}

/**
 * Warnings about the printed PDFs (page budget, fonts) in full: `yongzu check`
 * cannot show them, since it prints nothing.
 */
function describePdfWarnings(warnings: readonly Diagnostic[]): string {
  return warnings.map((d) => `${d.file}:${d.line}:${d.column}  警告  ${d.message}  ${d.rule}\n`).join('');
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
    const booklet = p.booklet
      ? `\n  A3 骑马订拼版：${shown(p.booklet.path)}（${p.booklet.sheets} 张 A3，补空白页 ${p.booklet.blanks} 页）`
      : '';
    const colour = p.pdfx ? '印刷用 CMYK，PDF/X-4' : p.press ? '印刷用 CMYK' : '屏幕用 RGB';
    const size = `${Math.max(1, Math.round(p.bytes / 1024))} KB`;
    return `PDF：${shown(p.path)}（${p.pages} 页，${size}，${colour}，${took}）${booklet}`;
  });
  const fonts = [...new Set(pdfs.flatMap((p) => p.fonts))];
  if (fonts.length > 0) lines.push(`嵌入字体：${fonts.join('、')}`);
  return lines.map((l) => `${l}\n`).join('');
}

/**
 * Which face each font role used, one line, and a plain warning when a role
 * fell back to an open substitute.
 */
function describeFontRoles(roles: readonly RoleChoice[] | undefined): string {
  if (!roles || roles.length === 0) return '';
  const where = { project: '项目字体', installed: '本机字体', substitute: '替代字体' } as const;
  const parts = roles.map(
    (r) => `${r.role} ${r.face}（${where[r.source]}${r.shown && r.source === 'project' ? ` ${r.shown}` : ''}）`,
  );
  let text = `字体：${parts.join('，')}\n`;
  const fell = roles.filter((r) => r.source === 'substitute').map((r) => r.role);
  if (fell.length > 0)
    text +=
      `注意：${fell.join('、')}没有找到正式字体，用了替代字体。把单位的字体文件（.ttf）放进项目的 fonts 文件夹` +
      '（或 yongzu.config.yml 中 print.fonts 指定的文件夹）后重新生成；定稿（yongzu pdf --final）不接受替代字体。\n';
  return text;
}

/** Parses flags, calls the API, prints, and returns the exit code. No logic of its own. */
export async function main(
  argv: readonly string[],
  out: Write = (t) => process.stdout.write(t),
  err: Write = (t) => process.stderr.write(t),
  prompt: Prompt | null = terminalPrompt(),
): Promise<number> {
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
  if (rest.length > 0 && command !== 'new' && command !== 'import' && command !== 'pdf' && command !== 'explain') {
    err(`多余的参数：${rest.join(' ')}\n\n${USAGE}\n`);
    return 1;
  }
  if (values.format !== 'text' && values.format !== 'json') {
    err(`--format 只能是 text 或 json，而不是「${values.format}」。\n`);
    return 1;
  }
  // Excerpts of the lines diagnostics point at, fitted to the terminal.
  const text: TextReportOptions = {
    source: createSourceLines(resolve(values.root)),
    ...(process.stdout.isTTY && process.stdout.columns ? { width: process.stdout.columns } : {}),
  };
  const report = (diagnostics: Diagnostic[], fileCount: number) =>
    values.format === 'json'
      ? writeInPieces(jsonReport(diagnostics), '', out)
      : writeInPieces(textReport(diagnostics, fileCount, text), '\n', out);

  if (command === 'build' || command === 'pdf' || command === 'check' || command === 'import' || command === 'new') {
    handleInterrupts((line) => err(`\n${line}\n`));
  }
  switch (command) {
    case 'check': {
      if (values.fix) {
        const { fixed, after } = await fix({ root: values.root });
        for (const f of fixed) {
          out(`${f.file}${f.reencodedFrom ? `（已从 ${f.reencodedFrom} 转为 UTF-8）` : ''}\n`);
          for (const c of f.changes)
            out(
              `  ${c.line}:${c.column}  - ${c.before}\n` +
                `  ${' '.repeat(`${c.line}:${c.column}`.length)}  + ${c.after}  ${c.rule}\n`,
            );
        }
        const count = fixed.reduce((n, f) => n + f.changes.length, 0);
        const failed = after.diagnostics.some((d) => d.rule === writeSource.id);
        out(
          fixed.length > 0
            ? `已改正 ${fixed.length} 个文件中的 ${count} 处；原文件备份在 ${dirOf(fixed[0]!.backup, fixed[0]!.file)}。\n\n`
            : failed
              ? '没有改动任何文件。\n\n'
              : '没有可以自动改正的地方。\n\n',
        );
        report(after.diagnostics, after.fileCount);
        return hasErrors(after.diagnostics) ? 1 : 0;
      }
      const result = await check({ root: values.root });
      report(result.diagnostics, result.fileCount);
      return hasErrors(result.diagnostics) ? 1 : 0;
    }
    case 'build': {
      const started = performance.now();
      const result = await build({
        onProgress: createProgress(process.stderr, 'PDF'),
        root: values.root,
        ...(values.out ? { out: values.out } : {}),
        pdf: values.pdf && !values['no-pdf'],
        force: values.force,
      });
      if (values.format === 'json') {
        report(result.diagnostics, result.fileCount);
      } else {
        // The counts, not the list: a build with nothing to do then reads no diagnostics (run-build.ts).
        const { counts } = result;
        if (counts.errors > 0) report(result.diagnostics, result.fileCount);
        else if (counts.warnings > 0) out(`${formatSummary(counts, result.fileCount)}运行「yongzu check」查看详情。\n`);
        if (result.written) {
          const secs = ((performance.now() - started) / 1000).toFixed(2);
          out(
            result.written.unchanged
              ? `没有变化：${result.written.out} 已是最新（${result.written.issueCount} 期，${result.written.files} 个文件；` +
                  `${secs} 秒）。\n`
              : `已生成 ${result.written.issueCount} 期、${result.written.files} 个文件到 ${result.written.out}（${secs} 秒）。\n`,
          );
          out(describePdfs(result.pdfs));
          out(describeFontRoles(result.fontRoles));
          out(describePdfWarnings(result.pdfWarnings));
        } else {
          err(`${formatSummary(counts)}\n未生成：上一次的输出保持不变。\n`);
        }
      }
      return result.written ? 0 : 1;
    }
    case 'dev': {
      const port = Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        err(`--port 应为 0～65535 的端口号，而不是「${values.port}」。\n`);
        return 1;
      }
      const root = resolve(values.root);
      let dev;
      try {
        const { runDev } = await import('./dev/run-dev.js');
        dev = await runDev({
          root,
          out: resolve(values.out ?? join(root, 'dist')),
          port,
          force: values.force,
          log: (line) => out(`${line}\n`),
        });
      } catch (e) {
        if (e instanceof UnsafeOutputError) {
          err(`${formatText([e.diagnostic])}\n`);
          return 1;
        }
        if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
          err(`端口 ${port} 已被占用：请用 --port 换一个端口，如 --port ${port + 1}。\n`);
          return 1;
        }
        throw e;
      }
      out(`预览地址：${dev.url}（按 Ctrl-C 结束）\n`);
      // Ctrl-C, SIGTERM and SIGHUP (terminal closed) end dev normally: watcher and server closed, the lock freed.
      await new Promise<void>((done) => {
        for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, done);
      });
      await dev.close();
      return 0;
    }
    case 'new': {
      const [kind, ...extra] = rest;
      if (extra.length > 0 || (kind !== 'issue' && kind !== 'submission')) {
        err(`请写「yongzu new issue」或「yongzu new submission --to … --county …」。\n`);
        return 1;
      }
      if (kind === 'issue') {
        const date = values.date === undefined ? undefined : parseDate(values.date);
        if (date === null) {
          err(`--date 应写作 YYYY-MM-DD，而不是「${values.date}」。\n`);
          return 1;
        }
        if (date && values['this-year']) {
          err('--date 和 --this-year 只能写一个：--date 的年份就是这一期的年份。\n');
          return 1;
        }
        const issue = await newIssue({
          root: values.root,
          ...(date ? { date } : {}),
          thisYear: values['this-year'],
          ...(values.theme ? { themes: values.theme } : {}),
          ...(prompt ? { ask: askIssueYear(prompt, err) } : {}),
        });
        const code = created(issue, out, err, text);
        if (issue.created) out(`${describeNewIssue(issue.created)}\n`);
        return code;
      }
      if (!values.to || !values.county) {
        err('请用 --to 指定一期、--county 指定县区，如：yongzu new submission --to 2009-18 --county 江华县\n');
        return 1;
      }
      const result = await newSubmission({
        root: values.root,
        to: values.to,
        county: values.county,
        ...(values.theme?.[0] ? { theme: values.theme[0] } : {}),
        ...(values.title ? { title: values.title } : {}),
        force: values.force,
      });
      return created(result, out, err, text);
    }
    case 'import': {
      const [file, ...extra] = rest;
      if (!file || extra.length > 0 || !values.to || !values.county) {
        err('用法：yongzu import 文件 --to 2009-18 --county 县区 [--theme 主题] [--title 标题] [--force]\n');
        return 1;
      }
      const result = await importDocument({
        root: values.root,
        file,
        to: values.to,
        county: values.county,
        ...(values.theme?.[0] ? { theme: values.theme[0] } : {}),
        ...(values.title ? { title: values.title } : {}),
        force: values.force,
      });
      return created(result, out, err, text);
    }
    case 'pdf': {
      const result = await pdf({
        onProgress: createProgress(process.stderr, 'PDF'),
        root: values.root,
        issues: rest,
        booklet: values.booklet,
        force: values.force,
        final: values.final,
        rgb: values.rgb,
        ...(values.out ? { out: values.out } : {}),
      });
      const failed = hasErrors(result.diagnostics);
      if (values.format === 'json') report(result.diagnostics, result.fileCount);
      else if (failed) report(result.diagnostics, result.fileCount);
      else if (result.diagnostics.length > 0)
        out(`${formatSummary(countDiagnostics(result.diagnostics), result.fileCount)}运行「yongzu check」查看详情。\n`);
      if (values.format !== 'json')
        out(
          `${describePdfs(result.pdfs)}${describeFontRoles(result.fontRoles)}` +
            `${failed ? '' : describePdfWarnings(pdfWarnings(result.diagnostics))}`,
        );
      if (failed && values.format !== 'json')
        err(`${formatSummary(countDiagnostics(result.diagnostics))}\n有的期没有生成 PDF：已有的同名文件保持不变。\n`);
      return failed ? 1 : 0;
    }
    case 'rules': {
      const { formatRuleList, formatRuleListJson } = await import('./rules/format-rules.js');
      out(`${values.format === 'json' ? formatRuleListJson() : formatRuleList()}\n`);
      return 0;
    }
    case 'explain': {
      const [name, ...extra] = rest;
      if (!name || extra.length > 0) {
        err('请写一个规则名，如：yongzu explain copy/halfwidth-punctuation（「yongzu rules」列出全部规则）\n');
        return 1;
      }
      const [{ findRule }, { closestRuleId, formatRuleExplanation }] = await Promise.all([
        import('./rules/catalogue.js'),
        import('./rules/format-rules.js'),
      ]);
      const rule = findRule(name);
      if (!rule) {
        const close = closestRuleId(name);
        err(`没有「${name}」这条规则。${close ? `是不是「${close}」？` : ''}用「yongzu rules」列出全部规则。\n`);
        return 1;
      }
      out(`${formatRuleExplanation(rule)}\n`);
      return 0;
    }
    default:
      err(`未知命令「${command}」。\n\n${USAGE}\n`);
      return 1;
  }
}

/** The backup folder, from one backed-up file's path and its relative path. */
function dirOf(backup: string, rel: string): string {
  return backup.slice(0, backup.length - rel.length - 1);
}

/**
 * Prints the path of a created file and its diagnostics; exit 1 when nothing
 * was created or what was created has errors (it must be corrected before the
 * next build), else 0.
 */
function created(
  result: { value?: string; diagnostics: Diagnostic[] },
  out: Write,
  err: Write,
  text: TextReportOptions = {},
): number {
  if (!result.value) {
    err(`${formatText(result.diagnostics, undefined, text)}\n未写入任何文件。\n`);
    return 1;
  }
  out(`已创建 ${result.value}\n`);
  if (result.diagnostics.length > 0) out(`${formatText(result.diagnostics, undefined, text)}\n`);
  if (!hasErrors(result.diagnostics)) return 0;
  err(`${result.value} 有错误：请改正后再生成刊物。\n`);
  return 1;
}

/** What `new issue` made: its numbers, and the date it used and why. */
function describeNewIssue(c: CreatedIssue): string {
  const why = c.today ? '（今天的日期；要改就改 issue.yml 的 date）' : '';
  return `新的一期：${issueName(c)}，文件夹 issues/${c.folder}，日期 ${c.date}${why}。`;
}

/** YYYY-MM-DD (month and day may have one digit) → a local Date; null when it is not a real date. */
function parseDate(s: string): Date | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s.trim());
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return d.getMonth() === Number(m[2]) - 1 && d.getDate() === Number(m[3]) ? d : null;
}
