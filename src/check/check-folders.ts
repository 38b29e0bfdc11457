import { checkIssue, type IssueCheck } from './check-project.js';
import { folderSignature, type CheckCache, type FolderListing } from '../cache/check-cache.js';
import type { Config } from '../config/defaults.js';
import { loadIssue, sourcesToRead } from '../load/load-project.js';
import { mapLimit } from '../load/map-limit.js';
import type { AsideThread, BodyOfText, FolderToRead, SectionHtml } from '../aside/aside-thread.js';
import type { RenderedSections } from '../render/markdown.js';

/** What checking a set of issue folders gives: plain data. */
export interface FoldersResult {
  checks: IssueCheck[];
  fileCount: number;
  /** Rendered sections' HTML, when asked for. */
  html: RenderedSections;
  /** Settles when the check cache is written (in the background). */
  cacheWritten: Promise<void>;
}

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
  /** Folder signatures and files already taken (by the build's input fingerprint), before any file was read. */
  listings?: ReadonlyMap<string, FolderListing>,
  /**
   * The thread that reads the folders ahead (with `listings`), runs the copy
   * rules over the bodies and takes the sections' search text: asked for at
   * once with `render`, else at the first folder not in the cache (a cached
   * check needs no thread); the caller ends it.
   */
  startAside: () => AsideThread | undefined = () => undefined,
): Promise<FoldersResult> {
  // The Markdown renderer is loaded only when sections are rendered: check does not need it.
  const md = render ? await import('../render/markdown.js') : undefined;
  const markdown = md?.createMarkdownRenderer();
  const html: RenderedSections = new Map();
  let fileCount = 0;
  // Folders checked here, not taken from the cache: their bodies' copy warnings may come from another thread.
  const fresh: { folder: string; sig: string; checked: IssueCheck; fileCount: number }[] = [];
  // With `render`, the thread starts at once: every folder's sections go to it, cached or not.
  let aside = render ? startAside() : undefined;
  let asideDecided = render;
  // Folders listed by the stat pass and not in the cache are read ahead on that thread, in order.
  if (aside && listings) {
    const toRead: FolderToRead[] = [];
    for (const folder of folders) {
      const listing = listings.get(folder);
      if (listing && !cache?.get(folder, listing.sig)) toRead.push({ folder, names: sourcesToRead(listing.files) });
    }
    if (toRead.length > 0) aside.readAhead(root, toRead);
  }
  const checks = await mapLimit(folders, 16, async (folder) => {
    const listing = listings?.get(folder);
    const sig = cache ? (listing?.sig ?? folderSignature(root, folder)) : '';
    const hit = cache?.get(folder, sig);
    let checked: IssueCheck;
    let bodies: BodyOfText[] | undefined;
    if (hit) {
      fileCount += hit.fileCount;
      checked = hit.check;
    } else {
      if (!asideDecided) {
        asideDecided = true;
        aside = startAside();
      }
      const loaded = await loadIssue(root, folder, listing?.files, aside?.sources(folder));
      fileCount += loaded.fileCount;
      const own = loaded.value
        ? checkIssue(loaded.value, config, { bodyCopy: !aside })
        : { value: undefined, diagnostics: [] };
      if (aside && loaded.value)
        bodies = loaded.value.submissions.map(({ file, body, bodyLine, text }) => ({ file, body, bodyLine, text }));
      checked = { value: own.value, diagnostics: [...loaded.diagnostics, ...own.diagnostics] };
      fresh.push({ folder, sig, checked, fileCount: loaded.fileCount });
    }
    const sections: SectionHtml[] = [];
    if (md && markdown && checked.value) {
      await md.loadMarkdownPipeline(checked.value.submissions.map((s) => s.body));
      for (const s of checked.value.submissions) {
        try {
          const rendered = markdown(s.body, s.title);
          md.rememberSection(html, s.body, s.title, rendered);
          sections.push({ file: s.file, html: rendered });
        } catch {
          // Left for the site's renderer, which reports it with the file's name (render/markdown).
        }
      }
    }
    if (aside && (bodies || sections.length > 0)) aside.sendFolder(folder, bodies, sections);
    return checked;
  });
  // The bodies' copy warnings come last in each folder's list, as checkIssue puts them.
  const copies = aside ? await aside.copyResults() : undefined;
  for (const f of fresh) {
    f.checked.diagnostics.push(...(copies?.get(f.folder) ?? []));
    cache?.set(f.folder, { sig: f.sig, check: f.checked, fileCount: f.fileCount });
  }
  const cacheWritten = cache ? cache.save(folders) : Promise.resolve();
  return { checks, fileCount, html, cacheWritten };
}
