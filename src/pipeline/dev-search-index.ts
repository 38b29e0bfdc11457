import { createHash } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Config } from '../model/config.js';
import type { IssueModel } from '../model/issue-model.js';
import type { OutputFile } from '../model/output-file.js';
import type { MarkdownRenderer } from '../render/markdown.js';
import { searchIndexFiles } from '../search/index-in-steps.js';
import { siteSearchDocs } from '../site/render-site.js';
import { safeOutputPath } from '../write/write-files.js';

/** The main thread's share of a slice of the index's work, in milliseconds, before it lets the server answer. */
const SLICE_MS = 8;

/**
 * The search index as `yongzu dev` keeps it: made again after the pages of a
 * save are written and served, a slice at a time so that the server answers
 * meanwhile, dropped unfinished when the next save comes (its pages come
 * first), and written only when whole and only where its bytes changed, so
 * that no reader sees half of one index and half of another.
 */
export function createDevSearchIndex(out: string) {
  /** The digest of each index file as last written. */
  const written = new Map<string, string>();
  let run = 0;

  /** Stops the index under way, if any: its files are not written. */
  function cancel(): void {
    run++;
  }

  /**
   * Makes the index of these issues and writes the files that changed; the
   * paths written or removed, or undefined when cancelled. `sliced`: between
   * slices the event loop runs (after the first build, which is awaited whole).
   */
  async function refresh(
    issues: readonly IssueModel[],
    config: Config,
    markdown: MarkdownRenderer,
    sliced: boolean,
  ): Promise<string[] | undefined> {
    const mine = ++run;
    const changed: OutputFile[] = [];
    const digests = new Map<string, string>();
    let end = performance.now() + SLICE_MS;
    for (const file of searchIndexFiles(siteSearchDocs(issues, config, markdown), config.counties)) {
      const digest = createHash('sha1').update(file.content).digest('hex');
      digests.set(file.path, digest);
      if (written.get(file.path) !== digest) changed.push(file);
      if (sliced && performance.now() > end) {
        await new Promise((resolve) => setImmediate(resolve));
        if (mine !== run) return undefined;
        end = performance.now() + SLICE_MS;
      }
    }
    if (mine !== run) return undefined;
    const paths: string[] = [];
    for (const path of [...written.keys()]) {
      if (digests.has(path)) continue;
      await rm(safeOutputPath(out, path), { force: true });
      written.delete(path);
      paths.push(path);
    }
    for (const file of changed) {
      const target = safeOutputPath(out, file.path);
      await mkdir(dirname(target), { recursive: true });
      const tmp = `${target}.tmp-${process.pid}`;
      await writeFile(tmp, file.content);
      await rename(tmp, target);
      written.set(file.path, digests.get(file.path)!);
      paths.push(file.path);
    }
    return paths;
  }

  return { refresh, cancel };
}
