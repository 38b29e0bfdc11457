import { checkIssue, type IssueCheck } from './check-project.js';
import { folderSignature, type CheckCache } from '../cache/check-cache.js';
import type { Config } from '../config/defaults.js';
import { loadIssue } from '../load/load-project.js';
import { mapLimit } from '../load/map-limit.js';

/** What checking a set of issue folders gives: plain data. */
export interface FoldersResult {
  checks: IssueCheck[];
  fileCount: number;
  /** Rendered section HTML by `title \0 body`, when asked for. */
  html: [string, string][];
  /** Settles when the check cache is written (in the background). */
  cacheWritten: Promise<void>;
}

/** The key of a rendered section in FoldersResult.html (as memoizeRenderer uses). */
export const sectionKey = (title: string, body: string) => `${title}\u0000${body}`;

/**
 * Loads and checks the given issue folders, in order; with `render`, also
 * renders each valid section's Markdown, so that work runs where the file
 * was parsed (one parse per file per build).
 */
export async function checkFolders(
  root: string,
  folders: readonly string[],
  config: Config,
  render: boolean,
  cache?: CheckCache,
  /** Folder signatures already taken (by the build's input fingerprint), before any file was read. */
  signatures?: ReadonlyMap<string, string>,
): Promise<FoldersResult> {
  // The Markdown renderer is loaded only when sections are rendered: check does not need it.
  const md = render ? await import('../render/markdown.js') : undefined;
  const markdown = md?.createMarkdownRenderer();
  const html: [string, string][] = [];
  let fileCount = 0;
  const checks = await mapLimit(folders, 16, async (folder) => {
    const sig = cache ? (signatures?.get(folder) ?? folderSignature(root, folder)) : '';
    const hit = cache?.get(folder, sig);
    let checked: IssueCheck;
    if (hit) {
      fileCount += hit.fileCount;
      checked = hit.check;
    } else {
      const loaded = await loadIssue(root, folder);
      fileCount += loaded.fileCount;
      const own = loaded.value ? checkIssue(loaded.value, config) : { value: undefined, diagnostics: [] };
      checked = { value: own.value, diagnostics: [...loaded.diagnostics, ...own.diagnostics] };
      cache?.set(folder, { sig, check: checked, fileCount: loaded.fileCount });
    }
    if (md && markdown && checked.value) {
      await md.loadMarkdownPipeline(checked.value.submissions.map((s) => s.body));
      for (const s of checked.value.submissions) {
        try {
          html.push([sectionKey(s.title, s.body), markdown(s.body, s.title)]);
        } catch {
          // Left for the site's renderer, which reports it with the file's name (render/markdown).
        }
      }
    }
    return checked;
  });
  const cacheWritten = cache ? cache.save(folders) : Promise.resolve();
  return { checks, fileCount, html, cacheWritten };
}
