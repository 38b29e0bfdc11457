import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers.js';

/** Every .ts file under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('source layout', () => {
  it('no line in src/ is longer than 120 characters (Biome formats code; strings and comments are wrapped by hand)', () => {
    const long = sources(join(REPO, 'src')).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => ([...line].length > 120 ? [`${relative(REPO, file)}:${i + 1}`] : [])),
    );
    expect(long).toEqual([]);
  });
});
