import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, check } from '../src/api.js';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';
import { digest, edit, REPO, sampleProject, writeFile } from './helpers.js';

const errors = (ds: Diagnostic[]) => ds.filter((d) => d.severity === 'error');
const known = (ds: Diagnostic[]) => ds.filter((d) => d.rule === 'county/known');
const QIYANG = 'issues/2009-18/04-qiyang.md';

describe('the check cache', () => {
  it('gives back, from the cache, exactly the diagnostics and issues of a fresh check', async () => {
    const root = sampleProject();
    edit(root, QIYANG, 'county: 祁阳县', 'county: 永州县');
    const fresh = await check({ root });
    expect(existsSync(join(root, 'node_modules', '.cache', 'yongzu', 'check.json'))).toBe(true);
    const cached = await check({ root });
    expect(cached.diagnostics.length).toBeGreaterThan(50);
    expect(cached.diagnostics).toEqual(fresh.diagnostics);
    expect(cached.issues).toEqual(fresh.issues);
  });

  it('an edit of the same size right after a check is seen by the next check', async () => {
    const root = sampleProject();
    expect(errors((await check({ root })).diagnostics)).toEqual([]);
    edit(root, QIYANG, 'county: 祁阳县', 'county: 永州县');
    expect(known((await check({ root })).diagnostics)[0]).toMatchObject({ file: QIYANG, line: 3, column: 9 });
    edit(root, QIYANG, 'county: 永州县', 'county: 祁阳县');
    expect(errors((await check({ root })).diagnostics)).toEqual([]);
  });

  it('a configuration change checks everything again', async () => {
    const root = sampleProject();
    await check({ root });
    writeFile(root, 'yongzu.config.yml', 'counties:\n  - 江华县\n  - 双牌县\n  - 道县\n');
    expect(known((await check({ root })).diagnostics).map((d) => d.file)).toEqual([QIYANG]);
  });

  it('check keeps the bodies it did not read: a build after checks and an edit renders what a fresh build does', async () => {
    const root = mkdtempSync(join(tmpdir(), 'yongzu-memo-'));
    execFileSync(process.execPath, [join(REPO, 'bench', 'gen-corpus.mjs'), join(root, 'issues'), '--issues', '6']);
    const cache = join(root, 'node_modules', '.cache', 'yongzu');
    await check({ root });
    // check.json holds no body; the bodies are beside it, for build.
    expect(readFileSync(join(cache, 'check.json'), 'utf8')).not.toContain('"body"');
    expect(existsSync(join(cache, 'check-bodies.json'))).toBe(true);
    // An edit in one folder: the next check reads that folder only, and saves the others' bodies unread.
    const folder = readdirSync(join(root, 'issues')).sort()[2]!;
    const file = join(
      root,
      'issues',
      folder,
      readdirSync(join(root, 'issues', folder)).find((n) => n.endsWith('.md'))!,
    );
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n改过的一段。\n`);
    await check({ root });
    const memoized = await build({ root, pdf: false, out: join(root, 'from-memo') });
    expect(memoized.written).toBeDefined();
    // The same sources with no cache at all.
    const fresh = mkdtempSync(join(tmpdir(), 'yongzu-memo-fresh-'));
    execFileSync('cp', ['-r', join(root, 'issues'), fresh]);
    expect((await build({ root: fresh, pdf: false, out: join(root, 'fresh') })).written).toBeDefined();
    expect(digest(join(root, 'from-memo'))).toBe(digest(join(root, 'fresh')));
    expect(readFileSync(join(root, 'from-memo', 'index.html'), 'utf8').length).toBeGreaterThan(0);
  });
});
