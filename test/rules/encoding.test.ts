import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/api.js';
import { readSample, sampleProject } from '../helpers.js';
import { describeFamily } from './run-examples.js';

describeFamily('encoding');

const QIYANG = 'issues/2009-18/04-qiyang.md';

describe('encodings read right', () => {
  it('UTF-8 with BOM and CRLF line ends are accepted silently, positions unchanged', async () => {
    const root = sampleProject();
    const text = readSample('04-qiyang.md').replace('county: 祁阳县', 'county: 永州县').replace(/\n/g, '\r\n');
    writeFileSync(join(root, QIYANG), `\uFEFF${text}`);
    const ds = (await check({ root })).diagnostics;
    expect(ds.filter((d) => d.rule === 'encoding/not-utf8')).toEqual([]);
    expect(ds.find((d) => d.rule === 'county/known')).toMatchObject({ line: 3, column: 9 });
  });

  it('GB18030 is transcoded with a warning that names it, and read correctly', async () => {
    const root = sampleProject();
    writeFileSync(join(root, QIYANG), iconv.encode(readSample('04-qiyang.md'), 'gb18030'));
    const { diagnostics, issues } = await check({ root });
    expect(diagnostics.find((d) => d.rule === 'encoding/not-utf8')!.message).toContain('GB18030');
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(issues[0]!.submissions[3]!.title).toBe('祁阳县注重企业培训提升班子发展能力');
  });
});
