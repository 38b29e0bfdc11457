import { expect, it } from 'vitest';
import { check } from '../../src/api.js';
import { sampleProject, writeFile } from '../helpers.js';
import { describeFamily } from './run-examples.js';

describeFamily('pdf');

it('pdf/page-budget in check says by how much the last PDF ran over', async () => {
  const root = sampleProject();
  writeFile(
    root,
    'node_modules/.cache/yongzu/pages.json',
    JSON.stringify({ '2009-18': { pages: 6, at: '2026-11-27T00:00:00Z' } }),
  );
  const [d] = (await check({ root })).diagnostics.filter((x) => x.rule === 'pdf/page-budget');
  expect(d).toMatchObject({ file: 'issues/2009-18/issue.yml', line: 1, severity: 'warning' });
  expect(d!.message).toContain('超出页数预算（4 页）2 页');
});
