import { expect, it } from 'vitest';
import { check } from '../../src/api.js';
import { edit, sampleProject } from '../helpers.js';
import { describeFamily } from './run-examples.js';

describeFamily('theme');

it('theme/declared suggests the theme meant', async () => {
  const root = sampleProject();
  edit(
    root,
    'issues/2009-18/04-qiyang.md',
    'theme: 各县区创新组织工作服务新型工业化发展',
    'theme: 各县区创新组织工作服务新型工业化',
  );
  const [d] = (await check({ root })).diagnostics.filter((x) => x.rule === 'theme/declared');
  expect(d).toMatchObject({ file: 'issues/2009-18/04-qiyang.md', line: 4, column: 8 });
  expect(d!.message).toContain('是不是「各县区创新组织工作服务新型工业化发展」');
});
