import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import type { OutputFile } from '../src/model/output-file.js';
import { searchTokensScript } from '../src/search/tokens.js';
import { REPO } from './helpers.js';

const SITE = 'http://site.test/';

/** The browser's engine (assets/search-engine.js), as it runs in a page, over these index files. */
export interface Engine {
  search(
    query: string,
    filters?: { year?: string; county?: string; sort?: string },
  ): Promise<{
    terms: string[];
    termCounts: number[];
    short: string[];
    total: number;
    ids: number[];
    years: [number, number][];
    counties: [string, number][];
    page(
      from: number,
      n: number,
    ): Promise<{ id: number; href: string; title: string; county: string; passage: [string, boolean][] }[]>;
  }>;
  files(): string[];
}

/**
 * The site's search engine and shared tokenizer, run in a context of their
 * own as a page runs them: the index files are "scripts" that the fake
 * document runs when the engine adds them, a turn later, as a browser does.
 */
export function engineOver(files: Iterable<OutputFile>): Engine {
  const byPath = new Map<string, string>();
  for (const f of files) {
    byPath.set(f.path, typeof f.content === 'string' ? f.content : Buffer.from(f.content).toString('utf8'));
  }
  const context: Record<string, unknown> = { URL, console, setTimeout, Promise };
  context['self'] = context;
  context['document'] = {
    createElement: () => ({ src: '', remove() {} }),
    head: {
      append(script: { src: string; onload: () => void; onerror: () => void }) {
        setImmediate(() => {
          const source = byPath.get(new URL(script.src).pathname.slice(1));
          if (source === undefined) script.onerror();
          else {
            vm.runInContext(source, context);
            script.onload();
          }
        });
      },
    },
  };
  vm.createContext(context);
  vm.runInContext(searchTokensScript(), context);
  vm.runInContext(readFileSync(join(REPO, 'assets', 'search-engine.js'), 'utf8'), context);
  const api = context['YongzuSearch'] as { createSearchEngine(root: URL): Engine };
  return api.createSearchEngine(new URL(SITE));
}
