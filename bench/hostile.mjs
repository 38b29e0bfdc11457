#!/usr/bin/env node
// The hostile inputs of issue 13, each run as a whole process under GNU time:
// wall time, CPU time (user + system) and peak RSS, with the exit code.
//
//   node bench/hostile.mjs [--big]      (npm run compile first)
//
// --big adds the 20,000-folder archives (1,000 and 80 issues a year): about
// two minutes each. Everything is written under bench/out/hostile/. The
// figures go to docs/maintainers/safety.md and bench/README.md.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';

const repo = new URL('..', import.meta.url).pathname;
const bin = join(repo, 'bin', 'yongzu.js');
const work = join(repo, 'bench', 'out', 'hostile');
const big = process.argv.includes('--big');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

/** Runs the CLI under GNU time; { wall, cpu, rssMb, code }. */
function measure(args, options = {}) {
  const report = join(work, 'time.txt');
  return new Promise((resolve) => {
    const child = spawn('/usr/bin/time', ['-v', '-o', report, process.execPath, bin, ...args], {
      stdio: 'ignore',
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
    });
    child.on('exit', () => {
      const text = readFileSync(report, 'utf8');
      const num = (re) => Number(re.exec(text)?.[1] ?? Number.NaN);
      const [, m, s] = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+(?:\.\d+)?)$/m.exec(text) ?? [];
      const status = /Command (?:exited with non-zero status (\d+)|terminated by signal (\d+))/.exec(text);
      resolve({
        wall: Number(m ?? 0) * 60 + Number(s),
        cpu: num(/User time \(seconds\): ([\d.]+)/) + num(/System time \(seconds\): ([\d.]+)/),
        rssMb: num(/Maximum resident set size \(kbytes\): (\d+)/) / 1024,
        code: status ? (status[1] ? Number(status[1]) : `signal ${status[2]}`) : 0,
      });
    });
  });
}

let n = 0;
/** A fresh copy of the sample project; `body` replaces the first submission's body. */
function project(body) {
  const root = join(work, `p${n++}`);
  cpSync(join(repo, 'issues', '2009-18'), join(root, 'issues', '2009-18'), { recursive: true });
  if (body !== undefined) {
    const file = join(root, 'issues', '2009-18', '01-jianghua.md');
    const head = readFileSync(file, 'utf8').split('---\n').slice(0, 2).join('---\n');
    writeFileSync(file, `${head}---\n\n${body}\n`);
  }
  return root;
}

/** A minimal .docx whose document.xml is a paragraph with `count` spaces inside (deflated as a stream). */
async function bombDocx(file, count) {
  const entries = [];
  const add = (name, text) => {
    const b = Buffer.from(text);
    entries.push({ name, deflated: deflateRawSync(b), size: b.length, crc: crc32(b) });
  };
  add(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/></Types>',
  );
  add(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" ' +
      'Target="word/document.xml"/></Relationships>',
  );
  const head = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      '<w:body><w:p><w:r><w:t xml:space="preserve">东安县加强干部教育。',
  );
  const tail = Buffer.from('</w:t></w:r></w:p></w:body></w:document>');
  const deflate = createDeflateRaw({ level: 9 });
  const parts = [];
  deflate.on('data', (d) => parts.push(d));
  const ended = new Promise((r) => deflate.on('end', r));
  let crc = 0;
  const write = async (b) => {
    crc = crc32(b, crc);
    if (!deflate.write(b)) await new Promise((r) => deflate.once('drain', r));
  };
  await write(head);
  const chunk = Buffer.alloc(16 << 20, 0x20);
  for (let left = count; left > 0; left -= chunk.length)
    await write(left >= chunk.length ? chunk : chunk.subarray(0, left));
  await write(tail);
  deflate.end();
  await ended;
  entries.push({
    name: 'word/document.xml',
    deflated: Buffer.concat(parts),
    size: head.length + count + tail.length,
    crc,
  });
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const l = Buffer.alloc(30);
    l.writeUInt32LE(0x04034b50, 0);
    l.writeUInt16LE(20, 4);
    l.writeUInt16LE(8, 8);
    l.writeUInt32LE(e.crc >>> 0, 14);
    l.writeUInt32LE(e.deflated.length, 18);
    l.writeUInt32LE(Math.min(e.size, 0xfffffffe), 22);
    l.writeUInt16LE(name.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(e.crc >>> 0, 16);
    c.writeUInt32LE(e.deflated.length, 20);
    c.writeUInt32LE(Math.min(e.size, 0xfffffffe), 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    locals.push(l, name, e.deflated);
    centrals.push(c, name);
    offset += 30 + name.length + e.deflated.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(file, Buffer.concat([...locals, dir, end]));
}

/** A 20,000-folder archive at `perYear` issues a year, one small submission each. */
function denseArchive(folders, perYear) {
  const root = join(work, `dense-${folders}-${perYear}`);
  const theme = '各县区创新组织工作服务新型工业化发展';
  const counties = [
    ['jianghua', '江华县'],
    ['daoxian', '道县'],
    ['qiyang', '祁阳县'],
  ];
  for (let i = 0; i < folders; i++) {
    const year = 1949 + Math.floor(i / perYear);
    const issue = (i % perYear) + 1;
    const dir = join(root, 'issues', `${year}-${String(issue).padStart(4, '0')}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'issue.yml'),
      `year: ${year}\nissue: ${issue}\ntotal: ${i + 1}\ndate: ${year}-06-15\nthemes:\n  - ${theme}\n`,
    );
    const [slug, county] = counties[i % 3];
    writeFileSync(
      join(dir, `01-${slug}.md`),
      `---\nissue: ${issue}\ncounty: ${county}\ntheme: ${theme}\ntitle: ${county}加强干部队伍建设第${i}号\n---\n\n` +
        '一是根据需要调配干部。专门成立了重点财源建设领导小组办公室。二是跟踪项目考核干部。\n',
    );
  }
  return root;
}

const cases = [];
const run = async (what, args, options) => {
  const r = await measure(args, options);
  cases.push({ what, ...r });
  console.error(`${what}: ${r.wall.toFixed(2)} s, CPU ${r.cpu.toFixed(2)} s, ${r.rssMb.toFixed(0)} MB, exit ${r.code}`);
};

const sample = project();
await run('sample: check (reference)', ['check', '--root', sample]);
await run('sample: build --no-pdf (reference)', ['build', '--no-pdf', '--root', sample]);
await run('1. build --out the project itself', ['build', '--no-pdf', '--root', sample, '--out', sample]);
for (const [name, body] of [
  ['中,', '中,'.repeat(130_000)],
  ['中.', '中.'.repeat(130_000)],
  ['中 ', '中 '.repeat(130_000)],
  ['…中', '…中'.repeat(150_000)],
]) {
  const root = project(body);
  await run(`2. body ${name} × ${name === '…中' ? '150,000' : '130,000'}: check`, ['check', '--root', root]);
  await run(`2. body ${name}: build --no-pdf`, ['build', '--no-pdf', '--root', root]);
  await run(`2. body ${name}: check --fix`, ['check', '--fix', '--root', root]);
}
for (const [name, body] of [
  ['![中 × 4,000 + ](x) × 4,000', `${'![中'.repeat(4000)}${'](x)'.repeat(4000)}`],
  ['![中 × 20,000 + ](x) × 20,000', `${'![中'.repeat(20_000)}${'](x)'.repeat(20_000)}`],
  ['[ × 50,000 + 中 + ] × 50,000', `${'[ '.repeat(50_000)}中${' ]'.repeat(50_000)}`],
  [']_ × 16,000 (render sandbox)', ']_'.repeat(16_000)],
  [']* × 300,000 (render sandbox)', ']*'.repeat(300_000)],
]) {
  const root = project(body);
  await run(`3. ${name}: check`, ['check', '--root', root]);
  await run(`3. ${name}: build --no-pdf`, ['build', '--no-pdf', '--root', root]);
}
{
  // 6: a build killed between its two renames (no exchange), then the next build.
  const root = project();
  await run('6. build (first)', ['build', '--no-pdf', '--root', root]);
  writeFileSync(
    join(root, 'issues/2009-18/01-jianghua.md'),
    readFileSync(join(root, 'issues/2009-18/01-jianghua.md'), 'utf8').replace('干部', '干部们'),
  );
  await run('6. build killed between the renames', ['build', '--no-pdf', '--root', root], {
    env: { YONGZU_TEST_NO_EXCHANGE: '1', YONGZU_TEST_STOP_AT: 'after-aside' },
  });
  await run('6. the next build (repairs, then builds)', ['build', '--no-pdf', '--root', root]);
}
{
  const file = join(work, 'bomb.docx');
  await bombDocx(file, 2 * 1024 ** 3);
  const root = project();
  await run('7. import a 2 MB .docx holding 2 GB of spaces', [
    'import',
    file,
    '--to',
    'issues/2009-18',
    '--county',
    '东安县',
    '--root',
    root,
  ]);
  for (const gb of [1.9, 3]) {
    const r = project();
    const f = join(r, 'issues/2009-18/05-big.md');
    writeFileSync(f, '');
    truncateSync(f, Math.round(gb * 1024 ** 3));
    await run(`7. check with a ${gb} GB submission (sparse)`, ['check', '--root', r]);
  }
}
{
  const root = project();
  const txt = join(work, 'big.txt');
  writeFileSync(txt, '');
  truncateSync(txt, 31 * 1024 ** 2);
  await run('8. import a 31 MB .txt', ['import', txt, '--to', 'issues/2009-18', '--county', '东安县', '--root', root]);
  const long = '江华县全力为新型工业化提供干部保障'.repeat(300);
  const table = new Table({
    rows: Array.from(
      { length: 20_000 },
      (_, i) =>
        new TableRow({
          children: [
            new TableCell({ children: [new Paragraph(i === 0 ? long : String(i))] }),
            new TableCell({ children: [new Paragraph('x')] }),
          ],
        }),
    ),
  });
  const docx = join(work, 'table.docx');
  writeFileSync(
    docx,
    await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('东安县加强干部教育'), table] }] })),
  );
  await run('8. import a 69 KB .docx: 20,000-row table, one 5,000-character cell', [
    'import',
    docx,
    '--to',
    'issues/2009-18',
    '--county',
    '东安县',
    '--root',
    project(),
  ]);
  const para = '东安县坚持学习培训，全县组织干部参加集中学习，'.repeat(20);
  const longDoc = join(work, 'long.docx');
  writeFileSync(
    longDoc,
    await Packer.toBuffer(
      new Document({ sections: [{ children: Array.from({ length: 1000 }, () => new Paragraph(para)) }] }),
    ),
  );
  await run('8. import a .docx of 460,000 characters (past the limit)', [
    'import',
    longDoc,
    '--to',
    'issues/2009-18',
    '--county',
    '东安县',
    '--root',
    project(),
  ]);
}
{
  const root = project();
  const f = join(root, 'issues/2009-18/01-jianghua.md');
  writeFileSync(f, readFileSync(f, 'utf8').replace(/^title: (.*)$/m, 'title: "$1\\x01\\f\\e"'));
  await run('10. build with control characters in a title', ['build', '--no-pdf', '--root', root]);
}
if (big) {
  for (const perYear of [1000, 80]) {
    const root = denseArchive(20_000, perYear);
    await run(`7. build --no-pdf of 20,000 folders, ${perYear} a year`, ['build', '--no-pdf', '--root', root]);
    rmSync(root, { recursive: true, force: true });
  }
}

const load = spawnSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).stdout.trim();
console.log(
  `Machine: ${cpus()[0].model}, ${cpus().length} cores, Node ${process.version}; load average at the end: ${load}.\n`,
);
console.log('| input | wall | CPU | peak RSS | exit |');
console.log('|---|---|---|---|---|');
for (const c of cases)
  console.log(`| ${c.what} | ${c.wall.toFixed(2)} s | ${c.cpu.toFixed(2)} s | ${c.rssMb.toFixed(0)} MB | ${c.code} |`);
