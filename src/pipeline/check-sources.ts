import { checkAcrossLists } from '../check/check-project.js';
import { checkPageBudget } from '../rules/pdf/page-budget.js';
import { checkLayoutFindings } from '../rules/pdf/lone-line.js';
import { loadConfig } from '../config/load-config.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Executor } from '../executor/executor.js';
import type { FolderListing } from '../load/folder-listing.js';
import { listIssueFolders } from '../load/load-project.js';
import type { CheckedIssue } from '../model/checked-issue.js';
import type { Config } from '../model/config.js';
import { concatAll } from '../util/append.js';
import { checkFolders } from './check-folders.js';
import { type MemoStore, openMemoStore } from './memo-store.js';
import { readPageCounts } from './page-counts.js';

/** Everything the sources say: the configuration, the issues that can be merged, and every diagnostic. */
export interface CheckedSources {
  diagnostics: Diagnostic[];
  fileCount: number;
  config: Config;
  /**
   * Issues whose issue.yml is valid, with their valid submissions, in folder
   * order; with `bodies: false`, the bodies of folders taken from the memo are empty.
   */
  issues: CheckedIssue[];
  /** The memo store the folders were checked against (and the sections rendered into). */
  memo: MemoStore;
  /** Settles when the memo is on disk (written in the background). */
  memoSaved: Promise<void>;
}

export interface CheckSourcesOptions {
  /** Render each section's Markdown too (build, dev). */
  render: boolean;
  /**
   * The issues are wanted with their bodies (build, pdf, dev merge them). Only
   * check, which reports diagnostics and issue numbers, says false: its memo
   * store then does not read the bodies file (memo-store.ts).
   */
  bodies: boolean;
  /** Starts the executor when first needed, for this many issue folders (once: the caller keeps it). */
  executor: (folders: number) => Executor;
  /** A store and its configuration from an earlier run (dev); otherwise both are read from the project. */
  session?: { config: Config; configDiagnostics: Diagnostic[]; memo: MemoStore };
  /** Folder listings already taken (the build's stat pass). */
  listings?: ReadonlyMap<string, FolderListing>;
  /** The folders that changed; the others are trusted as memoized (dev). */
  changed?: ReadonlySet<string>;
}

/**
 * The first half of the pipeline, shared by every command: the configuration,
 * then per issue folder load → check (→ render), memoized, then the rules
 * across issues, and the page budget and layout findings of the last paged layouts.
 */
export async function checkSources(root: string, options: CheckSourcesOptions): Promise<CheckedSources> {
  const loaded = options.session ? undefined : await loadConfig(root);
  const config = options.session?.config ?? loaded!.value;
  const configDiagnostics = options.session?.configDiagnostics ?? loaded!.diagnostics;
  const memo = options.session?.memo ?? openMemoStore(root, config, { persist: true, bodies: options.bodies });
  const listed = await listIssueFolders(root);
  const executor = () => options.executor(listed.folders.length);
  const folders = await checkFolders(root, listed.folders, config, memo, executor, {
    render: options.render,
    ...(options.listings ? { listings: options.listings } : {}),
    ...(options.changed ? { changed: options.changed } : {}),
  });
  const across = checkAcrossLists(folders.checks);
  const counts = readPageCounts(root);
  const budget = [
    ...checkPageBudget(across.value, config.pageBudget, counts),
    ...checkLayoutFindings(across.value, counts, (folder) => memo.folder(folder)?.sig),
  ];
  return {
    // One copy of every diagnostic (81,000 warnings at 500 issues, on every dev rebuild).
    diagnostics: concatAll([configDiagnostics, listed.diagnostics, ...across.lists, budget, folders.renderDiagnostics]),
    fileCount: folders.fileCount,
    config,
    issues: across.value,
    memo,
    memoSaved: memo.save(listed.folders),
  };
}
