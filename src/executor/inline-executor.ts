import { bodyCopyDiagnostics } from '../check/copy-diagnostics.js';
import { searchIndexFiles } from '../search/index-in-steps.js';
import type { Executor } from './executor.js';
import { writeEach } from './write-each.js';

/** The executor that does its work on the calling thread, when it is asked: the plain path. */
export function createInlineExecutor(): Executor {
  return {
    readAhead() {},
    sourcesRead: () => Promise.resolve(undefined),
    copyWarnings: (bodies) => Promise.resolve(bodies.flatMap(bodyCopyDiagnostics)),
    sectionsRendered() {},
    searchIndex(docs, counties) {
      return { writeInto: async (dir) => writeEach(dir, searchIndexFiles(docs, counties)) };
    },
    close() {},
  };
}
