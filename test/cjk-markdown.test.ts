import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, check, fix } from '../src/api.js';
import { DEFAULT_CONFIG } from '../src/config/defaults.js';
import { type PrintAssets, renderPrintHtml } from '../src/pdf/render-print.js';
import { createTemplateEnv } from '../src/render/templates.js';
import { createMarkdownRenderer, loadMarkdownPipeline } from '../src/render/markdown.js';
import { joinCjkLines } from '../src/util/cjk.js';
import { edit, sampleProject } from './helpers.js';

await loadMarkdownPipeline();
const render = createMarkdownRenderer();

/** Text as editors type it: bold lead-ins ending in 。, hard-wrapped lines, ~~ next to Chinese punctuation. */
describe('Chinese text typed the way editors type it', () => {
  it('closes bold after a Chinese full stop (the 一是/二是 lead-in)', () => {
    expect(render('**四是强化保障。**县里每年安排经费20万元。')).toBe(
      '<p><strong>四是强化保障。</strong>县里每年安排经费20万元。</p>',
    );
    expect(render('一是**“三严三实”**专题教育。')).toContain('<strong>“三严三实”</strong>');
    expect(render('*重点工作：*抓落实。')).toContain('<em>重点工作：</em>抓落实');
  });

  it('closes strikethrough next to Chinese punctuation', () => {
    expect(render('~~作废的一句。~~正文。')).toContain('<del>作废的一句。</del>正文');
  });

  it('drops a line break between two Chinese characters, keeps it between Latin words', () => {
    expect(render('重点财源\n建设')).toBe('<p>重点财源建设</p>');
    expect(render('全面推进“三项\n工程”。')).toBe('<p>全面推进“三项工程”。</p>');
    expect(render('open\nsource')).toBe('<p>open\nsource</p>');
    expect(render('县里安排\n**专项经费**\n用于培训。')).toBe('<p>县里安排<strong>专项经费</strong>用于培训。</p>');
    expect(render('使用 Word\n文档')).toBe('<p>使用 Word\n文档</p>');
    expect(joinCjkLines('一\n二\nthree\n四')).toBe('一二\nthree\n四');
  });

  it('renders the same through the fast path for plain prose and the full pipeline', () => {
    const full = createMarkdownRenderer({ plainProse: false });
    for (const text of ['重点财源\n建设', '一是调配干部。\n二是培训。\n\n第二段\n接着写。', 'A\nB中\n文']) {
      expect(render(text)).toBe(full(text));
    }
  });

  it('prints no literal delimiter and no stray break on the site, in the search index or in the print page', async () => {
    const root = sampleProject();
    edit(
      root,
      'issues/2009-18/01-jianghua.md',
      /\n\n一是/,
      '\n\n**四是强化保障。**县里每年安排经费20万元，重点财源\n建设~~不再~~提速。\n\n一是',
    );
    const result = await build({ root, pdf: false, out: join(root, 'site') });
    expect(result.written).toBeDefined();
    const page = readFileSync(join(root, 'site', '2009', '18', 'index.html'), 'utf8');
    expect(page).toContain('<strong>四是强化保障。</strong>县里每年安排经费20万元，重点财源建设');
    expect(page).not.toContain('**');
    const docs = join(root, 'site', 'search-index');
    const indexText = readdirSync(docs, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'))
      .join('');
    expect(indexText).toContain('重点财源建设');
    expect(indexText).not.toContain('**');
    expect(indexText).not.toContain('~~');
    const issue = result.written!.issues.find((i) => i.folder === '2009-18')!;
    const assets: PrintAssets = { fontCss: '', printCss: '' };
    const print = renderPrintHtml(issue, DEFAULT_CONFIG, createTemplateEnv(root), render, assets);
    expect(print).toContain('<strong>四是强化保障。</strong>县里每年安排经费20万元，重点财源建设');
    expect(print).not.toContain('**');
  });

  it('gives search snippets and the feed the same text: no break between Chinese characters, no marks', async () => {
    const root = sampleProject();
    edit(
      root,
      'issues/2009-18/02-shuangpai.md',
      /\n\n/,
      '\n\n**一是强化组织覆盖。**全面推进“三项\n工程”，open\nsource~~不再~~提速。\n\n',
    );
    const out = join(root, 'site');
    expect((await build({ root, pdf: false, out })).written).toBeDefined();
    // The text a search result cuts its passage from, as the browser receives it.
    // Each write-up's own file: `__yongzuSearch.doc(id,{…, text});` (src/search/index-builder.ts, docFile).
    const docs = readdirSync(join(out, 'search-index', 'd'), { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.js'))
      .map((name) => {
        const call = readFileSync(join(out, 'search-index', 'd', name), 'utf8');
        return JSON.parse(call.slice(call.indexOf(',') + 1, call.lastIndexOf(')'))) as { text: string };
      });
    const doc = docs.find((d) => d.text.includes('三项'))!;
    expect(doc.text).toContain('一是强化组织覆盖。全面推进“三项工程”，open\nsource不再提速。');
    expect(doc.text).not.toMatch(/[*~]/);
    // Paragraphs are lines of the text; inside them, nothing between two Chinese characters.
    for (const d of docs) expect(d.text).not.toMatch(/[\u4e00-\u9fff，。“”][ \t]+[\u4e00-\u9fff，。“”]/u);
    const feed = readFileSync(join(out, 'feed.xml'), 'utf8');
    expect(feed).toContain('<summary type="text">各县区创新组织工作服务新型工业化发展：');
    expect(feed).not.toMatch(/[*~]|&amp;#/);
    for (const summary of feed.match(/<summary[^>]*>[^<]*</g)!) expect(summary).not.toMatch(/\n/);
  });

  it('editor-written Markdown end to end: checked (only what is wrong), fixed, built with no marks, breaks or references', async () => {
    const root = sampleProject();
    const file = 'issues/2009-18/03-daoxian.md';
    const body = [
      '# 一、强化组织保障',
      '',
      '**一是强化组织覆盖。**今年以来，全县新建党组织12个，重点财源',
      '建设稳步推进。',
      '',
      '### （一）建立培训基地',
      '',
      '~~作废的一句。~~**二是强化培训。**举办培训班3期，共 35 名党员参加。',
      '',
      '（江永县委组织部 蒋某某）',
      '',
    ].join('\n');
    const text = readFileSync(join(root, file), 'utf8');
    writeFileSync(join(root, file), text.slice(0, text.indexOf('\n---\n') + 5) + '\n' + body);
    const mine = async () => (await check({ root })).diagnostics.filter((d) => d.file === file);
    const before = await mine();
    // Only the heading one level too deep, and the stray spaces of 共 35 名.
    expect(before.map((d) => `${d.rule} ${d.line}:${d.column}`)).toEqual([
      'content/heading-level 13:1',
      'copy/space 15:31',
      'copy/space 15:34',
    ]);
    expect(before[0]!.message).toContain('应写作「## （一）…」');
    await fix({ root });
    const fixed = readFileSync(join(root, file), 'utf8');
    expect(fixed).toContain('共35名党员参加。\n\n（江永县委组织部 蒋某某）\n');
    const out = join(root, 'site');
    const result = await build({ root, pdf: false, out });
    expect(result.written).toBeDefined();
    const page = readFileSync(join(out, '2009', '18', 'index.html'), 'utf8');
    const section = page.slice(page.indexOf('一、强化组织保障') - 20, page.indexOf('蒋某某') + 10);
    expect(section).toContain('<h3>一、强化组织保障</h3>');
    expect(section).toContain(
      '<strong>一是强化组织覆盖。</strong>今年以来，全县新建党组织12个，重点财源建设稳步推进。',
    );
    expect(section).toContain('<del>作废的一句。</del><strong>二是强化培训。</strong>举办培训班3期');
    expect(section).toContain('（江永县委组织部 蒋某某）');
    // The one space left is the attribution's, between the unit and the name.
    expect(section.replace('（江永县委组织部 蒋某某）', '')).not.toMatch(
      /\*\*|~~|&#|[\u4e00-\u9fff，。][ \n]+[\u4e00-\u9fff，。]/u,
    );
    const issue = result.written!.issues.find((i) => i.folder === '2009-18')!;
    const print = renderPrintHtml(issue, DEFAULT_CONFIG, createTemplateEnv(root), render, {
      fontCss: '',
      printCss: '',
    });
    // (The print page keeps a paragraph's last characters together: <span class="nobr">推进。</span>.)
    expect(print).toContain('<strong>一是强化组织覆盖。</strong>今年以来，全县新建党组织12个，重点财源建设稳步');
    expect(print).not.toMatch(/\*\*|~~|&#x/);
  });
});
