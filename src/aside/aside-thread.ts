import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { bodyCopyDiagnostics, type BodyText } from '../check/copy-diagnostics.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { unpackDiagnostics, type DiagnosticTables } from '../diagnostics/pack-diagnostics.js';
import type { SourceRead } from '../load/read-source.js';
import { createSearchIndexOfDocs, type SentDoc } from '../search/search-texts.js';
import type { SearchDoc } from '../site/search-records.js';
import { onInterrupt } from '../write/interrupt.js';
import { closeGate, createWriteGate } from '../write/write-gate.js';
import { writeFilesInto } from '../write/write-output.js';

/** Below this many issue folders, the work runs on the main thread: starting a thread would cost more than it saves. */
export const MIN_FOLDERS_ASIDE = 80;

/** A section's rendered HTML, sent with its folder. */
export interface SectionHtml {
  file: string;
  html: string;
}

/**
 * A body as sent for the copy rules: where it starts in its file's text when the thread read that file, else the body
 * itself.
 */
export type SentBody = { file: string; bodyLine: number } & ({ body: string } | { bodyStart: number });

/** A submission's body and the whole text it is the end of. */
export type BodyOfText = BodyText & { text: string };

/** A folder's files to read ahead (sourcesToRead). */
export interface FolderToRead {
  folder: string;
  names: string[];
}

export type AsideRequest =
  | { kind: 'read'; root: string; folders: FolderToRead[] }
  | { kind: 'folder'; id: number; bodies: SentBody[] | undefined; sections: SectionHtml[] }
  | { kind: 'index'; docs: SentDoc[] }
  | { kind: 'write'; dir: string };
export type AsideReply =
  | { kind: 'sources'; folder: string; reads: [string, SourceRead][] }
  | { kind: 'copy'; id: number; rows: Int32Array; tables: DiagnosticTables }
  | { kind: 'written'; count: number }
  | { kind: 'write-failed'; code: string | undefined; message: string };

/** The search index being made on the thread: its files are written into the output's temporary folder when asked. */
export interface SearchIndexJob {
  /** Writes the index's files into `dir`; resolves with how many (as writeOutput's `later`). */
  writeInto(dir: string): Promise<number>;
}

/**
 * One worker thread beside a check or a build, for the work that is different
 * code from the main thread's, so neither thread compiles the other's
 * (measured on the 2-core machine: threads doing the same work as the main
 * thread made the build slower). In a build it reads and decodes the
 * folders' files ahead of the main thread; while the main thread parses,
 * checks and renders them, it runs the copy rules over their bodies and
 * takes the search text out of their sections; at the end of a build it
 * makes the search index and writes its files into the output's temporary
 * folder. What it gives is what the main thread would make: the same
 * warnings (test/copy-aside.test.ts), the same index files
 * (test/index-aside.test.ts), the same loaded files (test/read-ahead.test.ts).
 * If the thread fails, the main thread does the rest itself.
 */
export interface AsideThread {
  /**
   * Has these folders' files read and decoded, in this order, while this thread parses and checks the ones already
   * read.
   */
  readAhead(root: string, folders: FolderToRead[]): void;
  /**
   * A folder's files as read ahead, by name (a file that could not be read is left out); undefined when not asked or
   * when the thread failed.
   */
  sources(folder: string): Promise<ReadonlyMap<string, SourceRead> | undefined>;
  /**
   * Sends a folder: its bodies for the copy rules (undefined when taken from the check cache) and its rendered
   * sections.
   */
  sendFolder(folder: string, bodies: BodyOfText[] | undefined, sections: SectionHtml[]): void;
  /** The copy warnings of every folder whose bodies were sent, by folder. */
  copyResults(): Promise<Map<string, Diagnostic[]>>;
  /** Starts the search index of these write-ups, in the site's order. */
  searchIndex(docs: readonly SearchDoc[]): SearchIndexJob;
  /** Ends the thread without waiting. */
  stop(): void;
}

/** The aside thread, or undefined when its compiled worker is absent (run from sources, in tests). */
export function startAside(): AsideThread | undefined {
  const file = new URL('./aside-worker.js', import.meta.url);
  if (!existsSync(fileURLToPath(file))) return undefined;
  // On Ctrl-C, no file of the index may be written after the temporary output folder is removed.
  const gate = createWriteGate();
  const unregister = onInterrupt(() => closeGate(gate));
  const worker = new Worker(file, { workerData: { gate } });
  const pending = new Map<number, { folder: string; bodies: BodyOfText[] }>();
  const copies = new Map<string, Diagnostic[]>();
  // The HTML each file's section was sent with: a doc with the same HTML is sent without it.
  const sent = new Map<string, string>();
  let failed = false;
  let next = 0;
  let copiesDone: (() => void) | undefined;
  // Folders asked to be read ahead: their files' promise until this thread takes it, their resolver until the files
  // come.
  const promised = new Map<string, Promise<ReadonlyMap<string, SourceRead> | undefined>>();
  const resolvers = new Map<string, (reads: ReadonlyMap<string, SourceRead> | undefined) => void>();
  const expect = (folder: string) => promised.set(folder, new Promise((resolve) => resolvers.set(folder, resolve)));
  const kept = new Set<string>();
  let docsSent: readonly SearchDoc[] | undefined;
  let writing: { dir: string; resolve: (count: number) => void; reject: (e: Error) => void } | undefined;
  // What this thread makes and writes when the worker cannot.
  const writeInline = (dir: string) => writeFilesInto(dir, createSearchIndexOfDocs(docsSent ?? []));
  const settle = () => {
    if (failed) {
      for (const resolve of resolvers.values()) resolve(undefined);
      resolvers.clear();
    }
    if (copiesDone && (pending.size === 0 || failed)) copiesDone();
    if (writing && failed) {
      const { dir, resolve, reject } = writing;
      writing = undefined;
      try {
        resolve(writeInline(dir));
      } catch (e) {
        reject(e as Error);
      }
    }
  };
  worker.on('message', (reply: AsideReply) => {
    if (reply.kind === 'sources') {
      // The thread keeps the texts it read until their bodies' copy rules run: a body is then sent as where it starts.
      for (const [name, read] of reply.reads) if (read.kind === 'text') kept.add(`issues/${reply.folder}/${name}`);
      resolvers.get(reply.folder)?.(new Map(reply.reads));
      resolvers.delete(reply.folder);
      return;
    }
    if (reply.kind === 'copy') {
      const folder = pending.get(reply.id);
      if (!folder) return;
      pending.delete(reply.id);
      copies.set(folder.folder, unpackDiagnostics(reply.rows, reply.tables));
    } else if (writing) {
      const { resolve, reject } = writing;
      writing = undefined;
      if (reply.kind === 'written') resolve(reply.count);
      else reject(Object.assign(new Error(reply.message), { code: reply.code }));
    }
    settle();
  });
  const fail = () => {
    failed = true;
    settle();
  };
  worker.once('error', fail);
  worker.once('exit', fail);
  return {
    readAhead(root, folders) {
      if (failed) return;
      for (const { folder } of folders) expect(folder);
      worker.postMessage({ kind: 'read', root, folders } satisfies AsideRequest);
    },
    sources(folder) {
      const promise = promised.get(folder) ?? Promise.resolve(undefined);
      promised.delete(folder);
      return promise;
    },
    sendFolder(folder, bodies, sections) {
      if (failed) {
        if (bodies) copies.set(folder, bodies.flatMap(bodyCopyDiagnostics));
        return;
      }
      const id = next++;
      if (bodies) pending.set(id, { folder, bodies });
      for (const s of sections) sent.set(s.file, s.html);
      const sentBodies = bodies?.map(
        ({ file, body, bodyLine, text }): SentBody =>
          kept.delete(file) && text.endsWith(body)
            ? { file, bodyLine, bodyStart: text.length - body.length }
            : { file, body, bodyLine },
      );
      worker.postMessage({ kind: 'folder', id, bodies: sentBodies, sections } satisfies AsideRequest);
    },
    async copyResults() {
      if (pending.size > 0 && !failed) await new Promise<void>((resolve) => (copiesDone = resolve));
      copiesDone = undefined;
      for (const { folder, bodies } of pending.values()) copies.set(folder, bodies.flatMap(bodyCopyDiagnostics));
      pending.clear();
      return copies;
    },
    searchIndex(docs) {
      docsSent = docs;
      if (!failed) {
        const request: AsideRequest = {
          kind: 'index',
          docs: docs.map(({ file, html, meta }) => (sent.get(file) === html ? { file, meta } : { file, html, meta })),
        };
        worker.postMessage(request);
      }
      return {
        writeInto(dir) {
          if (failed) return Promise.resolve().then(() => writeInline(dir));
          return new Promise<number>((resolve, reject) => {
            writing = { dir, resolve, reject };
            worker.postMessage({ kind: 'write', dir } satisfies AsideRequest);
          });
        },
      };
    },
    stop() {
      unregister();
      void worker.terminate();
    },
  };
}
