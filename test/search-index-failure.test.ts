import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { sampleProject } from './helpers.js';

// Pagefind's service fails as it would with its platform binary missing.
vi.mock('pagefind', () => ({
  createIndex: async () => ({ errors: ['no binary for this platform'], index: undefined }),
  close: async () => null,
}));

describe('a failing search index', () => {
  it('stops the build with a diagnostic and writes nothing', async () => {
    const { build } = await import('../src/api.js');
    const root = sampleProject();
    const result = await build({ root, pdf: false });
    expect(result.written).toBeUndefined();
    const d = result.diagnostics.find((x) => x.rule === 'build/search-index');
    expect(d?.severity).toBe('error');
    expect(d?.message).toContain('no binary for this platform');
    expect(existsSync(join(root, 'dist'))).toBe(false);
  });
});
