import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { searchPaths } from '../render/templates.js';
import type { OutputFile } from '../model/output-file.js';

/** The site's stylesheet and search scripts, the project's own overriding the built-in ones. */
export async function loadSiteAssets(root: string): Promise<OutputFile[]> {
  const out: OutputFile[] = [];
  const assets = [
    ['styles', 'site.css'],
    ['assets', 'search.js'],
    ['assets', 'search-engine.js'],
  ] as const;
  for (const [kind, name] of assets) {
    for (const dir of searchPaths(root, kind)) {
      const content = await readFile(join(dir, name)).catch(() => undefined);
      if (content) {
        out.push({ path: `assets/${name}`, content });
        break;
      }
    }
  }
  return out;
}
