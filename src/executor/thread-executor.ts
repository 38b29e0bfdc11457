import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { type DiagnosticTables, unpackDiagnostics } from '../diagnostics/pack-diagnostics.js';
import type { SourceRead } from '../load/read-source.js';
import type { County } from '../model/config.js';
import type { SearchDoc } from '../search/records.js';
import { onInterrupt } from '../write/interrupt.js';
import type { BodyOfText, Executor, SectionHtml } from './executor.js';
import { createInlineExecutor } from './inline-executor.js';
import { searchDocFiles } from '../search/index-in-steps.js';
import { writeEach } from './write-each.js';
import type { ThreadReply, ThreadRequest, SentBody } from './thread-protocol.js';
import { closeGate, createWriteGate } from './write-gate.js';

/**
 * The worker's young generation, in MB (about three semi-spaces; V8's
 * default lets it grow to several times this). The worker's garbage is
 * short-lived (file texts, search text, index chunks): a smaller nursery is
 * scavenged more often but holds less.
 * Measured, cold build --no-pdf, paired runs: 500 issues peak RSS 234 → 208 MB,
 * wall and CPU no worse (3.82 → 3.59 s, 6.8 → 6.2 s CPU); 2,000 issues 396–412 → 378–385 MB.
 */
const WORKER_YOUNG_GENERATION_MB = 8;

/**
 * The executor on one worker thread beside the main thread, for the work that
 * is different code from the main thread's, so neither thread compiles the
 * other's (measured on the 2-core machine: threads doing the same work as the
 * main thread made the build slower). It reads and decodes folders' files
 * ahead of the main thread; while the main thread parses, checks and renders
 * them, it runs the copy rules over their bodies and takes the search text
 * out of their sections; at the end of a build it makes the search index and
 * writes its files into the output's temporary folder. If the thread fails,
 * what is still owed is done inline.
 *
 * Undefined when the compiled worker is absent (running from the TypeScript
 * sources, as tests do): the caller uses the inline executor.
 */
export function startThreadExecutor(): Executor | undefined {
  const file = new URL('./thread-main.js', import.meta.url);
  if (!existsSync(fileURLToPath(file))) return undefined;
  const inline = createInlineExecutor();
  // On Ctrl-C, no file of the index may be written after the temporary output folder is removed.
  const gate = createWriteGate();
  const unregister = onInterrupt(() => closeGate(gate));
  const worker = new Worker(file, {
    workerData: { gate },
    resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
  });
  let failed = false;
  let next = 0;
  /** Copy requests under way: their bodies (to redo inline if the thread fails) and their resolvers. */
  const copies = new Map<number, { bodies: readonly BodyOfText[]; resolve: (list: Diagnostic[]) => void }>();
  /** Folders asked to be read ahead: their files' promise until taken, their resolver until the files come. */
  const promised = new Map<string, Promise<ReadonlyMap<string, SourceRead> | undefined>>();
  const resolvers = new Map<string, (reads: ReadonlyMap<string, SourceRead> | undefined) => void>();
  /** Each folder's place in the order it is read ahead in: taking it lets the thread read on (thread-main.ts). */
  const readOrder = new Map<string, number>();
  /** Files whose text the thread read and keeps: their bodies are sent as where they start in it. */
  const kept = new Set<string>();
  /** The HTML each file's section was sent with: a doc with the same HTML is sent without it. */
  const sent = new Map<string, string>();
  let writing:
    | {
        docs: readonly SearchDoc[];
        counties: readonly County[];
        dir: string;
        resolve: (n: number) => void;
        reject: (e: Error) => void;
      }
    | undefined;

  const fail = () => {
    if (failed) return;
    failed = true;
    for (const resolve of resolvers.values()) resolve(undefined);
    resolvers.clear();
    for (const { bodies, resolve } of copies.values()) void inline.copyWarnings(bodies).then(resolve);
    copies.clear();
    if (writing) {
      const { docs, counties, dir, resolve, reject } = writing;
      writing = undefined;
      // All of the index again, less the write-ups' own files, which this thread has written (and writes again).
      inline
        .searchIndex(docs, counties)
        .writeInto(dir)
        .then((n) => resolve(n - docs.length), reject);
    }
  };
  /**
   * The strings of the copy warnings' tables, once each: every reply brings its own copies of the same few
   * messages and rule ids (at 2,000 issues, 327,000 warnings held through the build).
   */
  const strings = new Map<string, string>();
  const intern = (list: string[]) =>
    list.map((x) => {
      const known = strings.get(x);
      if (known !== undefined) return known;
      strings.set(x, x);
      return x;
    });
  const internTables = (t: DiagnosticTables): DiagnosticTables => ({
    files: t.files,
    rules: intern(t.rules),
    messages: intern(t.messages),
  });
  worker.on('message', (reply: ThreadReply) => {
    if (reply.kind === 'sources') {
      for (const [name, read] of reply.reads) if (read.kind === 'text') kept.add(`issues/${reply.folder}/${name}`);
      resolvers.get(reply.folder)?.(new Map(reply.reads));
      resolvers.delete(reply.folder);
    } else if (reply.kind === 'copy') {
      const pending = copies.get(reply.id);
      copies.delete(reply.id);
      pending?.resolve(unpackDiagnostics(reply.rows, internTables(reply.tables)));
    } else if (writing) {
      const { resolve, reject } = writing;
      writing = undefined;
      if (reply.kind === 'written') resolve(reply.count);
      else reject(Object.assign(new Error(reply.message), { code: reply.code }));
    }
  });
  worker.once('error', fail);
  worker.once('exit', fail);
  const post = (request: ThreadRequest) => worker.postMessage(request);

  return {
    readAhead(root, folders) {
      if (failed) return;
      for (const { folder } of folders) {
        promised.set(folder, new Promise((resolve) => resolvers.set(folder, resolve)));
        readOrder.set(folder, readOrder.size);
      }
      post({ kind: 'read', root, folders: [...folders] });
    },
    sourcesRead(folder) {
      const promise = promised.get(folder) ?? Promise.resolve(undefined);
      promised.delete(folder);
      const index = readOrder.get(folder);
      if (index !== undefined && !failed) post({ kind: 'taken', index });
      return promise;
    },
    copyWarnings(bodies) {
      if (failed) return inline.copyWarnings(bodies);
      const id = next++;
      const sentBodies = bodies.map(
        ({ file, body, bodyLine, text }): SentBody =>
          kept.delete(file) && text.endsWith(body)
            ? { file, bodyLine, bodyStart: text.length - body.length }
            : { file, body, bodyLine },
      );
      post({ kind: 'copy', id, bodies: sentBodies });
      return new Promise((resolve) => copies.set(id, { bodies, resolve }));
    },
    sectionsRendered(sections: readonly SectionHtml[]) {
      if (failed || sections.length === 0) return;
      for (const s of sections) sent.set(s.file, s.html);
      post({ kind: 'sections', sections: [...sections] });
    },
    searchIndex(docs, counties) {
      if (!failed) {
        post({
          kind: 'index',
          docs: docs.map(({ file, html, meta }) => (sent.get(file) === html ? { file, meta } : { file, html, meta })),
          counties: [...counties],
        });
      }
      return {
        writeInto(dir) {
          if (failed) return inline.searchIndex(docs, counties).writeInto(dir);
          const entries = new Promise<number>((resolve, reject) => {
            writing = { docs, counties, dir, resolve, reject };
            post({ kind: 'write', dir });
          });
          // Meanwhile the write-ups' own files, one per write-up, are written here, where their HTML is: the
          // thread then keeps no text, and the two threads share the writing of the index's thousands of files.
          let own = 0;
          try {
            own = writeEach(dir, searchDocFiles(docs));
          } catch (e) {
            entries.catch(() => undefined);
            return Promise.reject(e);
          }
          return entries.then((n) => n + own);
        },
      };
    },
    close() {
      failed = true; // nothing is owed any more
      unregister();
      void worker.terminate();
    },
  };
}
