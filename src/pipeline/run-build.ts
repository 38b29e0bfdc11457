import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Executor, wantsThread } from '../executor/executor.js';
import { guardOutputFolder } from '../write/output-guard.js';
import { inputFingerprint, manifestPath, outputUnchanged, readManifest } from './build-manifest.js';
import { type BuildOptions, type BuildResult, buildResult } from './build-result.js';

export type { BuildOptions, BuildResult };

/** How many entries a folder has; 0 when it cannot be read. */
function countEntries(dir: string): number {
  try {
    return readdirSync(dir).length;
  } catch {
    return 0;
  }
}

/**
 * `yongzu build`: checks, then (only when there is no error) merges every
 * issue, prints each issue's PDF, renders the site and its search index into
 * a new folder and swaps it in for OUT. A build whose inputs and output are
 * as the last good build left them reports that build again and touches nothing,
 * having loaded none of the stages (build-stages.ts is imported after that test).
 */
export async function runBuild(options: BuildOptions): Promise<BuildResult> {
  const root = resolve(options.root);
  const out = resolve(options.out ?? join(root, 'dist'));
  const pdf = options.pdf !== false;
  const manifestFile = manifestPath(root, out);
  // OUT is replaced as a whole: never the project, its sources, or a folder yongzu did not make.
  const unsafe = guardOutputFolder(root, out, { force: options.force ?? false, madeBefore: existsSync(manifestFile) });
  if (unsafe) return buildResult([unsafe], { fileCount: 0, written: undefined, pdfs: [] });
  const last = readManifest<BuildResult>(manifestFile);
  // The executor's thread, for enough folders, starts as early as it is sure to be needed (with no record of
  // an earlier build, before the stat pass), so that it is up when the folders are to be read.
  let executor: Executor | undefined;
  const entries = countEntries(join(root, 'issues'));
  if (!last && wantsThread(entries)) executor = (await import('../executor/start-executor.js')).startExecutor(entries);
  // A build that prints reads the project's fonts too (print.fonts of the configuration, loaded only then).
  const fonts = pdf
    ? [join(root, (await (await import('../config/load-config.js')).loadConfig(root)).value.print.fonts)]
    : [];
  const inputs = inputFingerprint(root, JSON.stringify({ pdf, out }), fonts);
  if (last?.result.written && last.inputs === inputs.value && outputUnchanged(out, last.outputs)) {
    executor?.close();
    let diagnostics: BuildResult['diagnostics'] | undefined;
    return {
      ...last.result,
      get diagnostics() {
        diagnostics ??= last.diagnostics();
        return diagnostics;
      },
      written: { ...last.result.written, unchanged: true },
      pdfs: last.result.pdfs.map((p) => ({ ...p, cached: true, ms: 0 })),
    };
  }
  const [stages, { startExecutor }] = await Promise.all([
    import('./build-stages.js'),
    import('../executor/start-executor.js'),
  ]);
  return stages.buildStages({
    root,
    out,
    pdf,
    options,
    manifestFile,
    inputs,
    executor: {
      start: () => (executor ??= startExecutor(inputs.folders.size)),
      close: () => executor?.close(),
    },
  });
}
