import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/api.js';
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
});
