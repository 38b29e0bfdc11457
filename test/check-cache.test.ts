import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../src/api.js';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';
import { edit, sampleProject, writeFile } from './helpers.js';

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
});
