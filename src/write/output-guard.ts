import { existsSync, lstatSync, readdirSync, realpathSync } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';
import { CONFIG_FILE } from '../paths.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { outputNotEmpty } from '../rules/output/not-empty.js';
import { outputNotFolder } from '../rules/output/not-folder.js';
import { outputProtected } from '../rules/output/protected.js';
import type { Rule } from '../rules/rule.js';

/**
 * The guard every command runs before it writes, replaces or deletes an
 * output folder (build, pdf, dev). A build swaps OUT for a new folder and
 * deletes the old one, so OUT must never be the project, hold it, hold or lie
 * inside one of its sources, or be somebody else's folder.
 */

/** The file yongzu leaves in every output folder it made: its mark that the folder may be replaced. */
export const OUTPUT_MARKER = '.yongzu-output';

export const OUTPUT_MARKER_TEXT =
  'This folder was written by yongzu (永组信息). yongzu replaces it as a whole on every build.\n';

/** What a project holds that no output may overwrite, hold or lie in (relative to ROOT). */
export const PROTECTED_ENTRIES = ['issues', 'templates', 'styles', 'fonts', CONFIG_FILE, '.yongzu', '.git'] as const;

/**
 * The real path of `path`, with symbolic links resolved in the part that
 * exists (the rest appended as written), so that a link cannot hide that OUT
 * is the project.
 */
export function realPathOf(path: string): string {
  const rest: string[] = [];
  let p = path;
  for (;;) {
    try {
      return join(realpathSync(p), ...rest.reverse());
    } catch {
      const parent = dirname(p);
      if (parent === p) return join(p, ...rest.reverse());
      rest.push(basename(p));
      p = parent;
    }
  }
}

/** `inner` is `outer` or lies inside it. */
function within(inner: string, outer: string): boolean {
  return inner === outer || inner.startsWith(outer.endsWith(sep) ? outer : outer + sep);
}

/** Thrown where a command cannot return its diagnostics (dev's start). */
export class UnsafeOutputError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

export interface GuardOptions {
  /** Which option named OUT, for the message: `--out`. */
  option?: string;
  /** Replace an existing folder that yongzu did not make (`--force`). */
  force?: boolean;
  /** Other evidence that yongzu made OUT (a record of an earlier build of it, from before the marker existed). */
  madeBefore?: boolean;
  /** `replace`: OUT is swapped for a new folder as a whole (build, dev); `add`: files are written into it (pdf). */
  mode?: 'replace' | 'add';
}

/**
 * Refuses OUT (one error diagnostic, nothing touched) when writing there
 * could lose sources or somebody else's files. `root` and `out` are absolute.
 */
export function guardOutputFolder(root: string, out: string, options: GuardOptions = {}): Diagnostic | undefined {
  const option = options.option ?? '--out';
  const realRoot = realPathOf(root);
  const realOut = realPathOf(out);
  const refuse = (rule: Rule, message: string) => rule.report(out, undefined, message);
  const replace = options.mode !== 'add';
  const harm = replace ? '生成时会整个替换输出文件夹，这样会删掉稿件' : '生成的文件会写进项目的源文件中间';
  const plea = `${harm}。本次没有写入或删除任何文件。请把 ${option} 指向一个单独的文件夹，如 ${join(root, replace ? 'dist' : 'pdf')}。`;
  if (realOut === realRoot) {
    return refuse(outputProtected, `输出文件夹 ${out} 就是项目文件夹 ${root}：${plea}`);
  }
  if (within(realRoot, realOut)) {
    return refuse(outputProtected, `输出文件夹 ${out} 包含项目文件夹 ${root}：${plea}`);
  }
  for (const entry of PROTECTED_ENTRIES) {
    const source = realPathOf(join(root, entry));
    if (within(realOut, source)) {
      return refuse(
        outputProtected,
        `输出文件夹 ${out} 是项目的 ${entry}${entry === CONFIG_FILE ? '' : '/'}（${join(root, entry)}）或在它里面：${plea}`,
      );
    }
    if (within(source, realOut)) {
      return refuse(outputProtected, `输出文件夹 ${out} 包含项目的 ${entry}（${join(root, entry)}）：${plea}`);
    }
  }
  let stat;
  try {
    stat = lstatSync(out);
  } catch {
    return undefined; // a new folder
  }
  if (!stat.isDirectory() && !stat.isSymbolicLink()) {
    return refuse(
      outputNotFolder,
      `${option} 指向的 ${out} 是一个文件，不是文件夹：本次没有写入或删除任何文件。请换一个文件夹路径。`,
    );
  }
  if (options.force || options.madeBefore || existsSync(join(out, OUTPUT_MARKER))) return undefined;
  let names: string[];
  try {
    names = readdirSync(out);
  } catch {
    return undefined; // unreadable: the write itself reports it
  }
  if (names.length === 0) return undefined;
  const shown = names.slice(0, 3).join('、') + (names.length > 3 ? ` 等 ${names.length} 项` : '');
  return refuse(
    outputNotEmpty,
    `输出文件夹 ${out} 已有内容（${shown}），但不是 yongzu 生成的（里面没有 ${OUTPUT_MARKER}）：` +
      (replace ? '生成时会整个替换它，里面的文件会被删除。' : '生成的 PDF 会覆盖里面的同名文件。') +
      `本次没有写入或删除任何文件。请换一个空文件夹或新文件夹；确认里面的文件都不要了，再加 --force。`,
  );
}
