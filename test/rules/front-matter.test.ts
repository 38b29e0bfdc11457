import { describe, expect, it } from 'vitest';
import { check } from '../../src/api.js';
import { edit, sampleProject } from '../helpers.js';
import { describeFamily } from './run-examples.js';

describeFamily('front-matter');

describe('front-matter/fullwidth-colon', () => {
  it('names the colon, and is not also reported as a YAML error', async () => {
    const root = sampleProject();
    edit(root, 'issues/2009-18/04-qiyang.md', 'county: 祁阳县', 'county：祁阳县');
    const ds = (await check({ root })).diagnostics;
    const [d] = ds.filter((x) => x.rule === 'front-matter/fullwidth-colon');
    expect(d).toMatchObject({ line: 3, column: 7, severity: 'error' });
    expect(d!.message).toContain('全角冒号');
    expect(ds.filter((x) => x.rule === 'front-matter/yaml')).toEqual([]);
  });
});
