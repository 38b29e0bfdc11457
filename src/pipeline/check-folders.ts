import { type IssueCheck, checkIssue, loadBodyParser } from '../check/check-project.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Executor, FolderToRead } from '../executor/executor.js';
import { type FolderListing, folderSignature } from '../load/folder-listing.js';
import { loadIssue, sourcesToRead } from '../load/load-project.js';
import type { Config } from '../model/config.js';
import { pushAll } from '../util/append.js';
import { renderMarkdown } from '../rules/render/markdown.js';
import { mapLimit } from '../util/map-limit.js';
import { capDiagnostics } from './cap-diagnostics.js';
import { feedFieldDiagnostics } from './feed-fields.js';
import { markdownHazardDiagnostics } from './hazard-diagnostics.js';
import type { MemoStore } from './memo-store.js';

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
  const rendering = options.render
    ? (await import('./render-sections.js')).createSectionRendering(memo.sections)
    : undefined;
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
      const loaded = await loadIssue(root, folder, listing, await executor().sourcesRead(folder));
      fileCount += loaded.fileCount;
      const parser = loaded.value ? await loadBodyParser(loaded.value.submissions) : undefined;
      const own = loaded.value
        ? checkIssue(loaded.value, config, { bodyCopy: false, ...(parser ? { parser } : {}) })
        : { value: undefined, diagnostics: [] };
      checked = { value: own.value, diagnostics: [...loaded.diagnostics, ...own.diagnostics] };
      // Markdown that remark would take too long on is refused before any rendering (memoized with the folder).
      pushAll(checked.diagnostics, markdownHazardDiagnostics(own.value?.submissions ?? []));
      if (loaded.value) pushAll(checked.diagnostics, feedFieldDiagnostics(loaded.value));
      const bodies = (loaded.value?.submissions ?? []).map(({ file, body, bodyLine, text }) => ({
        file,
        body,
        bodyLine,
        text,
      }));
      const copies = bodies.length > 0 ? executor().copyWarnings(bodies) : Promise.resolve([]);
      const entry = { sig: sig ?? folderSignature(root, folder), check: checked, fileCount: loaded.fileCount };
      // The bodies' copy warnings come last in each folder's list, as checkIssue puts them; then each rule's
      // diagnostics in each file are capped, so a hostile body's thousands of warnings stay a few lines.
      fresh.push(
        copies.then((list) => {
          checked.diagnostics = capDiagnostics(pushAll(checked.diagnostics, list));
          memo.remember(folder, entry);
        }),
      );
    }
    if (rendering && checked.value) {
      const refused = new Set(checked.diagnostics.filter((d) => d.rule === renderMarkdown.id).map((d) => d.file));
      const rendered = await rendering.render(checked.value.submissions.filter((s) => !refused.has(s.file)));
      pushAll(renderDiagnostics, rendered.diagnostics);
      executor().sectionsRendered(rendered.sections);
    }
    return checked;
  }).finally(() => rendering?.close());
  await Promise.all(fresh);
  return { checks, fileCount, renderDiagnostics };
}
