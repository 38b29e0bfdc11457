import { readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { importDocument } from '../src/api.js';
import { makeProject, runCli, sampleProject, STACK_TRACE } from './helpers.js';
import { bombEntry, DOCUMENT_HEAD, DOCUMENT_TAIL, docxParts, entry, zip } from './zip-writer.js';

/**
 * `yongzu import` on files that would make it read, inflate or write without
 * bound: refused with an error naming the file, nothing written; and what it
 * writes with errors in it ends with exit 1.
 */

const TO = 'issues/2009-18';

async function refused(file: string, rule: string, message: RegExp) {
  const root = sampleProject();
  const before = readdirSync(join(root, TO));
  const r = await importDocument({ root, file, to: TO, county: '东安县' });
  expect(r.value).toBeUndefined();
  expect(r.diagnostics).toEqual([expect.objectContaining({ rule, severity: 'error' })]);
  expect(r.diagnostics[0]!.message).toMatch(message);
  expect(readdirSync(join(root, TO))).toEqual(before);
}

describe('import bounds what it reads, inflates and writes', () => {
  it('a .docx whose text inflates to 256 MB (a zip bomb) is refused, having inflated at most the budget', async () => {
    const file = join(makeProject(), 'bomb.docx');
    writeFileSync(
      file,
      zip([...docxParts(), await bombEntry('word/document.xml', DOCUMENT_HEAD, 256 * 1024 * 1024, DOCUMENT_TAIL)]),
    );
    await refused(file, 'import/too-large', /解压后的文字部分超过 4\.0 MB/);
  }, 60_000);

  it('the same bomb declaring a small size in its directory is refused too', async () => {
    const file = join(makeProject(), 'lying.docx');
    const bomb = await bombEntry('word/document.xml', DOCUMENT_HEAD, 256 * 1024 * 1024, DOCUMENT_TAIL);
    writeFileSync(file, zip([...docxParts(), { ...bomb, declaredSize: 1000 }]));
    await refused(file, 'import/too-large', /解压后的文字部分超过/);
  }, 60_000);

  it('a small .docx imports as before', async () => {
    const root = sampleProject();
    const file = join(makeProject(), 'mini.docx');
    writeFileSync(
      file,
      zip([...docxParts(), entry('word/document.xml', `${DOCUMENT_HEAD}二是坚持实践锻炼。${DOCUMENT_TAIL}`)]),
    );
    const r = await importDocument({ root, file, to: TO, county: '东安县', title: '东安县加强干部教育' });
    expect(r.value).toBe('issues/2009-18/05-dongan.md');
  });

  it('a .docx whose Markdown would be past check’s limit (1 MB) is refused, nothing written', async () => {
    const file = join(makeProject(), 'long.docx');
    const para = '东安县坚持学习培训，全县组织干部参加集中学习，'.repeat(20);
    const doc = new Document({ sections: [{ children: Array.from({ length: 1000 }, () => new Paragraph(para)) }] });
    writeFileSync(file, await Packer.toBuffer(doc));
    await refused(file, 'import/too-large', /转换后的稿件有 \d+\.\d MB，超过「yongzu check」允许的 1\.0 MB/);
  }, 60_000);

  it('a 31 MB text file is refused from its size on disk, unread', async () => {
    const file = join(makeProject(), 'big.txt');
    writeFileSync(file, '');
    truncateSync(file, 31 * 1024 * 1024);
    await refused(file, 'import/too-large', /有 31\.0 MB，超过可以导入的 4\.0 MB，未读取/);
  });

  it('a submission written with errors in it ends the command with exit 1 (compiled CLI)', async () => {
    const root = sampleProject();
    const file = join(makeProject(), 'brackets.txt');
    writeFileSync(file, `东安县加强干部教育\n\n一是${'[ '.repeat(40)}坚持学习培训。\n`);
    const run = await runCli(['import', file, '--to', TO, '--county', '东安县', '--root', root]);
    expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
    expect(run.stdout).toContain('已创建 issues/2009-18/05-dongan.md');
    expect(run.stdout).toMatch(/05-dongan\.md:\d+:\d+ +错误 +正文这里有超过 32 个没有配对的「\[」/);
    expect(run.stderr).toContain('有错误：请改正后再生成刊物');
    expect(run.code).toBe(1);
  });
});
