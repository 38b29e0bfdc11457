import { expect, it } from 'vitest';
import { check } from '../../src/api.js';
import { edit, sampleProject } from '../helpers.js';
import { describeFamily } from './run-examples.js';

describeFamily('issue');

it("issue/match names the issue's own number", async () => {
  const root = sampleProject();
  edit(root, 'issues/2009-18/04-qiyang.md', 'issue: 18', 'issue: 17');
  const [d] = (await check({ root })).diagnostics.filter((x) => x.rule === 'issue/match');
  expect(d).toMatchObject({ file: 'issues/2009-18/04-qiyang.md', line: 2, column: 8, severity: 'error' });
  expect(d!.message).toContain('18');
});
