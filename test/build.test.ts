import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/api.js';
import { BIN, edit, sampleParagraphs, sampleProject, writeFile } from './helpers.js';

/** The visible text of an HTML page, tags removed and entities decoded. */
function pageText(html: string): string {
  return html
    .replace(/<head>[\s\S]*?<\/head>/, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#x26;|&amp;/g, '&')
    .replace(/&#x3C;|&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

describe('the sample issue page', () => {
  it('carries every paragraph of the seed, in order, with the masthead and source line', async () => {
    const root = sampleProject();
    const result = await build({ root, pdf: false });
    expect(result.written).toBeDefined();
    const html = readFileSync(join(root, 'dist/2009/18/index.html'), 'utf8');
    const text = pageText(html);
    let at = 0;
    for (const p of [
      '永组信息',
      '第18期',
      '（总第476期）',
      '中共永州市委组织部',
      '2009年6月15日',
      '各县区创新组织工作服务新型工业化发展',
    ]) {
      const i = text.indexOf(p, at);
      expect(i, p).toBeGreaterThanOrEqual(at);
      at = i + p.length;
    }
    for (const p of sampleParagraphs()) {
      const i = text.indexOf(p, at);
      expect(i, p.slice(0, 20)).toBeGreaterThanOrEqual(at);
      at = i + p.length;
    }
    expect(text.indexOf('（综合江华县、双牌县、道县、祁阳县情况）', at)).toBeGreaterThan(0);
    expect(html).toContain('<p><strong>江华县全力为新型工业化提供干部保障。</strong>一是根据需要调配干部。');
    expect(html).toContain('<html lang="zh-CN">');
    expect(readFileSync(join(root, 'dist/index.html'), 'utf8')).toContain('href="2009/18/index.html"');
  });

  it('orders sections by `order` when given, and attributes a single county', async () => {
    const root = sampleProject();
    edit(root, 'issues/2009-18/04-qiyang.md', 'issue: 18\n', 'issue: 18\norder: 1\n');
    edit(root, 'issues/2009-18/issue.yml', /(themes:\n.*\n)/, '$1  - 基层党建\n');
    edit(root, 'issues/2009-18/03-daoxian.md', 'theme: 各县区创新组织工作服务新型工业化发展', 'theme: 基层党建');
    await build({ root, pdf: false });
    const html = readFileSync(join(root, 'dist/2009/18/index.html'), 'utf8');
    expect(html.indexOf('祁阳县注重')).toBeLessThan(html.indexOf('江华县全力'));
    expect(html).toContain('（综合祁阳县、江华县、双牌县情况）');
    expect(html).toContain('（道县供稿）');
  });
});

describe('untrusted content', () => {
  it('never emits script, event handlers or javascript: URLs from a submission', async () => {
    const root = sampleProject();
    edit(root, 'issues/2009-18/04-qiyang.md', /title: .*/, 'title: 祁阳县<script>alert(1)</script>');
    writeFile(
      root,
      'issues/2009-18/04-qiyang.md',
      readFileSync(join(root, 'issues/2009-18/04-qiyang.md'), 'utf8') +
        '\n<script>alert(2)</script>\n\n<img src=x onerror="alert(3)">\n\n[点我](javascript:alert(4)) <iframe src="http://x"></iframe>\n\n<style>body{}</style>\n',
    );
    const result = await build({ root, pdf: false });
    expect(result.diagnostics.some((d) => d.rule === 'content/raw-html')).toBe(true);
    const html = readFileSync(join(root, 'dist/2009/18/index.html'), 'utf8');
    const body = html.slice(html.indexOf('<main'));
    expect(body).not.toMatch(/<script|onerror|javascript:|<iframe|<style/i);
    // The title is shown as text, escaped, both in the page body and in <title>.
    expect(body).toContain('祁阳县&#x3C;script>alert(1)&#x3C;/script>');
    expect(pageText(html)).toContain('祁阳县<script>alert(1)</script>。');
  });
});

describe('atomic output', () => {
  it('leaves no temporary folders beside the output', async () => {
    const root = sampleProject();
    await build({ root, pdf: false });
    await build({ root, pdf: false });
    expect(readdirSync(root).filter((n) => n.startsWith('.dist'))).toEqual([]);
    expect(existsSync(join(root, 'dist.lock'))).toBe(false);
  });

  it('a template bug leaves the previous output as it was', async () => {
    const root = sampleProject();
    await build({ root, pdf: false });
    const before = readFileSync(join(root, 'dist/2009/18/index.html'));
    writeFile(root, 'templates/issue.njk', '{% extends "layout.njk" %}{% block main %}{{ issue.nope( }}{% endblock %}');
    const result = await build({ root, pdf: false });
    expect(result.written).toBeUndefined();
    expect(result.diagnostics.find((d) => d.rule === 'render/template')?.message).toContain('模板出错');
    expect(readFileSync(join(root, 'dist/2009/18/index.html'))).toEqual(before);
  });
});

describe('the no-change shortcut', () => {
  it('a second build with nothing changed touches nothing; any change to inputs or output rebuilds', async () => {
    const root = sampleProject();
    const first = await build({ root, pdf: false });
    expect(first.written?.unchanged).toBeUndefined();
    const page = join(root, 'dist/2009/18/index.html');
    const before = readFileSync(page);
    const second = await build({ root, pdf: false });
    expect(second.written?.unchanged).toBe(true);
    expect(second.diagnostics).toEqual(first.diagnostics);
    // One manifest per output folder, no temporary file left beside it.
    expect(readdirSync(join(root, 'node_modules/.cache/yongzu/builds'))).toEqual([
      expect.stringMatching(/^[0-9a-f]{16}\.json$/),
    ]);
    expect(readFileSync(page)).toEqual(before);

    edit(root, 'issues/2009-18/04-qiyang.md', '坚持学习培训', '坚持系统学习培训');
    const third = await build({ root, pdf: false });
    expect(third.written?.unchanged).toBeUndefined();
    expect(readFileSync(page, 'utf8')).toContain('坚持系统学习培训');

    // Someone deleted a page of the output: it is built again.
    rmSync(page);
    const fourth = await build({ root, pdf: false });
    expect(fourth.written?.unchanged).toBeUndefined();
    expect(existsSync(page)).toBe(true);

    // A page edited in place (its folder's time unchanged) is noticed by its own size and time.
    writeFileSync(page, `${readFileSync(page, 'utf8')}<!-- edited -->`);
    expect((await build({ root, pdf: false })).written?.unchanged).toBeUndefined();
    expect(readFileSync(page, 'utf8')).not.toContain('<!-- edited -->');

    // The search index's files are covered by their folders: one removed, or one added, rebuilds.
    const entries = join(root, 'dist/search-index/g');
    const entry = join(entries, readdirSync(entries).sort()[0]!);
    rmSync(entry);
    expect((await build({ root, pdf: false })).written?.unchanged).toBeUndefined();
    expect(existsSync(entry)).toBe(true);
    writeFileSync(join(entries, 'stray.js'), '');
    expect((await build({ root, pdf: false })).written?.unchanged).toBeUndefined();
    expect(existsSync(join(entries, 'stray.js'))).toBe(false);
    expect((await build({ root, pdf: false })).written?.unchanged).toBe(true);

    // A recorded folder replaced by a file (stat says ENOTDIR below it): rebuilt, not a crash.
    const year = join(root, 'dist/2009');
    rmSync(year, { recursive: true });
    writeFileSync(year, 'not a folder');
    expect((await build({ root, pdf: false })).written?.unchanged).toBeUndefined();
    expect(existsSync(page)).toBe(true);

    // A file in a subfolder of an issue folder is an input too (folder signatures recurse).
    writeFile(root, 'issues/2009-18/images/note.txt', 'a');
    expect((await build({ root, pdf: false })).written?.unchanged).toBeUndefined();
    expect((await build({ root, pdf: false })).written?.unchanged).toBe(true);
    writeFile(root, 'issues/2009-18/images/note.txt', 'ab');
    expect((await build({ root, pdf: false })).written?.unchanged).toBeUndefined();

    // Other options (with PDFs) are a different build.
    writeFile(root, 'yongzu.config.yml', 'bulletin: 永组信息\n');
    expect((await build({ root, pdf: false })).written?.unchanged).toBeUndefined();
  });

  it('the CLI reports a build with nothing to do as it reported the build: the same counts, then no change', () => {
    const root = sampleProject();
    // A warning of each kind the summary counts: one --fix corrects (halfwidth comma), one it does not.
    edit(root, 'issues/2009-18/04-qiyang.md', '坚持学习培训', '坚持学习,培训');
    const run = () => spawnSync(process.execPath, [BIN, 'build', '--no-pdf', '--root', root], { encoding: 'utf8' });
    const first = run();
    const second = run();
    expect(first.status).toBe(0);
    expect(second.status).toBe(0);
    const summary = first.stdout.split('\n')[0]!;
    expect(summary).toMatch(/0 个错误，[1-9]\d* 个警告。其中 [1-9]\d* 个警告可用「yongzu check --fix」自动改正。/);
    expect(second.stdout.split('\n')[0]).toBe(summary);
    expect(second.stdout).toContain('没有变化');
    expect(first.stdout).not.toContain('没有变化');
  });
});
