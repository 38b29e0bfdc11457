import { resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Executor } from '../executor/executor.js';
import { startExecutor } from '../executor/start-executor.js';
import { type IssueHead, issueHead } from '../model/checked-issue.js';
import type { Config } from '../model/config.js';
import { checkSources } from './check-sources.js';

export interface CheckResult {
  diagnostics: Diagnostic[];
  fileCount: number;
  config: Config;
  /** The valid issues, without their submissions' bodies. */
  issues: IssueHead[];
}

/**
 * `yongzu check`: the first half of the pipeline and nothing else. Folders
 * whose files did not change since the last run are taken from the memo
 * (node_modules/.cache/yongzu/check.json; the bodies beside it, in
 * check-bodies.json, are read only when the cache is saved, and not
 * returned), the only files it writes.
 */
export async function runCheck(options: { root: string }): Promise<CheckResult> {
  const root = resolve(options.root);
  let executor: Executor | undefined;
  try {
    const checked = await checkSources(root, {
      render: false,
      bodies: false,
      executor: (n) => (executor ??= startExecutor(n)),
    });
    await checked.memoSaved;
    const { diagnostics, fileCount, config, issues } = checked;
    return { diagnostics, fileCount, config, issues: issues.map(issueHead) };
  } finally {
    executor?.close();
  }
}
