import { bodyCopyDiagnostics } from '../check/copy-diagnostics.js';
import { createSearchIndexOfDocs } from '../search/index-in-steps.js';
import { writeFilesInto } from '../write/write-files.js';
import type { Executor } from './executor.js';

/** The executor that does its work on the calling thread, when it is asked: the plain path. */
export function createInlineExecutor(): Executor {
  return {
    readAhead() {},
    sourcesRead: () => Promise.resolve(undefined),
    copyWarnings: (bodies) => Promise.resolve(bodies.flatMap(bodyCopyDiagnostics)),
    sectionsRendered() {},
    searchIndex(docs) {
      return { writeInto: async (dir) => writeFilesInto(dir, createSearchIndexOfDocs(docs)) };
    },
    close() {},
  };
}
