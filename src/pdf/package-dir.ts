import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * The folder and version of an installed npm package. Looked up along Node's
 * search paths rather than with require.resolve, since pagedjs and fontsource
 * do not export their package.json (nor the files we serve).
 */
export function packageDir(name: string): { dir: string; version: string } {
  for (const base of require.resolve.paths(name) ?? []) {
    const manifest = join(base, name, 'package.json');
    if (existsSync(manifest)) {
      return {
        dir: join(base, name),
        version: (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version,
      };
    }
  }
  throw new Error(`npm package ${name} is not installed: run npm ci`);
}
