import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFNumber, PDFRef } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, pdf } from '../src/api.js';
import { DEFAULT_CONFIG } from '../src/config/defaults.js';
import type { IssueModel } from '../src/model/issue-model.js';
import { renderPrintHtml } from '../src/pdf/render-print.js';
import { footnoteIds, footnoteKeys } from '../src/render/footnote-ids.js';
import { createMarkdownRenderer, loadMarkdownPipeline } from '../src/render/markdown.js';
import { createTemplateEnv } from '../src/render/templates.js';
import { readSample, sampleProject, setBody, writeFile } from './helpers.js';

/**
 * Several write-ups on one page (the site's issue page, the print page of an
 * issue), each with its own `[^1]`: every id once on the page, every
 * reference linked to its own write-up's note.
 */
const note = (county: string) => `正文写到这里[^1]。\n\n[^1]: ${county}的注释。`;
/** The same body in two issues under different counties: the section memo renders it once. */
const SHARED = '两期相同的稿件正文[^1]。\n\n[^1]: 同一条注释。';

let root: string;
let issues: IssueModel[];

beforeAll(async () => {
  root = sampleProject();
  setBody(root, 'issues/2009-18/01-jianghua.md', note('江华县'));
  setBody(root, 'issues/2009-18/02-shuangpai.md', note('双牌县'));
  setBody(root, 'issues/2009-18/03-daoxian.md', SHARED);
  // Issue 19: the shared body under another county, and a county of issue 18 with a note of its own.
  const issueYml = readSample('issue.yml')
    .replace('第18期（总第476期）', '第19期（总第477期）')
    .replace('issue: 18', 'issue: 19')
    .replace('total: 476', 'total: 477')
    .replace('date: 2009-06-15', 'date: 2009-06-30')
    .replace('themes:\n', 'themes:\n  - 抓党建促发展\n');
  writeFile(root, 'issues/2009-19/issue.yml', issueYml);
  const head = (county: string, theme: string, title: string) =>
    `---\nissue: 19\ncounty: ${county}\ntheme: ${theme}\ntitle: ${title}\n---\n\n`;
  writeFile(root, 'issues/2009-19/01-qiyang.md', `${head('祁阳县', '抓党建促发展', '祁阳县相同正文')}${SHARED}\n`);
  const theme = '各县区创新组织工作服务新型工业化发展';
  writeFile(root, 'issues/2009-19/02-jianghua.md', `${head('江华县', theme, '江华县抓党建')}${note('甲')}\n`);
  const result = await build({ root, pdf: false, out: join(root, 'site') });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  issues = result.written!.issues;
}, 120_000);

/** The ids of a page, and its footnote links (href="#…"), each as [target, its own id or ''] in order. */
function footnoteLinks(html: string) {
  const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!);
  const refs = [...html.matchAll(/<a href="#([^"]+)" id="([^"]+)" data-footnote-ref/g)].map((m) => [m[1]!, m[2]!]);
  return { ids, refs };
}

/** The text of the note an id names: the <li> it opens, up to its end. */
function noteText(html: string, id: string): string {
  const at = html.indexOf(`<li id="${id}">`);
  expect(at, id).toBeGreaterThanOrEqual(0);
  return html.slice(at, html.indexOf('</li>', at)).replace(/<[^>]*>/g, '');
}

function expectOwnNotes(html: string, expected: Record<string, string>) {
  const { ids, refs } = footnoteLinks(html);
  expect(new Set(ids).size, `ids unique: ${ids.join(' ')}`).toBe(ids.length);
  expect(ids.every((id) => id.startsWith('user-content-') || !/fn/.test(id))).toBe(true);
  expect(Object.fromEntries(refs.map(([target]) => [target, noteText(html, target!)]))).toEqual(
    Object.fromEntries(Object.entries(expected).map(([target, text]) => [target, expect.stringContaining(text)])),
  );
  // Each note's link back leads to its own reference.
  for (const [target, refId] of refs) {
    const li = html.slice(html.indexOf(`<li id="${target}">`));
    if (html.includes('data-footnote-backref')) expect(li.slice(0, li.indexOf('</li>'))).toContain(`#${refId}"`);
  }
}

describe('footnote ids on a page of several write-ups', () => {
  it('gives each section of an issue its own key, even two counties configured with one slug', () => {
    expect(footnoteKeys([{ id: 'jianghua' }, { id: 'qiyang' }, { id: 'jianghua' }])).toEqual([
      'jianghua',
      'qiyang',
      'jianghua_2',
    ]);
  });

  it('rewrites ids, links and aria-describedby inside tags only, and leaves a body without notes alone', async () => {
    await loadMarkdownPipeline();
    const render = createMarkdownRenderer({ plainProse: false });
    const html = footnoteIds(render(`文中写着 id="user-content-x"[^1]。\n\n[^1]: 注。`), 'k');
    expect(html).toContain('文中写着 id="user-content-x"');
    expect(html).toContain('<a href="#user-content-k_fn-1" id="user-content-k_fnref-1" data-footnote-ref');
    expect(html).toContain('aria-describedby="user-content-k_footnote-label"');
    expect(html).toContain('<h2 class="sr-only" id="user-content-k_footnote-label">注释</h2>');
    expect(html).toContain('<li id="user-content-k_fn-1">');
    expect(html).toContain('href="#user-content-k_fnref-1"');
    expect(html).not.toMatch(/user-content-user-content-|"#?user-content-fn/);
    expect(footnoteIds('<p>正文。</p>', 'k')).toBe('<p>正文。</p>');
  });

  it("links each reference of the site's issue page to its own write-up's note", () => {
    const page = (path: string) => readFileSync(join(root, 'site', path), 'utf8');
    expectOwnNotes(page('2009/18/index.html'), {
      'user-content-jianghua_fn-1': '江华县的注释',
      'user-content-shuangpai_fn-1': '双牌县的注释',
      'user-content-daoxian_fn-1': '同一条注释',
    });
    expectOwnNotes(page('2009/19/index.html'), {
      'user-content-qiyang_fn-1': '同一条注释',
      'user-content-jianghua_fn-1': '甲的注释',
    });
  });

  it("links each reference of the print page to its own write-up's note", () => {
    const env = createTemplateEnv(root);
    const markdown = createMarkdownRenderer();
    const print = (folder: string) =>
      renderPrintHtml(issues.find((i) => i.folder === folder)!, DEFAULT_CONFIG, env, markdown, {
        fontCss: '',
        printCss: '',
      });
    const html18 = print('2009-18');
    expect(html18.match(/<p class="notes-label">注：<\/p>/g)).toHaveLength(3);
    expect(html18).not.toMatch(/data-footnote-backref|aria-describedby|返回|注释</);
    expectOwnNotes(html18, {
      'user-content-jianghua_fn-1': '江华县的注释',
      'user-content-shuangpai_fn-1': '双牌县的注释',
      'user-content-daoxian_fn-1': '同一条注释',
    });
    expectOwnNotes(print('2009-19'), {
      'user-content-qiyang_fn-1': '同一条注释',
      'user-content-jianghua_fn-1': '甲的注释',
    });
  });

  it("links each reference in the PDF to its own write-up's note: the first note after it", async () => {
    const result = await pdf({ root, issues: ['2009-18'], out: join(root, 'pdf') });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const doc = await PDFDocument.load(readFileSync(result.pdfs[0]!.path), { updateMetadata: false });
    const pages = doc.getPages().map((p) => p.ref);
    // A place in reading order: the page, then from the top down.
    const place = (page: PDFRef, y: number) => pages.indexOf(page) * 10_000 - y;
    const named = doc.context.lookup(doc.catalog.get(PDFName.of('Dests')), PDFDict);
    const notes = new Map<string, number>();
    for (const [name, value] of named.entries()) {
      const dest = value instanceof PDFRef ? doc.context.lookup(value, PDFArray) : (value as PDFArray);
      notes.set(name.decodeText(), place(dest.get(0) as PDFRef, (dest.get(3) as PDFNumber).asNumber()));
    }
    const links: [string, number][] = [];
    for (const page of doc.getPages()) {
      for (const ref of page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)?.asArray() ?? []) {
        const annot = doc.context.lookup(ref, PDFDict);
        const dest = annot.get(PDFName.of('Dest'));
        const rect = annot.lookup(PDFName.of('Rect'), PDFArray);
        if (dest instanceof PDFName)
          links.push([dest.decodeText(), place(page.ref, (rect.get(1) as PDFNumber).asNumber())]);
      }
    }
    expect(links.map(([dest]) => dest)).toEqual([
      'user-content-jianghua_fn-1',
      'user-content-shuangpai_fn-1',
      'user-content-daoxian_fn-1',
    ]);
    for (const [dest, at] of links) {
      const next = [...notes].filter(([, p]) => p > at).sort((a, b) => a[1] - b[1])[0];
      expect(next?.[0], dest).toBe(dest);
    }
  }, 300_000);
});
