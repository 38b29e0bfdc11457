import type { County } from '../model/config.js';
import type { OutputFile } from '../model/output-file.js';
import { createIndexBuilder, docFile } from './index-builder.js';
import { htmlToText, type SearchDoc } from './records.js';

/**
 * The site's search index in one pass over the write-ups in the site's order:
 * each write-up's file as soon as it is read, then the entry files and the
 * manifest. One file per step, so a caller may write each at once (a build)
 * or stop between any two (dev, when the next save comes).
 */
export function* searchIndexFiles(docs: readonly SearchDoc[], counties: readonly County[]): Generator<OutputFile> {
  const builder = createIndexBuilder();
  for (const [i, doc] of docs.entries()) yield docFile(i, doc.meta, builder.add(doc.html).text);
  yield* builder.finish(
    docs.map((_, i) => i),
    docs.map((d) => d.meta),
    counties,
  );
}

/** The write-ups' own files (their results and texts), in the site's order: the part of the index made apart. */
export function* searchDocFiles(docs: readonly SearchDoc[]): Generator<OutputFile> {
  for (const [i, doc] of docs.entries()) yield docFile(i, doc.meta, htmlToText(doc.html));
}

/** A doc as sent to the index's thread: without its HTML when that was sent ahead with its folder. */
export type SentDoc = Omit<SearchDoc, 'html'> & { html?: string };

/**
 * The search index made in two steps, for a thread that gets the write-ups'
 * HTML folder by folder while the build checks them (executor/thread-jobs.ts):
 * each one is indexed as it comes (add), and the entry files and the manifest
 * are made once the site's order is known (files). With searchDocFiles (made
 * where the HTML is, beside), they are searchIndexFiles' over the same
 * write-ups, byte for byte (a test holds them equal), whatever order the HTML
 * came in. Nothing of a write-up is kept but what the index holds.
 */
export function createSearchTexts(): {
  add(file: string, html: string): void;
  files(docs: readonly SentDoc[], counties: readonly County[]): Generator<OutputFile>;
} {
  const builder = createIndexBuilder();
  const added = new Map<string, number>();
  const add = (file: string, html: string) => void added.set(file, builder.add(html).id);
  return {
    add,
    *files(docs, counties) {
      const order = docs.map((doc) => {
        // Sent with its HTML: not sent ahead, or rendered otherwise since.
        if (doc.html !== undefined) add(doc.file, doc.html);
        const found = added.get(doc.file);
        if (found === undefined) throw new Error(`no text sent for ${doc.file}`);
        return found;
      });
      added.clear();
      yield* builder.finish(
        order,
        docs.map((d) => d.meta),
        counties,
      );
    },
  };
}
