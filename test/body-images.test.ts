import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/api.js';
import { DEFAULT_CONFIG } from '../src/config/defaults.js';
import { renderPrintPage } from '../src/pdf/print-resources.js';
import { createMarkdownRenderer, loadMarkdownPipeline } from '../src/render/markdown.js';
import { createTemplateEnv } from '../src/render/templates.js';
import { readSample, runCli, sampleProject, setBody, writeFile } from './helpers.js';

/**
 * Images written in a body: the bulletin prints text only. `check` warns at
 * each (content/image); the site, the print, the feed and the search carry no
 * <img> from a body, and an image's description stays as 〔图：说明〕 in its place.
 */
const FILE = 'issues/2009-18/01-jianghua.md';
const BODY = [
  '一是根据需要调配干部。',
  '![县委组织部干部培训现场](照片.jpg)',
  '二是跟踪项目考核干部，全县召开动员大会![](http://www.example.cn/a.png)。',
  '三是坚持一线锻炼干部，现场见![会议现场][1]，详见[![网站截图](https://www.example.cn/b.png)](https://www.gov.cn/)。',
  '[1]: http://www.example.cn/c.png',
].join('\n\n');

/** The 1-based line and column of `needle` in `text`. */
function placeIn(text: string, needle: string): string {
  const before = text.slice(0, text.indexOf(needle));
  const lines = before.split('\n');
  return `${lines.length}:${[...lines.at(-1)!].length + 1}`;
}

/** Every file under `dir`, concatenated. */
function allText(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'))
    .join('\n');
}

describe('images in a body', () => {
  it('are reported by check where they are, with their descriptions, as warnings (exit 0)', async () => {
    const root = sampleProject();
    setBody(root, FILE, BODY);
    writeFile(root, 'issues/2009-18/_照片.jpg', 'not an image: never read');
    const text = readFileSync(join(root, FILE), 'utf8');
    const run = await runCli(['check', '--root', root, '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    type Found = { rule: string; file: string; line: number; column: number; severity: string; message: string };
    const found = (JSON.parse(run.stdout) as Found[]).filter((d) => d.rule === 'content/image');
    expect(found.map((d) => `${d.file}:${d.line}:${d.column}`)).toEqual(
      ['![县委', '![](http', '![会议', '![网站'].map((s) => `${FILE}:${placeIn(text, s)}`),
    );
    for (const d of found) {
      expect(d.severity).toBe('warning');
      expect(d.message).toContain('刊物只收文字');
      expect(d.message).toContain('网页和印刷版');
    }
    expect(found[0]!.message).toContain('「县委组织部干部培训现场」');
    expect(found[0]!.message).toContain('〔图：县委组织部干部培训现场〕');
    expect(found[1]!.message).toContain('没有说明');
    expect(found[2]!.message).toContain('〔图：会议现场〕');
    expect(found[3]!.message).toContain('〔图：网站截图〕');
  });

  it('leave no <img> on the site page, the print page, the feed or the search: their descriptions in place', async () => {
    const root = sampleProject();
    setBody(root, FILE, BODY);
    const out = join(root, 'site');
    const result = await build({ root, pdf: false, out });
    expect(result.written).toBeDefined();
    const page = readFileSync(join(out, '2009', '18', 'index.html'), 'utf8');
    await loadMarkdownPipeline();
    const issue = result.written!.issues.find((i) => i.folder === '2009-18')!;
    const env = createTemplateEnv(root);
    const print = renderPrintPage(issue, DEFAULT_CONFIG, env, createMarkdownRenderer(), '').html;
    for (const html of [page, print]) {
      expect(html).not.toMatch(/<img\b/i);
      expect(html).not.toMatch(/照片\.jpg|example\.cn/);
      // The print keeps the last word of a paragraph on its line (<span class="nobr">): compare the text.
      const text = html.replace(/<(?!\/?p>)[^>]*>/g, '');
      expect(text).toContain('一是根据需要调配干部。</p>\n<p>〔图：县委组织部干部培训现场〕</p>');
      expect(text).toContain('全县召开动员大会。</p>');
      expect(text).toContain('现场见〔图：会议现场〕，详见〔图：网站截图〕。</p>');
    }
    expect(page).toContain('详见<a href="https://www.gov.cn/">〔图：网站截图〕</a>。');
    const search = allText(join(out, 'search-index'));
    expect(search).toContain('〔图：县委组织部干部培训现场〕');
    expect(search).not.toMatch(/<img|照片\.jpg|example\.cn/);
    const feed = readFileSync(join(out, 'feed.xml'), 'utf8');
    expect(feed).not.toMatch(/<img|&lt;img|照片\.jpg|example\.cn/);
  });

  it('leave nothing of an image without a description: the page is as without it', async () => {
    const plain = sampleProject();
    const withImages = sampleProject();
    const body = readSample('01-jianghua.md').split('---\n').slice(2).join('---\n').trim();
    const paragraphs = body.split('\n\n');
    setBody(plain, FILE, body);
    setBody(
      withImages,
      FILE,
      [
        paragraphs[0],
        '![](http://www.example.cn/a.png)',
        ...paragraphs.slice(1),
        '[![](b.png)](https://www.gov.cn/)',
      ].join('\n\n'),
    );
    const pages = await Promise.all(
      [plain, withImages].map(async (root) => {
        expect((await build({ root, pdf: false, out: join(root, 'site') })).written).toBeDefined();
        return readFileSync(join(root, 'site', '2009', '18', 'index.html'), 'utf8');
      }),
    );
    expect(pages[1]).toBe(pages[0]);
  });
});
