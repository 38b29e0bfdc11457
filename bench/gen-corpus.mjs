#!/usr/bin/env node
// Generates a synthetic bulletin archive in the submission format (see
// docs/format.md), for benchmarks and scale tests.
//
//   node bench/gen-corpus.mjs OUT_DIR [--issues 500] [--seed 1]
//
// Deterministic: the same flags give byte-identical files. Text is recombined
// from the sentences of the sample issue in issues/2009-18 (第18期，总第476期),
// so it has the length, punctuation and vocabulary of real county write-ups.
import { mkdirSync, readFileSync, readdirSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const out = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a));
const flag = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : def;
};
if (!out) {
  console.error('usage: gen-corpus.mjs OUT_DIR [--issues N] [--seed S]');
  process.exit(2);
}
const ISSUES = flag('issues', 500);
let state = flag('seed', 1) >>> 0;
const rand = () => {
  // mulberry32
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const between = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));

const here = dirname(fileURLToPath(import.meta.url));
const seedDir = join(here, '..', 'issues', '2009-18');
const sentences = [];
for (const f of readdirSync(seedDir).filter((f) => f.endsWith('.md'))) {
  const body = readFileSync(join(seedDir, f), 'utf8').split('---').slice(2).join('---');
  for (const s of body.split(/(?<=[。；])/)) {
    const t = s.trim().replace(/^[一二三四五六七八九十]是/, '');
    if (t.length > 8) sentences.push(t);
  }
}

const COUNTIES = [
  ['lingling', '零陵区'],
  ['lengshuitan', '冷水滩区'],
  ['qiyang', '祁阳县'],
  ['dongan', '东安县'],
  ['shuangpai', '双牌县'],
  ['daoxian', '道县'],
  ['jiangyong', '江永县'],
  ['ningyuan', '宁远县'],
  ['lanshan', '蓝山县'],
  ['xintian', '新田县'],
  ['jianghua', '江华县'],
];
const TOPICS = [
  '新型工业化',
  '基层党建',
  '干部队伍建设',
  '人才工作',
  '非公企业党建',
  '党员教育管理',
  '招商引资',
  '乡村振兴',
  '作风建设',
  '组织工作创新',
];
const VERBS = ['创新组织工作服务', '扎实推进', '多措并举抓好', '着力加强', '全面深化'];
const ORD = '一二三四五六七八九十'.split('');

if (existsSync(out)) rmSync(out, { recursive: true });
let total = 300;
let year = 2005;
let issueNo = 0;
let files = 0;
let bytes = 0;
for (let n = 0; n < ISSUES; n++) {
  issueNo += 1;
  total += 1;
  if (issueNo > 40) {
    year += 1;
    issueNo = 1;
  }
  const dir = join(out, `${year}-${String(issueNo).padStart(2, '0')}`);
  mkdirSync(dir, { recursive: true });
  const themeCount = between(1, 3);
  const themes = [];
  for (let t = 0; t < themeCount; t++) {
    let theme;
    do theme = `各县区${pick(VERBS)}${pick(TOPICS)}`;
    while (themes.includes(theme));
    themes.push(theme);
  }
  const month = String(1 + Math.floor(((issueNo - 1) / 40) * 12)).padStart(2, '0');
  const day = String(between(1, 28)).padStart(2, '0');
  const yml = `year: ${year}\nissue: ${issueNo}\ntotal: ${total}\ndate: ${year}-${month}-${day}\nthemes:\n${themes.map((t) => `  - ${t}`).join('\n')}\n`;
  writeFileSync(join(dir, 'issue.yml'), yml);
  const used = new Set();
  for (const theme of themes) {
    const k = between(2, Math.min(8, Math.floor(COUNTIES.length / themeCount)));
    for (let c = 0; c < k; c++) {
      let slug, county;
      do [slug, county] = pick(COUNTIES);
      while (used.has(slug));
      used.add(slug);
      const points = between(2, 5);
      let body = '';
      for (let p = 0; p < points; p++) {
        body += `${ORD[p]}是${pick(sentences)}`;
        for (let s = between(1, 4); s > 0; s--) body += pick(sentences);
      }
      const title = `${county}${pick(VERBS)}${pick(TOPICS)}`;
      const md = `---\nissue: ${issueNo}\ncounty: ${county}\ntheme: ${theme}\ntitle: ${title}\n---\n\n${body}\n`;
      writeFileSync(join(dir, `${slug}.md`), md);
      files += 1;
      bytes += Buffer.byteLength(md);
    }
  }
}
console.log(`${ISSUES} issues, ${files} submissions, ${(bytes / 1e6).toFixed(1)} MB in ${out}`);
