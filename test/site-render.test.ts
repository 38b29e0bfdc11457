import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/api.js';
import { DEFAULT_CONFIG } from '../src/config/defaults.js';
import { createTemplateEnv, PACKAGE_DIR, type PrecompiledTemplates } from '../src/render/templates.js';

import { createMarkdownRenderer, loadMarkdownPipeline } from '../src/render/markdown.js';
import { siteSearchDocs } from '../src/site/render-site.js';
import { htmlToText } from '../src/search/records.js';
import { checkedProject, renderSiteFiles, sampleProject } from './helpers.js';
import { mergeIssue } from '../src/merge/merge-issue.js';
import {
  countyPagePath,
  TALLY_PAGE,
  tallyCsvName,
  tallyPagePath,
  THEMES_PAGE,
  themeAnchor,
} from '../src/site/site-paths.js';
import type { OutputFile } from '../src/model/output-file.js';
import type { IssueModel } from '../src/model/issue-model.js';

await loadMarkdownPipeline();

/** The issues of a project whose issues are copies of the sample under other numbers. */
async function manyIssues(years: number[], perYear: number): Promise<IssueModel[]> {
  const root = sampleProject();
  const checked = await checkedProject(root);
  const sample = mergeIssue(checked.issues[0]!, checked.config);
  return years.flatMap((year, y) =>
    Array.from({ length: perYear }, (_, k) => ({
      ...sample,
      year,
      issue: k + 1,
      total: y * perYear + k + 1,
      path: `${year}/${k + 1}`,
      folder: `${year}-${k + 1}`,
    })),
  );
}

const text = (f: OutputFile) => (typeof f.content === 'string' ? f.content : Buffer.from(f.content).toString('utf8'));
const env = createTemplateEnv(PACKAGE_DIR);

describe('the rendered site', () => {
  it('links only to pages and anchors it renders (PDFs aside), all relative', async () => {
    const files = renderSiteFiles(await manyIssues([2008, 2009], 3), DEFAULT_CONFIG, env, { pdf: true });
    const byPath = new Map(files.map((f) => [f.path, text(f)]));
    const assets = new Set(['assets/site.css', 'assets/search.js', 'assets/search-engine.js']);
    const pdfs: string[] = [];
    for (const f of files.filter((f) => f.path.endsWith('.html'))) {
      for (const [, href] of text(f).matchAll(/(?:href|src)="([^"]*)"/g)) {
        expect(href, `${f.path}: ${href}`).not.toMatch(/^(https?:)?\/\//);
        if (href!.startsWith('data:')) continue;
        const [path, anchor] = decodeURIComponent(href!).split('?')[0]!.split('#');
        const target = path === '' ? f.path : posix.normalize(posix.join(posix.dirname(f.path), path!));
        if (target.endsWith('.pdf')) {
          pdfs.push(target);
          continue;
        }
        if (assets.has(target)) continue;
        expect(byPath.has(target), `${f.path} → ${href}`).toBe(true);
        if (anchor) expect(byPath.get(target), `${f.path} → ${href}`).toContain(`id="${anchor}"`);
      }
    }
    expect(pdfs).toContain('2009/3/永组信息-2009-03.pdf');
  });

  it('gives every page one h1, a title of its own and the feed link; scripts from files only, no WebAssembly', async () => {
    const files = renderSiteFiles(await manyIssues([2009], 2), DEFAULT_CONFIG, env, { pdf: false });
    const pages = files.filter((f) => f.path.endsWith('.html'));
    const titles = new Set<string>();
    for (const page of pages) {
      const html = text(page);
      expect(html.match(/<h1[ >]/g), page.path).toHaveLength(1);
      expect(html).toContain('<html lang="zh-CN">');
      expect(html).toContain('<link rel="alternate" type="application/atom+xml"');
      expect(html).toContain('<a class="skip" href="#main">');
      expect(html.includes("'wasm-unsafe-eval'"), page.path).toBe(false);
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/);
      titles.add(html.match(/<title>([^<]*)<\/title>/)![1]!);
    }
    expect(titles.size).toBe(pages.length);
    expect(
      files.find((f) => f.path === '2009/1/index.html') && text(files.find((f) => f.path === '2009/1/index.html')!),
    ).not.toContain('.pdf');
  });

  it('keeps the home page light and issue pages independent of the archive size', async () => {
    const issues = await manyIssues([2005, 2006, 2007, 2008, 2009], 40);
    const files = renderSiteFiles(issues, DEFAULT_CONFIG, env, { pdf: true });
    const home = text(files.find((f) => f.path === 'index.html')!);
    expect(home.match(/class="issue-entry"/g)).toHaveLength(40);
    for (const year of [2005, 2006, 2007, 2008, 2009]) expect(home).toContain(`href="${year}/index.html"`);
    const issuePage = text(files.find((f) => f.path === '2009/18/index.html')!);
    // Links to issues of other years would make the site quadratic.
    expect(issuePage.match(/href="\.\.\/\.\.\/2008\/\d+\/index\.html"/g) ?? []).toHaveLength(0);
    expect(issuePage).toContain('href="../../2009/17/index.html"');
    expect(issuePage).toContain('href="../../counties/shuangpai/index.html"');
  });

  it("lists beside each issue page its year's issues, itself marked as the current page and the others linked", async () => {
    const files = renderSiteFiles(await manyIssues([2008, 2009], 4), DEFAULT_CONFIG, env, { pdf: false });
    for (let k = 1; k <= 4; k++) {
      const page = text(files.find((f) => f.path === `2009/${k}/index.html`)!);
      const list = page.match(/<ul class="year-list">([\s\S]*?)<\/ul>/)![1]!;
      const entries = [...list.matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1]!);
      // Newest first, every issue of 2009 once, none of 2008.
      expect(entries.map((e) => e.match(/第(\d+)期/)![1])).toEqual(['4', '3', '2', '1']);
      expect(list).not.toContain('2008/');
      for (const [i, entry] of entries.entries()) {
        const n = 4 - i;
        if (n === k) expect(entry).toMatch(/^<span aria-current="page">第\d+期（本期）<\/span> <time datetime="/);
        else expect(entry).toMatch(new RegExp(`^<a href="\\.\\./\\.\\./2009/${n}/index\\.html">第${n}期</a> <time`));
      }
    }
  });
});

describe('built-in templates precompiled by npm run compile', () => {
  const table = createRequire(import.meta.url)(
    join(PACKAGE_DIR, 'lib/render/builtin-templates.cjs'),
  ) as PrecompiledTemplates;
  type Loaded = { tmplProps?: object; tmplStr?: string };

  it('hold every built-in template and render the site exactly as templates compiled at run time', async () => {
    expect(Object.keys(table).sort()).toEqual(
      readdirSync(join(PACKAGE_DIR, 'templates'))
        .filter((n) => n.endsWith('.njk'))
        .sort(),
    );
    const issues = await manyIssues([2008, 2009], 3);
    const fast = createTemplateEnv(PACKAGE_DIR, table);
    expect((fast.getTemplate('issue.njk', true) as unknown as Loaded).tmplProps).toBeDefined();
    const a = renderSiteFiles(issues, DEFAULT_CONFIG, fast, { pdf: true });
    const b = renderSiteFiles(issues, DEFAULT_CONFIG, createTemplateEnv(PACKAGE_DIR, {}), { pdf: true });
    expect(a.map(text)).toEqual(b.map(text));
  });

  it('are not used for a template whose file changed since, nor where a project has its own', () => {
    const stale = { ...table, 'issue.njk': { ...table['issue.njk']!, source: 'an older version' } };
    const env = createTemplateEnv(PACKAGE_DIR, stale);
    expect((env.getTemplate('issue.njk', true) as unknown as Loaded).tmplProps).toBeUndefined();
    expect((env.getTemplate('layout.njk', true) as unknown as Loaded).tmplProps).toBeDefined();
    const root = sampleProject();
    mkdirSync(join(root, 'templates'), { recursive: true });
    writeFileSync(
      join(root, 'templates', 'layout.njk'),
      readFileSync(join(PACKAGE_DIR, 'templates', 'layout.njk'), 'utf8'),
    );
    const own = createTemplateEnv(root, table);
    expect((own.getTemplate('layout.njk', true) as unknown as Loaded).tmplProps).toBeUndefined();
    expect((own.getTemplate('issue.njk', true) as unknown as Loaded).tmplProps).toBeDefined();
  });
});

describe('the built sample', () => {
  it('writes the search index and the assets beside the pages', async () => {
    const root = sampleProject();
    const result = await build({ root, pdf: false });
    expect(result.written).toBeDefined();
    const dist = join(root, 'dist');
    const all = readdirSync(dist, { recursive: true }) as string[];
    for (const f of [
      'feed.xml',
      'search/index.html',
      'search-index/manifest.js',
      'search-index/g/0.js',
      'search-index/d/0/0.js',
      'stats/index.html',
      'stats/2009/index.html',
      'stats/2009/永组信息-信息采用-2009.csv',
      'assets/search.js',
      'assets/search-engine.js',
      'assets/search-tokens.js',
      'counties/shuangpai/index.html',
      'themes/index.html',
      '2009/index.html',
    ]) {
      expect(all, f).toContain(f);
    }
    expect(all.some((f) => f.includes('pagefind'))).toBe(false);
    expect(all).not.toContain('sitemap.xml');
    const county = readFileSync(join(dist, 'counties/shuangpai/index.html'), 'utf8');
    expect(county).toContain('href="../../2009/18/index.html#shuangpai"');
  });
});

describe('pages kept between rebuilds (dev)', () => {
  it('renders a county page and the theme page again only when what they list changes', async () => {
    const issues = await manyIssues([2009], 2);
    const pageCache = new Map<string, { deps: unknown[]; page: unknown }>();
    const render = (list: IssueModel[]) => renderSiteFiles(list, DEFAULT_CONFIG, env, { pdf: false, pageCache });
    const page = (files: OutputFile[], path: string) => files.find((f) => f.path === path)!;
    // A new model of the second issue (as dev makes after an edit) with its first section changed.
    const edited = (
      change: (s: IssueModel['articles'][number]['sections'][number]) => object,
      theme?: string,
    ): IssueModel[] => [
      issues[0]!,
      {
        ...issues[1]!,
        articles: issues[1]!.articles.map((a, ai) => ({
          ...a,
          theme: ai === 0 && theme ? theme : a.theme,
          sections: a.sections.map((s, si) => (ai === 0 && si === 0 ? { ...s, ...change(s) } : s)),
        })),
      },
    ];
    const county = countyPagePath(issues[1]!.articles[0]!.sections[0]!.county.slug);
    const first = render(issues);
    const bodyOnly = render(edited((s) => ({ body: `${s.body}又一句。` })));
    expect(page(bodyOnly, county)).toBe(page(first, county));
    expect(page(bodyOnly, 'themes/index.html')).toBe(page(first, 'themes/index.html'));
    const retitled = render(edited(() => ({ title: '全新的标题' })));
    expect(text(page(retitled, county))).toContain('全新的标题');
    const rethemed = render(edited(() => ({}), '全新的专题'));
    expect(text(page(rethemed, 'themes/index.html')).replace(/<[^>]*>/g, '')).toContain('全新的专题');
  });
});

describe('browsing by theme, by year, and the tally', () => {
  it("lists each theme once with all its issues, newest first, and links year pages' headlines to it", async () => {
    const issues = await manyIssues([2008, 2009], 2);
    const files = renderSiteFiles(issues, DEFAULT_CONFIG, env, { pdf: false });
    const themes = text(files.find((f) => f.path === THEMES_PAGE)!);
    const theme = issues[0]!.articles[0]!.theme;
    const anchor = themeAnchor(theme);
    const groups = [
      ...themes.matchAll(/<section class="theme-group" aria-labelledby="([^"]+)">([\s\S]*?)<\/section>/g),
    ];
    expect(groups.map((g) => g[1])).toEqual([...new Set(issues[0]!.articles.map((a) => themeAnchor(a.theme)))]);
    const group = groups.find((g) => g[1] === anchor)![2]!;
    expect([...group.matchAll(/>(\d{4})年第(\d+)期</g)].map((m) => `${m[1]}/${m[2]}`)).toEqual([
      '2009/2',
      '2009/1',
      '2008/2',
      '2008/1',
    ]);
    const year = text(files.find((f) => f.path === '2009/index.html')!);
    expect(year).toContain(`href="../${THEMES_PAGE}#${anchor}"`);
    // Headlines keep their words on one line: 工业化 is never cut.
    expect(year).toContain('<span class="kw">工业化</span>');
    const home = text(files.find((f) => f.path === 'index.html')!);
    expect(home.indexOf('id="year-links-title"')).toBeLessThan(home.indexOf('<section class="year"'));
    expect(home).toContain('<a href="#year-links-title">按年份</a>');
    expect(home).toContain(`href="${TALLY_PAGE}"`);
  });

  it('writes a tally page and a CSV per year, linked from the list of years', async () => {
    const issues = await manyIssues([2008, 2009], 2);
    const files = renderSiteFiles(issues, DEFAULT_CONFIG, env, { pdf: false });
    const list = text(files.find((f) => f.path === TALLY_PAGE)!);
    expect(list).toContain(`href="../${tallyPagePath(2009)}"`);
    const page = text(files.find((f) => f.path === tallyPagePath(2009))!);
    const csvName = tallyCsvName(2009);
    expect(page).toContain(`href="${encodeURIComponent(csvName)}"`);
    const csv = text(files.find((f) => f.path === `stats/2009/${csvName}`)!);
    // The sample's four counties, twice each in 2009; the other configured counties at 0, named on the page.
    expect(csv).toContain('\r\n双牌县,2,2\r\n');
    expect(csv).toContain('\r\n零陵区,0,0\r\n');
    expect(page).toContain('本年没有稿件被采用的县区（11个）');
  });
});

describe("what only the print uses stays off the site: the headline's break marker, the notes' English", () => {
  /** The sample issue, its first theme with a break marker, every write-up with a footnote referenced twice. */
  async function markedIssue(): Promise<{ issue: IssueModel; theme: string }> {
    const [sample] = await manyIssues([2009], 1);
    const body = '正文[^1]，又一处[^1]。\n\n[^1]: 注一。';
    const issue: IssueModel = {
      ...sample!,
      articles: sample!.articles.map((a, i) => ({
        ...a,
        theme: i === 0 ? `${a.theme.slice(0, 4)}|${a.theme.slice(4)}` : a.theme,
        sections: a.sections.map((s) => ({ ...s, body: `${s.body}\n\n${body}` })),
      })),
    };
    return { issue, theme: sample!.articles[0]!.theme };
  }

  it('shows a theme without its |, on every page, the feed and the search records', async () => {
    const { issue, theme } = await markedIssue();
    const markdown = createMarkdownRenderer();
    const files = renderSiteFiles([issue], DEFAULT_CONFIG, env, { pdf: false }, markdown);
    for (const f of files) {
      if (!/\.(html|xml|csv)$/.test(f.path)) continue;
      expect(text(f), f.path).not.toMatch(/[|｜]/);
    }
    expect(text(files.find((f) => f.path === THEMES_PAGE)!)).toContain(`id="${themeAnchor(theme)}"`);
    expect(siteSearchDocs([issue], DEFAULT_CONFIG, markdown)[0]!.meta.theme).toBe(theme);
  });

  it("links each write-up's footnotes within it, in Chinese, and keeps their labels out of the search text", async () => {
    const { issue } = await markedIssue();
    const markdown = createMarkdownRenderer();
    const files = renderSiteFiles([issue], DEFAULT_CONFIG, env, { pdf: false }, markdown);
    const page = text(files.find((f) => f.path === '2009/1/index.html')!);
    expect(page).not.toMatch(/Footnotes|Back to|↩|user-content-user-content-|"#?user-content-fn/);
    expect(page).toContain('>注释</h2>');
    const ids = [...page.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!);
    expect(new Set(ids).size, 'ids unique on the page').toBe(ids.length);
    const links = [...page.matchAll(/ (?:href="#|aria-describedby=")([^"]+)"/g)].map((m) => m[1]!);
    const sections = issue.articles.flatMap((a) => a.sections);
    // Each write-up: two references, a note, two links back, all to ids of the page.
    expect(links.filter((l) => /_fn(ref)?-1(-2)?$/.test(l))).toHaveLength(sections.length * 4);
    for (const link of links) expect(ids, link).toContain(link);
    expect(page).toContain(`href="#user-content-${sections[0]!.id}_fnref-1-2"`);
    const doc = siteSearchDocs([issue], DEFAULT_CONFIG, markdown)[0]!;
    expect(htmlToText(doc.html)).toContain('注一。');
    expect(htmlToText(doc.html)).not.toMatch(/注释|返回/);
  });
});
