import { createCharTable, createSearchIndex, writeSearchIndex } from './create-search-index.js';
import type { OutputFile } from '../model/output-file.js';
import { htmlToText, searchRecordOf, type SearchDoc, type SearchRecord } from './records.js';

/** The search index of the site's write-ups made in one step (the inline executor, or when the thread failed). */
export function createSearchIndexOfDocs(docs: readonly SearchDoc[]): OutputFile[] {
  return createSearchIndex(docs.map((doc) => searchRecordOf(doc)));
}

/** A doc as sent to the index's thread: without its HTML when that was sent ahead with its folder. */
export type SentDoc = Omit<SearchDoc, 'html'> & { html?: string };

/**
 * The search index made in two steps, for a thread that gets the write-ups'
 * HTML folder by folder while the build checks them (executor/thread-jobs.ts):
 * each one's text is taken out and numbered as it comes (add), and the index
 * is written once the site's order is known (index). The files are those of
 * createSearchIndex over the same records, byte for byte (a test holds them
 * equal): normalizing the theme and the text apart gives the characters of
 * normalizing `theme\ntext`, as the line break is dropped and stops every
 * rule that looks across it.
 */
export function createSearchTexts(): {
  add(file: string, html: string): void;
  index(docs: readonly SentDoc[]): OutputFile[];
} {
  const chars = createCharTable();
  const texts = new Map<string, { text: string; ids: Int32Array }>();
  const themes = new Map<string, Int32Array>();
  const prepare = (html: string) => {
    const text = htmlToText(html);
    return { text, ids: chars.ids(text) };
  };
  return {
    add(file, html) {
      texts.set(file, prepare(html));
    },
    index(docs) {
      const ids: Int32Array[][] = [];
      const metas: SearchRecord['meta'][] = [];
      for (const doc of docs) {
        const prepared = doc.html === undefined ? texts.get(doc.file) : prepare(doc.html);
        if (!prepared) throw new Error(`no text sent for ${doc.file}`);
        let theme = themes.get(doc.meta.theme);
        if (!theme) themes.set(doc.meta.theme, (theme = chars.ids(doc.meta.theme)));
        ids.push([theme, prepared.ids]);
        metas.push({ ...doc.meta, text: prepared.text });
      }
      return writeSearchIndex(chars, ids, metas);
    },
  };
}
