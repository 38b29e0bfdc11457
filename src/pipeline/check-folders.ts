import { type IssueCheck, checkIssue } from '../check/check-project.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Executor, FolderToRead, SectionHtml } from '../executor/executor.js';
import { type FolderListing, folderSignature } from '../load/folder-listing.js';
import { loadIssue, sourcesToRead } from '../load/load-project.js';
import type { Config } from '../model/config.js';
import { mapLimit } from '../util/map-limit.js';
import type { MemoStore } from './memo-store.js';
import { renderMarkdown } from '../rules/render/markdown.js';

/** What checking a set of issue folders gives: plain data. */
export interface FoldersResult {
  /** Each folder's check, in folder order. */
  checks: IssueCheck[];
  fileCount: number;
  /** Sections whose Markdown could not be rendered (with `render`). */
  renderDiagnostics: Diagnostic[];
}

export interface CheckFoldersOptions {
  /** Also render each valid section's Markdown into the memo store, where its file was just parsed. */
  render: boolean;
  /** Folder signatures and files already taken (by the build's stat pass), before any file was read. */
  listings?: ReadonlyMap<string, FolderListing>;
  /** Only these folders are looked at again; the others are taken from the memo as they are (dev's watcher). */
  changed?: ReadonlySet<string>;
}

/**
 * The per-folder part of the pipeline: each issue folder loaded, checked and
 * (with `render`) rendered, memoized by the folder's signature. The copy rules
 * over the bodies, reading ahead and the sections' search text go to the
 * executor (asked for when first needed: a check whose folders are all
 * memoized starts none).
 */
export async function checkFolders(
  root: string,
  folders: readonly string[],
  config: Config,
  memo: MemoStore,
  executor: () => Executor,
  options: CheckFoldersOptions,
): Promise<FoldersResult> {
  const { listings, changed } = options;
  // The renderer is loaded only to render: `check` does not need it.
  const md = options.render ? await import('../render/markdown.js') : undefined;
  const markdown = md?.memoizeRenderer(md.createMarkdownRenderer(), memo.sections);
  const renderDiagnostics: Diagnostic[] = [];
  let fileCount = 0;
  /** The signature a folder must have for its memo to hold; undefined when the memo is trusted. */
  const sigOf = (folder: string) =>
    changed && !changed.has(folder) ? undefined : (listings?.get(folder)?.sig ?? folderSignature(root, folder));
  const sigs = new Map(folders.map((f) => [f, sigOf(f)]));
  // Folders listed by the stat pass and not memoized are read ahead, in order.
  if (listings && options.render) {
    const toRead: FolderToRead[] = [];
    for (const folder of folders) {
      const listing = listings.get(folder);
      if (listing && !memo.folder(folder, listing.sig)) toRead.push({ folder, names: sourcesToRead(listing.files) });
    }
    if (toRead.length > 0) executor().readAhead(root, toRead);
  }
  /** Folders checked here: their memos are written once their copy warnings are in. */
  const fresh: Promise<void>[] = [];
  const checks = await mapLimit(folders, 16, async (folder) => {
    const sig = sigs.get(folder);
    const hit = memo.folder(folder, sig);
    let checked: IssueCheck;
    if (hit) {
      fileCount += hit.fileCount;
      checked = hit.check;
    } else {
      const listing = listings?.get(folder);
      const loaded = await loadIssue(root, folder, listing?.files, await executor().sourcesRead(folder));
      fileCount += loaded.fileCount;
      const own = loaded.value
        ? checkIssue(loaded.value, config, { bodyCopy: false })
        : { value: undefined, diagnostics: [] };
      checked = { value: own.value, diagnostics: [...loaded.diagnostics, ...own.diagnostics] };
      const bodies = (loaded.value?.submissions ?? []).map(({ file, body, bodyLine, text }) => ({
        file,
        body,
        bodyLine,
        text,
      }));
      const copies = bodies.length > 0 ? executor().copyWarnings(bodies) : Promise.resolve([]);
      const entry = { sig: sig ?? folderSignature(root, folder), check: checked, fileCount: loaded.fileCount };
      // The bodies' copy warnings come last in each folder's list, as checkIssue puts them.
      fresh.push(copies.then((list) => void (checked.diagnostics.push(...list), memo.remember(folder, entry))));
    }
    if (md && markdown && checked.value) {
      await md.loadMarkdownPipeline(checked.value.submissions.map((s) => s.body));
      const sections: SectionHtml[] = [];
      for (const s of checked.value.submissions) {
        try {
          sections.push({ file: s.file, html: markdown(s.body, s.title) });
        } catch {
          renderDiagnostics.push(
            renderMarkdown.report(
              s.file,
              { line: s.bodyLine, column: 1 },
              '这篇稿件的正文无法排版（结构过于复杂），本次未写入任何文件。请检查是否误粘贴了大量符号。',
            ),
          );
        }
      }
      executor().sectionsRendered(sections);
    }
    return checked;
  });
  await Promise.all(fresh);
  return { checks, fileCount, renderDiagnostics };
}
