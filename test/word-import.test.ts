import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import type { Nodes, Root } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { build, check, importDocument } from '../src/api.js';
import { findSoffice } from '../src/import/convert-legacy.js';
import { createMarkdownParser } from '../src/text/markdown-syntax.js';
import { makeProject, sampleProject } from './helpers.js';

const TO = 'issues/2009-18';
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

const bold = (text: string) => new TextRun({ text, bold: true });
const cell = (...runs: TextRun[]) => new TableCell({ children: [new Paragraph({ children: runs })] });

/**
 * A county's Word file as they come: the title in 标题 1 (Word stores the
 * built-in style's English name; WPS and Chinese templates name their own
 * 标题 1), 一是/二是 paragraphs with bold lead sentences (one split into two
 * bold runs, one with a space before its closing), a Chinese-numbered heading
 * in 标题 2, a table whose header Word set in bold, a bulleted and a
 * numbered list, a photo with its caption, and the cover letter's dateline.
 */
async function countyWordFile(options: { chineseStyles?: boolean } = {}): Promise<Buffer> {
  const heading = (text: string, level: 1 | 2) =>
    options.chineseStyles
      ? new Paragraph({ text, style: level === 1 ? 'cnTitle1' : 'cnTitle2' })
      : new Paragraph({ text, heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2 });
  const doc = new Document({
    styles: {
      paragraphStyles: [
        { id: 'cnTitle1', name: '标题 1', basedOn: 'Normal', run: { bold: true, size: 44 } },
        { id: 'cnTitle2', name: '标题 2', basedOn: 'Normal', run: { bold: true, size: 32 } },
        { id: 'cnCaption', name: '题注', basedOn: 'Normal' },
      ],
    },
    numbering: {
      config: [
        {
          reference: 'steps',
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }],
        },
      ],
    },
    sections: [
      {
        children: [
          heading('道县增强党组织“五力”助推企业发展', 1),
          new Paragraph({
            children: [bold('一是强化组织覆盖。'), new TextRun('今年以来，全县新建非公企业党组织12个。')],
          }),
          new Paragraph({
            children: [bold('二是'), bold('强化教育培训。 '), new TextRun('举办培训班3期，培训280余人次。')],
          }),
          heading('一、主要做法', 2),
          new Paragraph({ children: [new TextRun('　　全县统筹安排，'), bold('重点'), new TextRun('推进。')] }),
          new Table({
            rows: [
              new TableRow({ children: [cell(bold('项目')), cell(bold('人数'))] }),
              new TableRow({ children: [cell(new TextRun('集中轮训')), cell(new TextRun('120'))] }),
              new TableRow({ children: [cell(new TextRun('外出考察')), cell(new TextRun('35'))] }),
            ],
          }),
          new Paragraph({ text: '建立培训基地', bullet: { level: 0 } }),
          new Paragraph({ text: '完善考核办法', bullet: { level: 0 } }),
          new Paragraph({ text: '摸清底数', numbering: { reference: 'steps', level: 0 } }),
          new Paragraph({ text: '分类指导', numbering: { reference: 'steps', level: 0 } }),
          new Paragraph({
            children: [new ImageRun({ type: 'png', data: PNG, transformation: { width: 10, height: 10 } })],
          }),
          new Paragraph({ text: '图为道县非公企业党建培训班现场', style: 'cnCaption' }),
          new Paragraph('同时，积极开展“送知识下乡”活动。'),
          new Paragraph('道县委组织部  2009年6月22日'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

async function importWord(bytes: Buffer, name = '道县.docx', options: { title?: string } = {}) {
  const root = sampleProject();
  const file = join(makeProject(), name);
  writeFileSync(file, bytes);
  const r = await importDocument({ root, file, to: TO, county: '宁远县', ...options });
  return { root, r, text: r.value ? readFileSync(join(root, r.value), 'utf8') : '' };
}

const parse = createMarkdownParser();

/** The bold runs of a Markdown text as the renderer parses it. */
function boldRuns(markdown: string): string[] {
  const out: string[] = [];
  const walk = (n: Nodes | Root) => {
    if (n.type === 'strong') out.push(textOf(n));
    if ('children' in n) for (const c of n.children) walk(c);
  };
  walk(parse(markdown));
  return out;
}

const bodyOf = (text: string) => text.split(/^---$/m).slice(2).join('---');

describe('yongzu import of a Word file, clean', () => {
  it('writes plain Chinese Markdown: bold lead sentences as **…。**, no character references', async () => {
    const { r, text } = await importWord(await countyWordFile());
    expect(r.value).toBe('issues/2009-18/05-ningyuan.md');
    expect(text).not.toMatch(/&#/);
    expect(text).toContain('\n**一是强化组织覆盖。**今年以来，全县新建非公企业党组织12个。\n');
    // Two bold runs in Word are one; the space before the closing went with them.
    expect(text).toContain('\n**二是强化教育培训。**举办培训班3期，培训280余人次。\n');
    expect(text).toContain('\n全县统筹安排，**重点**推进。\n');
  });

  it('round-trips: the renderer parses the Markdown back into the same bold text', async () => {
    const { text } = await importWord(await countyWordFile());
    expect(boldRuns(bodyOf(text))).toEqual(['一是强化组织覆盖。', '二是强化教育培训。', '重点']);
  });

  it('takes the title from 标题 1 (Word’s Heading 1 or a style named 标题 1) out of the body', async () => {
    for (const chineseStyles of [false, true]) {
      const { text } = await importWord(await countyWordFile({ chineseStyles }));
      expect(text).toContain('\ntitle: 道县增强党组织“五力”助推企业发展\n');
      expect(bodyOf(text)).not.toContain('助推企业发展');
      // 标题 2 numbered 一、 is a first-level heading of the body.
      expect(bodyOf(text)).toContain('\n# 一、主要做法\n');
    }
  });

  it('keeps the table’s first row as its header, and both lists', async () => {
    const { text } = await importWord(await countyWordFile());
    expect(text).toContain('| 项目     | 人数 |\n| -------- | ---- |\n| 集中轮训 | 120  |\n| 外出考察 | 35   |\n');
    expect(text).toContain('\n- 建立培训基地\n- 完善考核办法\n');
    expect(text).toContain('\n1. 摸清底数\n2. 分类指导\n');
  });

  it('moves the dateline into author, with a warning at that line', async () => {
    const { r, text } = await importWord(await countyWordFile());
    expect(text).toContain('\nauthor: 道县委组织部\n');
    expect(bodyOf(text)).not.toContain('2009年6月22日');
    const warning = r.diagnostics.find((d) => d.rule === 'import/sign-off')!;
    expect(warning.file).toBe('issues/2009-18/05-ningyuan.md');
    expect(text.split('\n')[warning.line - 1]).toBe('author: 道县委组织部');
    expect(warning.message).toContain('「道县委组织部 2009年6月22日」');
  });

  it('reports the caption of a dropped photo with the image warning, at the caption’s line', async () => {
    const { r, text } = await importWord(await countyWordFile());
    const warning = r.diagnostics.find((d) => d.rule === 'import/images-dropped')!;
    expect(warning.file).toBe('issues/2009-18/05-ningyuan.md');
    expect(text.split('\n')[warning.line - 1]).toBe('图为道县非公企业党建培训班现场');
    expect(warning.message).toContain('1 张图片没有导入');
  });

  it('recognizes a byline under the title and a dateline on two lines', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: '蓝山县抓实党员教育', heading: HeadingLevel.TITLE }),
            new Paragraph('蓝山县委组织部 李某某'),
            new Paragraph('一是抓学习。二是抓培训。'),
          ],
        },
      ],
    });
    const { r, text } = await importWord(await Packer.toBuffer(doc));
    expect(text).toContain(
      '\ntitle: 蓝山县抓实党员教育\nauthor: 蓝山县委组织部 李某某\n---\n\n一是抓学习。二是抓培训。\n',
    );
    expect(r.diagnostics.find((d) => d.rule === 'import/sign-off')!.message).toContain('标题下的署名');
    const two = new Document({
      sections: [{ children: ['一是抓学习。', '宁远县委组织部', '2009年6月22日'].map((t) => new Paragraph(t)) }],
    });
    const second = await importWord(await Packer.toBuffer(two), 'x.docx', { title: '宁远县抓学习' });
    expect(second.text).toContain('author: 宁远县委组织部\n---\n\n一是抓学习。\n');
  });

  it('keeps an attribution in parentheses in the body, its space included', async () => {
    const doc = new Document({
      sections: [{ children: ['一是抓学习。', '（江永县委组织部 蒋某某）'].map((t) => new Paragraph(t)) }],
    });
    const { root, text } = await importWord(await Packer.toBuffer(doc), 'x.docx', { title: '江永县抓学习' });
    expect(bodyOf(text)).toBe('\n\n一是抓学习。\n\n（江永县委组织部 蒋某某）\n');
    expect((await check({ root })).diagnostics.filter((d) => d.rule === 'copy/space')).toEqual([]);
  });

  it('with --title, cuts nothing from the body (not the bold first paragraph, not the first sentence)', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ children: [bold('宁远县强化基层党建')] }),
            new Paragraph('宁远县扎实推进基层党建。一是抓班子。'),
          ],
        },
      ],
    });
    const bytes = await Packer.toBuffer(doc);
    const given = await importWord(bytes, 'x.docx', { title: '宁远县基层党建工作' });
    expect(given.text).toContain('title: 宁远县基层党建工作\n');
    expect(bodyOf(given.text)).toBe('\n\n**宁远县强化基层党建**\n\n宁远县扎实推进基层党建。一是抓班子。\n');
    const detected = await importWord(bytes);
    expect(detected.text).toContain('title: 宁远县强化基层党建\n');
    expect(bodyOf(detected.text)).toBe('\n\n宁远县扎实推进基层党建。一是抓班子。\n');
    // A text file: the short first line is the title only when none is given.
    const txt = join(makeProject(), 'x.txt');
    writeFileSync(txt, '宁远县基层党建\n一是抓班子。\n');
    const root = sampleProject();
    const r = await importDocument({ root, file: txt, to: TO, county: '宁远县', title: '宁远县抓班子' });
    expect(readFileSync(join(root, r.value!), 'utf8')).toContain('\n\n宁远县基层党建\n\n一是抓班子。\n');
  });

  it('never writes a character reference: bold that Markdown cannot close there is left out, with a warning', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun('使用Word'), bold('“加粗”'), new TextRun('B功能。')] }),
            new Paragraph({ children: [bold('三是抓落实。'), new TextRun('全年考核两次。')] }),
          ],
        },
      ],
    });
    const { r, text } = await importWord(await Packer.toBuffer(doc), 'x.docx', { title: '宁远县抓落实' });
    expect(text).not.toMatch(/&#/);
    expect(bodyOf(text)).toBe('\n\n使用Word“加粗”B功能。\n\n**三是抓落实。**全年考核两次。\n');
    expect(r.diagnostics.find((d) => d.rule === 'import/formatting-lost')!.message).toContain('1 段');
  });

  it('is checked and built by a new user: no literal marks, no stray spaces, no references on the page', async () => {
    const { root } = await importWord(await countyWordFile());
    const checked = await check({ root });
    const mine = checked.diagnostics.filter((d) => d.file === 'issues/2009-18/05-ningyuan.md');
    expect(mine).toEqual([]);
    const out = join(root, 'site');
    expect((await build({ root, pdf: false, out })).written).toBeDefined();
    const page = readFileSync(join(out, '2009', '18', 'index.html'), 'utf8');
    const section = page.slice(page.indexOf('宁远县'));
    expect(section).toContain('<strong>一是强化组织覆盖。</strong>今年以来');
    expect(section).toContain('<strong>二是强化教育培训。</strong>举办培训班');
    expect(section).toMatch(/<th>项目<\/th>\s*<th>人数<\/th>/);
    expect(section).not.toMatch(/\*\*|&#x|[\u4e00-\u9fff，。] [\u4e00-\u9fff]/);
  });
});

describe('yongzu import of old Word (.doc) and WPS (.wps) files', () => {
  it('converts them through LibreOffice when it is installed', async () => {
    const soffice = findSoffice();
    expect(soffice, 'LibreOffice (scripts/setup.sh installs it)').toBeDefined();
    const dir = makeProject();
    writeFileSync(join(dir, 'county.docx'), await countyWordFile());
    execFileSync(soffice!, [
      '--headless',
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--convert-to',
      'doc',
      '--outdir',
      dir,
      join(dir, 'county.docx'),
    ]);
    copyFileSync(join(dir, 'county.doc'), join(dir, 'county.wps'));
    for (const name of ['county.doc', 'county.wps']) {
      const root = sampleProject();
      const r = await importDocument({ root, file: join(dir, name), to: TO, county: '宁远县' });
      expect(r.value, name).toBe('issues/2009-18/05-ningyuan.md');
      const text = readFileSync(join(root, r.value!), 'utf8');
      expect(text).toContain('title: 道县增强党组织“五力”助推企业发展\n');
      expect(text).toContain('\n**一是强化组织覆盖。**今年以来');
      expect(text).toContain('| 集中轮训 | 120  |');
      expect(text).not.toMatch(/&#/);
    }
  }, 180_000);

  it('without LibreOffice: a Chinese hint to install it or save as .docx, and nothing written', async () => {
    const saved = process.env['YONGZU_SOFFICE'];
    process.env['YONGZU_SOFFICE'] = '';
    try {
      const root = sampleProject();
      const file = join(makeProject(), 'old.wps');
      writeFileSync(file, 'x');
      const r = await importDocument({ root, file, to: TO, county: '宁远县' });
      expect(r.value).toBeUndefined();
      expect(r.diagnostics[0]).toMatchObject({ rule: 'import/unsupported', severity: 'error' });
      expect(r.diagnostics[0]!.message).toContain('请安装 LibreOffice');
      expect(r.diagnostics[0]!.message).toContain('「另存为」.docx');
    } finally {
      if (saved === undefined) delete process.env['YONGZU_SOFFICE'];
      else process.env['YONGZU_SOFFICE'] = saved;
    }
  });
});
