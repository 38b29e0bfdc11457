import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { check } from '../../src/api.js';
import { readSample, sampleProject, writeFile } from '../helpers.js';
import { describeFamily } from './run-examples.js';

describeFamily('folder');

it('folder/no-issue-yml: a new folder holding only a submission', async () => {
  const root = sampleProject();
  writeFile(root, 'issues/2009-19/01-x.md', readSample('01-jianghua.md'));
  const [d] = (await check({ root })).diagnostics.filter((x) => x.rule === 'folder/no-issue-yml');
  expect(d).toMatchObject({ file: 'issues/2009-19/01-x.md', severity: 'error' });
});

it('folder/no-issue-yml: a folder whose issue.yml was removed, once', async () => {
  const root = sampleProject();
  rmSync(join(root, 'issues/2009-18/issue.yml'));
  expect((await check({ root })).diagnostics.filter((d) => d.rule === 'folder/no-issue-yml')).toHaveLength(1);
});
