import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, pdf } from '../../src/api.js';
import { mergeIssue } from '../../src/merge/merge-issue.js';
import { renderPdfs } from '../../src/pdf/render-pdfs.js';
import { createTemplateEnv } from '../../src/render/templates.js';
import { BIN, checkedProject, edit, REPO, sampleProject, writeFile } from '../helpers.js';

const NO_BROWSER = { ...process.env, YONGZU_CHROMIUM: '/nonexistent/chromium' };

describe('PDF failures become diagnostics', () => {
  it('without a browser, build says how to install one, exits 1 and keeps the last good output', async () => {
    const root = sampleProject();
    const first = await build({ root, pdf: false });
    expect(first.written).toBeDefined();
    const before = readFileSync(join(root, 'dist/2009/18/index.html'));
    edit(root, 'issues/2009-18/04-qiyang.md', '坚持学习培训', '坚持学习和培训');
    const r = spawnSync(process.execPath, [BIN, 'build', '--root', root], { encoding: 'utf8', env: NO_BROWSER });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      /issues\/2009-18\/issue\.yml:1:1 {2}错误 {2}2009年第18期（总第476期）的 PDF 未生成：.*apt-get install chromium.* {2}pdf\/browser/,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(readFileSync(join(root, 'dist/2009/18/index.html'))).toEqual(before);
    expect(existsSync(join(root, 'dist/2009/18/永组信息-2009-18.pdf'))).toBe(false);
  });

  it('`yongzu pdf` names an unknown issue and lists the ones there are', () => {
    const root = sampleProject();
    const r = spawnSync(process.execPath, [BIN, 'pdf', '477', '--root', root], { encoding: 'utf8', env: NO_BROWSER });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('没有找到「477」这一期');
    expect(r.stdout).toContain('2009-18（总第476期）');
  });

  it('a render over its time limit is retried once, then reported naming the issue', async () => {
    const root = sampleProject();
    const checked = await checkedProject(root);
    const issues = checked.issues.map((i) => mergeIssue(i, checked.config));
    const result = await renderPdfs(issues, checked.config, createTemplateEnv(root), {
      root,
      timeoutMs: 200,
      cacheDir: false,
    });
    expect(result.value).toEqual([]);
    const d = result.diagnostics.find((x) => x.rule === 'pdf/render');
    expect(d?.severity).toBe('error');
    expect(d?.file).toBe('issues/2009-18/issue.yml');
    expect(d?.message).toContain('2009年第18期（总第476期）的 PDF 生成失败，两次都超过了');
  }, 60_000);

  it('text that Paged.js drops is caught after pagination, and no PDF is written', async () => {
    const root = sampleProject();
    // Floated paragraphs are a layout Paged.js is known to lose content in.
    const css = readFileSync(join(REPO, 'styles/print.css'), 'utf8');
    writeFile(root, 'styles/print.css', `${css}\n.county-section p { float: left; }\n`);
    const result = await pdf({ root });
    const d = result.diagnostics.find((x) => x.rule === 'pdf/content-lost');
    expect(d?.severity).toBe('error');
    expect(d?.file).toBe('issues/2009-18/issue.yml');
    expect(d?.message).toMatch(/2009年第18期（总第476期）排版后缺少 \d+ 段文字（共 \d+ 段），如「/);
    expect(result.pdfs).toEqual([]);
    expect(existsSync(join(root, 'pdf')) ? readdirSync(join(root, 'pdf')) : []).toEqual([]);
  }, 120_000);
});
