import { readdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderListing } from '../src/load/folder-listing.js';
import { loadIssue } from '../src/load/load-project.js';
import { sampleProject } from './helpers.js';

describe("loading an issue folder from the stat pass's listing", () => {
  it('lists the files readdir lists (a symbolic link is not one, it is reported) and loads what a fresh listing loads', async () => {
    const root = sampleProject();
    const dir = join(root, 'issues', '2009-18');
    symlinkSync(join(dir, 'issue.yml'), join(dir, 'link.md'));
    const listing = folderListing(root, '2009-18');
    expect(listing.files.sort()).toEqual(
      readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => e.name)
        .sort(),
    );
    expect(listing.files).not.toContain('link.md');
    expect(listing.links).toEqual(['link.md']);
    const loaded = await loadIssue(root, '2009-18', listing);
    expect(loaded).toEqual(await loadIssue(root, '2009-18'));
    // The link is not followed, but reported.
    expect(loaded.diagnostics.filter((d) => d.rule === 'folder/symlink').map((d) => d.file)).toEqual([
      'issues/2009-18/link.md',
    ]);
  });

  it('lists the folder again when a listed file has gone since', async () => {
    const root = sampleProject();
    const listing = folderListing(root, '2009-18');
    const gone = listing.files.find((n) => n.endsWith('.md'))!;
    rmSync(join(root, 'issues', '2009-18', gone));
    const loaded = await loadIssue(root, '2009-18', listing);
    expect(loaded.value?.submissions.map((s) => s.name)).not.toContain(gone);
    expect(loaded.value?.submissions.length).toBe(listing.files.filter((n) => n.endsWith('.md')).length - 1);
    expect(loaded).toEqual(await loadIssue(root, '2009-18'));
  });
});
