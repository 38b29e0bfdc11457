import type { BodyText } from '../check/copy-diagnostics.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceRead } from '../load/read-source.js';
import type { County } from '../model/config.js';
import type { SearchDoc } from '../search/records.js';

/**
 * The executor: the one seam between the pipeline and where its side work
 * runs. The pipeline hands it plain data (files to read, bodies, rendered
 * sections, search docs) and gets plain data back; whether that work runs on
 * this thread (inline-executor.ts) or on a worker thread beside it
 * (thread-executor.ts) is this folder's business alone. Both give the same
 * results, byte for byte (tests hold them equal).
 */
export interface Executor {
  /** Starts reading and decoding these folders' files, in this order (a hint: inline, it does nothing). */
  readAhead(root: string, folders: readonly FolderToRead[]): void;
  /** A folder's files as read ahead, by name; undefined when they were not (the caller reads them). */
  sourcesRead(folder: string): Promise<ReadonlyMap<string, SourceRead> | undefined>;
  /** The copy rules' warnings on a folder's bodies, in body order. */
  copyWarnings(bodies: readonly BodyOfText[]): Promise<Diagnostic[]>;
  /** Hands over a folder's rendered sections as soon as they exist, so their search text is taken out meanwhile. */
  sectionsRendered(sections: readonly SectionHtml[]): void;
  /** Makes the search index of these write-ups, in the site's order; its files are written when asked. */
  searchIndex(docs: readonly SearchDoc[], counties: readonly County[]): SearchIndexJob;
  /** Ends the work without waiting. */
  close(): void;
}

/** A folder's files to read ahead: the names loading will read (sourcesToRead). */
export interface FolderToRead {
  folder: string;
  names: string[];
}

/** A submission's body and the whole text of its file (the body is its end). */
export type BodyOfText = BodyText & { text: string };

/** A section's rendered HTML, by the submission's file. */
export interface SectionHtml {
  file: string;
  html: string;
}

/** The search index being made: its files are written into a folder when asked, each as soon as it is made. */
export interface SearchIndexJob {
  /** Writes the index's files into `dir`; resolves with how many. */
  writeInto(dir: string): Promise<number>;
}

/** Below this many issue folders a worker thread costs more than it saves (measured: bench/README.md). */
export const MIN_FOLDERS_FOR_THREAD = 80;

/** Whether a run over `folders` folders would start a thread (so the caller may start it early). */
export function wantsThread(folders: number): boolean {
  return folders >= MIN_FOLDERS_FOR_THREAD;
}
