import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, DEFAULT_COUNTIES } from '../src/config/defaults.js';
import { escapeXml, renderFeed, stableUuid, FEED_ENTRIES } from '../src/site/render-feed.js';
import { renderSitemap } from '../src/site/render-sitemap.js';
import { createSearchDocs } from '../src/site/search-records.js';
import vm from 'node:vm';
import * as tokens from '../src/search/tokens.js';
import { isSearchable, normalizeSearchText, searchTokensScript } from '../src/search/tokens.js';
import { createSiteModel, groupEntriesByYear, homeYears } from '../src/site/site-model.js';
import { tallyCsv, tallyYear } from '../src/site/tally.js';
import {
  countyPagePath,
  formatBytes,
  issuePagePath,
  pdfFileName,
  pdfPath,
  relativeRoot,
  yearPagePath,
} from '../src/site/site-paths.js';
import type { IssueModel } from '../src/model/issue-model.js';
import { htmlToText, runInTitleText } from '../src/search/records.js';
import { YEAR_LIST_WINDOW, yearListWindow } from '../src/site/render-issue-pages.js';

const county = (slug: string) => DEFAULT_COUNTIES.find((c) => c.slug === slug)!;

/** A minimal issue model with one article per theme, each written by the given counties. */
function issue(year: number, n: number, articles: Record<string, string[]> = { 主题: ['shuangpai'] }): IssueModel {
  const arts = Object.entries(articles).map(([theme, slugs]) => ({
    theme,
    source: '',
    sections: slugs.map((slug) => ({
      id: slug,
      county: county(slug),
      countyText: county(slug).name,
      title: `${county(slug).name}${theme}`,
      file: `${slug}.md`,
      body: '正文',
      bodyLine: 6,
    })),
  }));
  return {
    folder: `${year}-${n}`,
    year,
    issue: n,
    total: 400 + n,
    date: `${year}-03-0${(n % 9) + 1}`,
    dateText: `${year}年3月${(n % 9) + 1}日`,
    path: `${year}/${n}`,
    articles: arts,
    counties: arts.flatMap((a) => a.sections.map((s) => s.county)),
    distribution: [],
    copies: undefined,
    editor: undefined,
    reviewer: undefined,
    note: undefined,
  };
}

describe('site paths', () => {
  it('names pages and the PDF after the issue', () => {
    const ref = { year: 2009, issue: 8 };
    expect(issuePagePath(ref)).toBe('2009/8/index.html');
    expect(yearPagePath(2009)).toBe('2009/index.html');
    expect(countyPagePath('shuangpai')).toBe('counties/shuangpai/index.html');
    expect(pdfFileName(ref)).toBe('永组信息-2009-08.pdf');
    expect(pdfFileName({ year: 2009, issue: 18 })).toBe('永组信息-2009-18.pdf');
    expect(pdfPath({ year: 2009, issue: 18 })).toBe('2009/18/永组信息-2009-18.pdf');
  });

  it('leads back to the root relatively, and formats sizes', () => {
    expect(relativeRoot('index.html')).toBe('');
    expect(relativeRoot('2009/index.html')).toBe('../');
    expect(relativeRoot('2009/18/index.html')).toBe('../../');
    expect(formatBytes(900)).toBe('900 B');
    expect(formatBytes(350 * 1024)).toBe('350 KB');
    expect(formatBytes(1.5 * 1024 * 1024)).toBe('1.5 MB');
  });
});

describe('site model', () => {
  const issues = [
    issue(2008, 40),
    issue(2009, 2, { 甲: ['shuangpai', 'daoxian'] }),
    issue(2009, 18, { 甲: ['daoxian'], 乙: ['shuangpai'] }),
    issue(2007, 1),
  ];
  const model = createSiteModel(issues, DEFAULT_COUNTIES);

  it('orders issues newest first and groups them by year', () => {
    expect(model.issues.map((i) => i.path)).toEqual(['2009/18', '2009/2', '2008/40', '2007/1']);
    expect(model.years.map((y) => [y.year, y.issues.length])).toEqual([
      [2009, 2],
      [2008, 1],
      [2007, 1],
    ]);
  });

  it("lists each county's write-ups newest first, with their anchors, and keeps counties without any", () => {
    const shuangpai = model.counties.find((c) => c.county.slug === 'shuangpai')!;
    expect(shuangpai.entries.map((e) => `${e.issue.path}#${e.anchor} ${e.theme}`)).toEqual([
      '2009/18#shuangpai 乙',
      '2009/2#shuangpai 甲',
      '2008/40#shuangpai 主题',
      '2007/1#shuangpai 主题',
    ]);
    expect(model.counties.find((c) => c.county.slug === 'jindong')!.entries).toEqual([]);
    expect(model.counties).toHaveLength(DEFAULT_COUNTIES.length);
    expect(groupEntriesByYear(shuangpai.entries).map((y) => [y.year, y.entries.length])).toEqual([
      [2009, 2],
      [2008, 1],
      [2007, 1],
    ]);
  });

  it('shows the newest years on the home page until enough issues, at most two years', () => {
    const years = [2012, 2011, 2010].map((year) => ({
      year,
      issues: Array.from({ length: year === 2012 ? 3 : 40 }, (_, i) => issue(year, i + 1)),
    }));
    expect(homeYears(years).map((y) => y.year)).toEqual([2012, 2011]);
    expect(homeYears(years.slice(1)).map((y) => y.year)).toEqual([2011]);
    expect(homeYears([])).toEqual([]);
  });
});

describe('search tokens', () => {
  it('drops punctuation and spaces and folds width and case', () => {
    expect(normalizeSearchText('人才、强县 ＡＢ，1０')).toBe('人才强县ab10');
    expect(isSearchable('县')).toBe(false);
    expect(isSearchable('干部')).toBe(true);
    expect(isSearchable('，。 ')).toBe(false);
  });

  it('ships the same functions to the browser, as a classic script (it must run from disk)', () => {
    const source = searchTokensScript();
    expect(source).not.toMatch(/\bimport\b|\bexport\b|require\(/);
    const context: Record<string, unknown> = {};
    context['self'] = context;
    vm.runInNewContext(source, context);
    const browser = context['YongzuSearchTokens'] as typeof tokens;
    for (const q of ['人才强县', 'ＡＢ１２ 干部', '😀𠀀Σ', '一', '"道县 人才" 县']) {
      expect(JSON.stringify(browser.parseQuery(q))).toBe(JSON.stringify(tokens.parseQuery(q)));
      expect(browser.normalizeSearchText(q)).toBe(tokens.normalizeSearchText(q));
      expect(JSON.stringify(browser.termGrams(tokens.normalizeSearchText(q)))).toBe(
        JSON.stringify(tokens.termGrams(tokens.normalizeSearchText(q))),
      );
      expect(browser.gramShard(q, 512)).toBe(tokens.gramShard(q, 512));
    }
    expect(browser.readNumbers('0Z1')).toEqual(tokens.readNumbers('0Z1'));
  });
});

describe('search docs', () => {
  it('makes one per write-up, anchored, titled with its own headline, its county apart', () => {
    const i = issue(2009, 18, { 甲: ['shuangpai', 'daoxian'] });
    const articles = i.articles.map((a) => ({
      theme: a.theme,
      sections: a.sections.map((s) => ({
        ...s,
        html: `<p><strong>${s.title}。</strong>一是&#x3C;好&#x3E; &amp; 干部</p>`,
      })),
    }));
    const docs = createSearchDocs(i, articles);
    expect(docs.map((d) => d.meta.href)).toEqual(['2009/18/index.html#shuangpai', '2009/18/index.html#daoxian']);
    expect(docs[0]!.meta).toEqual({
      title: '双牌县甲',
      county: '双牌县',
      year: 2009,
      issue: '2009年第18期（总第418期）',
      date: i.dateText,
      theme: '甲',
      href: '2009/18/index.html#shuangpai',
    });
    expect(htmlToText(docs[0]!.html)).toBe('双牌县甲。一是<好> & 干部');
    expect(runInTitleText(docs[0]!.html)).toBe('双牌县甲。');
    expect(runInTitleText('<p>正文</p>')).toBe('');
  });

  it('turns sanitized HTML into text', () => {
    expect(htmlToText('<p>甲&quot;乙&quot;</p><ul><li>丙&#x26;丁</li></ul>')).toBe('甲"乙"\n丙&丁');
    expect(
      htmlToText(
        '<h3>标题</h3>\n<p><strong>加粗</strong>&#35;&amp;lt;&#x3C;b></p>\n\n<table><tr><td>甲</td></tr></table>',
      ),
    ).toBe('标题\n加粗#&lt;<b>\n甲');
  });
});

describe('feed and sitemap', () => {
  const issues = Array.from({ length: 25 }, (_, k) => issue(2009, 25 - k));

  it('carries the newest issues, escaped, with relative links and stable ids when no base URL is set', () => {
    const xml = renderFeed(issues, { ...DEFAULT_CONFIG, site: { title: '永组<信息>', baseUrl: '' } });
    expect(xml.match(/<entry>/g)).toHaveLength(FEED_ENTRIES);
    expect(xml).toContain('<title>永组&lt;信息&gt;</title>');
    expect(xml).toContain('<link rel="alternate" type="text/html" href="2009/25/index.html"/>');
    expect(xml).toContain(`<id>${stableUuid('永组信息/2009/25')}</id>`);
    expect(stableUuid('a')).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(escapeXml(`<&"'>`)).toBe('&lt;&amp;&quot;&apos;&gt;');
  });

  it('uses absolute links with a base URL, and writes the sitemap only then', () => {
    const config = { ...DEFAULT_CONFIG, site: { title: 't', baseUrl: 'https://example.org/yzxx/' } };
    expect(renderFeed(issues, config)).toContain('href="https://example.org/yzxx/2009/25/index.html"');
    const sitemap = renderSitemap(['index.html', '2009/18/index.html'], config)!;
    expect(sitemap).toContain('<loc>https://example.org/yzxx/</loc>');
    expect(sitemap).toContain('<loc>https://example.org/yzxx/2009/18/</loc>');
    expect(renderSitemap(['index.html'], DEFAULT_CONFIG)).toBeUndefined();
  });

  it('drops the characters XML does not allow from every text', () => {
    const dirty = issue(2009, 26);
    dirty.articles[0]!.sections[0]!.title = '标题\u0001\u000c\u001b\ud800\ufffe完';
    const xml = renderFeed([dirty], { ...DEFAULT_CONFIG, site: { title: '永组\u0000信息', baseUrl: '' } });
    expect(xml).toContain('标题完');
    expect(xml).toContain('<title>永组信息</title>');
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});

describe('the year list beside an issue page', () => {
  it('lists all of a year of 48 issues or fewer, else the 48 around the issue', () => {
    const year = Array.from({ length: 1000 }, (_, k) => issue(2009, 1000 - k));
    expect(yearListWindow(year.slice(0, 40), year[5]!)).toHaveLength(40);
    const around = yearListWindow(year, year[500]!);
    expect(around).toHaveLength(YEAR_LIST_WINDOW);
    expect(around).toContain(year[500]);
    expect(around[0]).toBe(year[476]);
    expect(yearListWindow(year, year[0]!)[0]).toBe(year[0]);
    expect(yearListWindow(year, year[999]!).at(-1)).toBe(year[999]);
  });
});

describe('the tally of write-ups adopted (信息采用)', () => {
  const model = createSiteModel(
    [
      issue(2009, 1, { 甲: ['shuangpai', 'daoxian'], 乙: ['shuangpai'] }),
      issue(2009, 2, { 甲: ['daoxian'] }),
      issue(2008, 9, { 丙: ['jianghua'] }),
    ],
    DEFAULT_COUNTIES,
  );

  it('counts each write-up once for its county and once for its theme, and names the counties with none', () => {
    const t = tallyYear(model.years[0]!, DEFAULT_COUNTIES);
    expect(t).toMatchObject({ year: 2009, issues: 2, count: 4 });
    expect(t.counties.map((c) => c.county.name)).toEqual(DEFAULT_COUNTIES.map((c) => c.name));
    const of = (slug: string) => t.counties.find((c) => c.county.slug === slug)!;
    expect([of('shuangpai').count, of('shuangpai').issues]).toEqual([2, 1]);
    expect([of('daoxian').count, of('daoxian').issues]).toEqual([2, 2]);
    expect(t.without.map((c) => c.slug)).not.toContain('daoxian');
    expect(t.without).toHaveLength(DEFAULT_COUNTIES.length - 2);
    expect(t.themes.map((x) => [x.theme, x.count, x.issues.map((i) => i.issue)])).toEqual([
      ['甲', 3, [2, 1]],
      ['乙', 1, [1]],
    ]);
  });

  it('writes the county table as CSV that Excel opens right: BOM, CRLF, quoted where needed', () => {
    const t = tallyYear(model.years[0]!, [...DEFAULT_COUNTIES, { name: '新,"区"', aliases: [], slug: 'x' }]);
    const csv = tallyCsv(t);
    expect(csv.startsWith('\ufeff县区,2009年采用篇数,涉及期数\r\n')).toBe(true);
    expect(csv).toContain('\r\n道县,2,2\r\n');
    expect(csv).toContain('\r\n"新,""区""",0,0\r\n');
    expect(csv.endsWith('\r\n合计,4,2\r\n')).toBe(true);
  });
});
