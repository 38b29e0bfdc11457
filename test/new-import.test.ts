import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { check, importDocument, newIssue, newSubmission } from '../src/api.js';
import { makeProject, sampleProject } from './helpers.js';

const TO = 'issues/2009-18';

describe('yongzu new', () => {
  it('new issue continues 期号 in the year and 总期号 across years', async () => {
    const root = sampleProject();
    const r = await newIssue({ root, date: new Date(2009, 6, 1), themes: ['基层党建'] });
    expect(r.value).toBe('issues/2009-19/issue.yml');
    expect(readFileSync(join(root, r.value!), 'utf8')).toBe(
      'year: 2009\nissue: 19\ntotal: 477\ndate: 2009-07-01\nthemes:\n  - 基层党建\n',
    );
    const next = await newIssue({ root, date: new Date(2010, 0, 5) });
    expect(next.value).toBe('issues/2010-01/issue.yml');
    expect(readFileSync(join(root, next.value!), 'utf8')).toContain('total: 478');
  });

  it('new submission writes the front-matter and the next prefix, never overwriting', async () => {
    const root = sampleProject();
    const r = await newSubmission({ root, to: TO, county: '东安县', title: '东安县抓实干部培训' });
    expect(r.value).toBe('issues/2009-18/05-dongan.md');
    expect(readFileSync(join(root, r.value!), 'utf8')).toBe(
      '---\nissue: 18\ncounty: 东安县\ntheme: 各县区创新组织工作服务新型工业化发展\ntitle: 东安县抓实干部培训\n---\n\n\n',
    );
    const dup = await newSubmission({ root, to: TO, county: '永州县' });
    expect(dup.value).toBeUndefined();
    expect(dup.diagnostics[0]!.rule).toBe('county/known');
  });
});

/** A Word file made here: a bold title line, paragraphs, a table and an image. */
async function wordFile(): Promise<Buffer> {
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
    'base64',
  );
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun({ text: '东安县创新干部培训机制', bold: true })] }),
          new Paragraph('一是建立培训基地。全县建立培训基地3个。'),
          new Paragraph({
            children: [new ImageRun({ type: 'png', data: png, transformation: { width: 10, height: 10 } })],
          }),
          new Paragraph('二是完善考核办法。把培训情况纳入年度考核。'),
          new Table({
            rows: [
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph('项目')] }),
                  new TableCell({ children: [new Paragraph('人数')] }),
                ],
              }),
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph('轮训')] }),
                  new TableCell({ children: [new Paragraph('120')] }),
                ],
              }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

describe('yongzu import', () => {
  it('turns a Word file into a submission: bold title, paragraphs, table kept, image dropped with a warning', async () => {
    const root = sampleProject();
    const file = join(makeProject(), '东安县.docx');
    writeFileSync(file, await wordFile());
    const r = await importDocument({ root, file, to: TO, county: '东安县' });
    expect(r.value).toBe('issues/2009-18/05-dongan.md');
    const text = readFileSync(join(root, r.value!), 'utf8');
    expect(text).toContain('title: 东安县创新干部培训机制\n');
    expect(text).toContain('一是建立培训基地。全县建立培训基地3个。\n\n二是完善考核办法。');
    expect(text).toMatch(/\| 项目 +\| 人数 +\|/);
    expect(r.diagnostics.map((d) => d.rule)).toContain('import/images-dropped');
    expect((await check({ root })).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('imports a GB18030 text file; the first sentence becomes the title', async () => {
    const root = sampleProject();
    const file = join(makeProject(), 'lanshan.txt');
    writeFileSync(file, iconv.encode('蓝山县扎实推进基层党建。一是抓班子。\r\n二是带队伍。\r\n', 'gb18030'));
    const r = await importDocument({ root, file, to: TO, county: '蓝山县' });
    const text = readFileSync(join(root, r.value!), 'utf8');
    expect(text).toContain('title: 蓝山县扎实推进基层党建\n');
    expect(text).toContain('\n\n一是抓班子。\n\n二是带队伍。\n');
    expect(r.diagnostics.map((d) => d.rule)).toContain('encoding/not-utf8');
  });

  it('a damaged Word file: an error in Chinese and no file written', async () => {
    const root = sampleProject();
    const file = join(makeProject(), 'bad.docx');
    writeFileSync(file, Buffer.concat([(await wordFile()).subarray(0, 200), Buffer.alloc(50)]));
    const before = readdirSync(join(root, TO));
    const r = await importDocument({ root, file, to: TO, county: '东安县' });
    expect(r.value).toBeUndefined();
    expect(r.diagnostics[0]).toMatchObject({ rule: 'import/damaged', severity: 'error' });
    expect(readdirSync(join(root, TO))).toEqual(before);
  });

  it('an unsupported file is refused with a hint (.doc and .wps: test/word-import.test.ts)', async () => {
    const root = sampleProject();
    const file = join(makeProject(), 'scan.pdf');
    writeFileSync(file, 'x');
    const r = await importDocument({ root, file, to: TO, county: '东安县' });
    expect(r.diagnostics[0]!.message).toContain('.docx');
  });
});
