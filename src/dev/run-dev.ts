import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { manifestPath } from '../pipeline/build-manifest.js';
import { lockedDiagnostic, writeFailure } from '../pipeline/summaries.js';
import { removeLeftoverTemporaryFiles } from '../write/changed-files.js';
import { mkdirs } from '../write/write-source.js';
import { acquireLock, OutputLockedError, recoverOutputFolder } from '../write/output-folder.js';
import { guardOutputFolder, OUTPUT_MARKER, OUTPUT_MARKER_TEXT, UnsafeOutputError } from '../write/output-guard.js';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { watch } from 'chokidar';
import { CONFIG_FILE } from '../config/load-config.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { createBuildQueue } from './build-queue.js';
import { describeChange } from './page-change.js';
import { createDevSession, type RebuildResult } from '../pipeline/dev-session.js';
import { startDevServer } from './dev-server.js';
import { createDesk } from './desk-routes.js';
import { isScratchFile } from './watch-filter.js';
import { devRebuild } from '../rules/dev/rebuild.js';

/** After a rebuild, look again this much later for writes the watcher may have dropped. */
const RECHECK_MS = 30;

export interface DevOptions {
  root: string;
  out: string;
  port: number;
  /** Write into an existing OUT that yongzu did not make. */
  force?: boolean;
  /** One line per rebuild, for the terminal. */
  log: (line: string) => void;
}

/**
 * `yongzu dev`: builds, serves OUT on 127.0.0.1, watches issues/, templates/,
 * styles/ and the configuration, rebuilds what a change affects and reloads
 * open pages. Bad input never stops it: the last good pages stay served and
 * the errors show in an overlay.
 */
export async function runDev(options: DevOptions) {
  // Absolute from here on: the watcher's paths are matched against them.
  const [root, out] = [resolve(options.root), resolve(options.out)];
  const { log } = options;
  // dev writes into OUT and removes the files it wrote before: the same guard as build.
  const unsafe = guardOutputFolder(root, out, {
    force: options.force ?? false,
    madeBefore: existsSync(manifestPath(root, out)),
  });
  if (unsafe) throw new UnsafeOutputError(unsafe);
  // dev holds OUT's lock while it runs (a build of the same OUT is refused meanwhile), and first repairs what a build
  // or dev killed midway left: a set-aside OUT put back, temporary folders and files removed.
  // A filesystem error here (a parent that is a file, no permission, a full disk) is the editor's to fix: a message.
  const failed = (e: unknown): never => {
    const diagnostic = writeFailure(e, out);
    throw diagnostic ? new UnsafeOutputError(diagnostic) : e;
  };
  let release: () => Promise<void>;
  try {
    await mkdirs(dirname(out));
    release = await acquireLock(out);
  } catch (e) {
    if (e instanceof OutputLockedError) throw new UnsafeOutputError(lockedDiagnostic(out, e));
    return failed(e);
  }
  try {
    recoverOutputFolder(out);
    await mkdir(out, { recursive: true });
    removeLeftoverTemporaryFiles(out);
    await writeFile(join(out, OUTPUT_MARKER), OUTPUT_MARKER_TEXT);
  } catch (e) {
    await release();
    return failed(e);
  }
  // Open search pages show results from the index they loaded: they reload when it is written anew.
  let announceSearchIndex: (() => void) | undefined;
  const builder = createDevSession(root, out, { onSearchIndex: () => announceSearchIndex?.() });
  const first = await builder.rebuild().catch(rebuildFailure);
  let server: Awaited<ReturnType<typeof startDevServer>>;
  try {
    server = await startDevServer(
      out,
      options.port,
      {
        preview: (path, origin) => builder.printPreview(path, origin),
        pdf: (path) => builder.printPdf(path),
        layout: (path, report) => builder.recordLayout(path, report),
      },
      createDesk(root),
    );
  } catch (e) {
    await release();
    throw e;
  }
  announceSearchIndex = () => server.searchIndexChanged();
  report(first, '首次生成', log);
  if (!first.ok) server.showErrors(errorsOf(first.diagnostics));

  /** Folders scheduled again by the look after a rebuild: logged only when that finds something to update. */
  const rechecks = new Set<string>();
  const queue = createBuildQueue(async (changed) => {
    const recheck = [...changed].every((p) => rechecks.has(p));
    for (const p of changed) rechecks.delete(p);
    // An I/O fault mid-rebuild (a folder removed while read) is shown like any error; the next change tries again.
    const result = await builder.rebuild(changed).catch(rebuildFailure);
    if (!(recheck && result.ok && result.written.length === 0))
      report(result, [...changed].map((p) => relative(root, p)).join('、'), log);
    // Catch writes the watcher throttled away (see staleFolders); the page is already updated.
    setTimeout(() => {
      for (const f of builder.staleFolders(changed)) {
        // The watcher drops a quick second write of the same file: the look names that file again, so the log does.
        const folder = join(root, 'issues', f);
        const files = [...changed].filter((p) => p.startsWith(folder + sep));
        for (const p of files.length > 0 ? files : [folder]) {
          rechecks.add(p);
          queue.schedule(p);
        }
      }
    }, RECHECK_MS).unref();
    const change = describeChange(
      [...changed].map((p) => relative(root, p).split(sep).join('/')),
      result.written,
    );
    if (!result.ok) server.showErrors(errorsOf(result.diagnostics));
    else if (change) server.reload(change);
    else server.showErrors([]);
  });

  const relevant = (p: string) => {
    const r = relative(root, p).split(sep).join('/');
    return r === '' || r === CONFIG_FILE || (/^(issues|templates|styles)(\/|$)/.test(r) && !isScratchFile(r));
  };
  const watcher = watch(root, { ignoreInitial: true, ignored: (p) => !relevant(p) });
  watcher.on('all', (_event, path) => queue.schedule(path));
  watcher.on('error', (e) => log(`监视文件出错：${(e as Error).message}`));
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));

  return {
    url: server.url,
    /** Resolves when no rebuild is running or queued. */
    idle: () => queue.idle(),
    async close() {
      await watcher.close();
      await queue.idle();
      await server.close();
      await release();
    },
  };
}

/** A rebuild that threw (a file system fault, or a bug) as a failed rebuild with one diagnostic. */
function rebuildFailure(e: unknown): RebuildResult {
  const code = (e as NodeJS.ErrnoException).code;
  const why = typeof code === 'string' ? `文件系统报错 ${code}` : (e as Error).message;
  const diagnostic = devRebuild.report(
    'issues',
    undefined,
    `重建失败（${why}）：继续显示上一次的页面。保存文件后会再试一次。`,
  );
  return { ok: false, diagnostics: [diagnostic], written: [], ms: 0 };
}

function errorsOf(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.severity === 'error');
}

function report(result: RebuildResult, what: string, log: (line: string) => void): void {
  const time = new Date().toTimeString().slice(0, 8);
  const ms = `${Math.round(result.ms)} 毫秒`;
  if (result.ok) {
    const files =
      result.written.length === 0
        ? '页面没有变化'
        : `更新 ${result.written.length} 个文件（${result.written.slice(0, 3).join('、')}` +
          `${result.written.length > 3 ? '…' : ''}）`;
    log(`[${time}] ${what}：${files}，用时 ${ms}`);
  } else {
    const errors = errorsOf(result.diagnostics);
    const first = errors[0]!;
    log(
      `[${time}] ${what}：${errors.length} 个错误，继续显示上一次的页面。` +
        `${first.file}:${first.line}:${first.column} ${first.message}（用时 ${ms}）`,
    );
  }
}
