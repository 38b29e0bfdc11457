import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, pdf } from '../src/api.js';
import { describeChange } from '../src/dev/page-change.js';
import { runDev } from '../src/dev/run-dev.js';
import { launchBrowser, watchErrors } from './e2e/browser.js';
import { edit, REPO, readSample, sampleProject, writeFile } from './helpers.js';

describe('what a rebuild tells open pages (describeChange)', () => {
  it('lists the pages written, and asks for a full reload only when what frames them changed', () => {
    expect(describeChange(['issues/2009-18/04-qiyang.md'], ['2009/18/index.html'])).toEqual({
      pages: ['2009/18/index.html'],
      layout: false,
      print: false,
    });
    expect(describeChange(['styles/site.css'], ['assets/site.css'])).toMatchObject({ layout: true, print: true });
    expect(describeChange(['templates/layout.njk'], ['index.html'])).toMatchObject({ layout: true });
    // The print template changes no site page: only print previews reload.
    expect(describeChange(['templates/print.njk'], [])).toEqual({ pages: [], layout: false, print: true });
    expect(describeChange(['issues/2009-18/04-qiyang.md'], [])).toBeUndefined();
  });
});

/** Installs, before any script of every document of the tab, a marker and a count of loads. */
async function watchNavigations(page: Page): Promise<() => Promise<number>> {
  let loads = 0;
  page.on('load', () => loads++);
  await page.evaluate(() => {
    (window as unknown as { survivor: string }).survivor = 'same document';
  });
  return async () => {
    const alive = await page.evaluate(() => (window as unknown as { survivor?: string }).survivor);
    return alive === 'same document' ? loads : loads + 1000;
  };
}

describe('dev updates open pages in place (real Chromium, real HTTP)', () => {
  let browser: Browser;
  let root: string;
  let dev: Awaited<ReturnType<typeof runDev>>;
  beforeAll(async () => {
    root = sampleProject();
    dev = await runDev({ root, out: join(root, 'dist'), port: 0, log: () => undefined });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await dev?.close();
  });

  it('swaps the issue page content after a save, in the same document, at the same scroll position', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 700 } });
    const errors = watchErrors(page);
    await page.goto(`${dev.url}2009/18/`);
    const navigations = await watchNavigations(page);
    await page.evaluate(() => window.scrollTo(0, 900));
    const before = await page.evaluate(() => window.scrollY);
    expect(before).toBeGreaterThan(800);

    edit(root, 'issues/2009-18/04-qiyang.md', '坚持学习培训', '坚持在岗学习培训');
    await page.waitForFunction(() => document.querySelector('main')?.textContent?.includes('坚持在岗学习培训'));
    expect(await navigations()).toBe(0);
    expect(await page.evaluate(() => window.scrollY)).toBe(before);
    // The dev controls outside <main> are still there.
    expect(await page.locator('#yongzu-print-preview').count()).toBe(1);

    // A second save in a row is applied too.
    edit(root, 'issues/2009-18/04-qiyang.md', '坚持在岗学习培训', '坚持脱产学习培训');
    await page.waitForFunction(() => document.querySelector('main')?.textContent?.includes('坚持脱产学习培训'));
    expect(await navigations()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reloads the page when a template changed', async () => {
    const page = await browser.newPage();
    await page.goto(`${dev.url}2009/18/`);
    const navigations = await watchNavigations(page);
    const layout = readFileSync(join(REPO, 'templates', 'layout.njk'), 'utf8');
    writeFile(root, 'templates/layout.njk', layout.replace('<main id="main"', '<p>模板改过</p><main id="main"'));
    await page.waitForFunction(() => document.body.textContent?.includes('模板改过'));
    expect(await navigations()).toBeGreaterThan(0);
    rmSync(join(root, 'templates'), { recursive: true });
    await page.waitForFunction(() => !document.body.textContent?.includes('模板改过'));
    await dev.idle();
    await page.close();
  });

  it('repaginates the print preview after a save without a reload, on the same page', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
    const errors = watchErrors(page);
    await page.goto(`${dev.url}__yongzu/print/2009/18/`);
    await page.waitForFunction(
      () => (window as unknown as { YongzuPreview?: { report?: unknown } }).YongzuPreview?.report,
    );
    const navigations = await watchNavigations(page);
    // Scroll into the third sheet.
    const topPage = () =>
      page.evaluate(() =>
        Array.from(document.querySelectorAll('body > .pagedjs_pages > .pagedjs_page')).findIndex(
          (p) => p.getBoundingClientRect().bottom > 0,
        ),
      );
    await page.evaluate(() => {
      const third = document.querySelectorAll('.pagedjs_page')[2]!;
      window.scrollTo(0, window.scrollY + third.getBoundingClientRect().top + 200);
    });
    const before = await page.evaluate(() => window.scrollY);
    expect(await topPage()).toBe(2);

    edit(root, 'issues/2009-18/04-qiyang.md', /坚持\S*?学习培训/, '坚持分批脱产学习培训');
    await page.waitForFunction(
      () => document.querySelector('body > .pagedjs_pages')?.textContent?.includes('坚持分批脱产学习培训'),
      undefined,
      { timeout: 20_000 },
    );
    expect(await navigations()).toBe(0);
    expect(await topPage()).toBe(2);
    expect(Math.abs((await page.evaluate(() => window.scrollY)) - before)).toBeLessThan(50);
    // One set of pages, and Paged.js's styles not piling up.
    expect(await page.locator('.pagedjs_pages').count()).toBe(1);
    expect(await page.evaluate(() => document.head.querySelectorAll('style').length)).toBeLessThan(8);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);
});

describe('the print preview an editor can judge (real Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Opens the print preview of 2009/18 and waits for its layout check. */
  async function openPreview(url: string) {
    const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
    const errors = watchErrors(page);
    await page.goto(`${url}__yongzu/print/2009/18/`);
    await page.waitForFunction(
      () => (window as unknown as { YongzuPreview?: { recorded?: Promise<number> } }).YongzuPreview?.recorded,
    );
    const recorded = await page.evaluate(
      () => (window as unknown as { YongzuPreview: { recorded: Promise<number> } }).YongzuPreview.recorded,
    );
    return { page, errors, recorded };
  }

  it('draws centred numbered sheets on a grey desk; the PDF has no grey', async () => {
    const root = sampleProject();
    const dev = await runDev({ root, out: join(root, 'dist'), port: 0, log: () => undefined });
    try {
      const { page, errors } = await openPreview(dev.url);
      const look = await page.evaluate(() => {
        const sheets = Array.from(document.querySelectorAll('.pagedjs_page'));
        const label = getComputedStyle(sheets[0]!, '::before');
        return {
          body: getComputedStyle(document.body).backgroundColor,
          sheet: getComputedStyle(sheets[0]!).backgroundColor,
          centres: sheets.map((s) => {
            const r = s.getBoundingClientRect();
            return Math.round(r.left + r.width / 2 - document.documentElement.clientWidth / 2);
          }),
          gaps: sheets
            .slice(1)
            .map((s, i) => s.getBoundingClientRect().top - sheets[i]!.getBoundingClientRect().bottom),
          label: label.content,
          labelShown: label.display !== 'none' && Number.parseFloat(label.height) > 0,
          status: document.getElementById('yongzu-layout')?.textContent ?? '',
        };
      });
      expect(look.body).toBe('rgb(217, 217, 217)');
      expect(look.sheet).toBe('rgb(255, 255, 255)');
      for (const c of look.centres) expect(Math.abs(c)).toBeLessThanOrEqual(1);
      for (const g of look.gaps) expect(g).toBeGreaterThan(20);
      expect(look.label).toContain('counter(page)');
      expect(look.labelShown).toBe(true);
      expect(look.status).toContain('共 4 页（页数预算 4 页）');
      expect(errors).toEqual([]);
      await page.close();

      // The PDF of the same issue: its page corners are paper white, not the desk's grey.
      const pdf = Buffer.from(await (await fetch(`${dev.url}2009/18/print.pdf`)).arrayBuffer());
      const dir = mkdtempSync(join(tmpdir(), 'yongzu-pdf-'));
      writeFileSync(join(dir, 'issue.pdf'), pdf);
      execFileSync('pdftoppm', ['-r', '20', '-f', '1', '-l', '1', join(dir, 'issue.pdf'), join(dir, 'p')]);
      const ppm = readFileSync(join(dir, 'p-1.ppm'));
      const [, width, height] = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 30).toString('latin1'))!.map(Number);
      const start = ppm.length - width! * height! * 3;
      const pixel = (x: number, y: number) => [
        ...ppm.subarray(start + (y * width! + x) * 3, start + (y * width! + x) * 3 + 3),
      ];
      for (const [x, y] of [
        [1, 1],
        [width! - 2, 1],
        [1, height! - 2],
        [width! - 2, height! - 2],
      ])
        for (const v of pixel(x!, y!)) expect(v).toBeGreaterThan(245);
    } finally {
      await dev.close();
    }
  }, 90_000);

  it('warns in the preview, then in check, about a lone last line of a paragraph', async () => {
    const root = sampleProject();
    for (const f of ['02-shuangpai.md', '03-daoxian.md', '04-qiyang.md']) rmSync(join(root, 'issues/2009-18', f));
    // A project stylesheet that lets Paged.js leave one line of a paragraph on a page.
    writeFile(
      root,
      'styles/print.css',
      `${readFileSync(join(REPO, 'styles', 'print.css'), 'utf8')}\nhtml { orphans: 1; widows: 1; }\n`,
    );
    // A paragraph 13 lines long after the title: 11 fit on page 1, so its last line goes alone to page 2.
    const front = readSample('01-jianghua.md').split('\n---\n')[0];
    const unit = '组织工作服务发展大局';
    const long = `${unit.repeat(34).slice(0, 28 * 12 - 2)}。`;
    writeFile(root, 'issues/2009-18/01-jianghua.md', `${front}\n---\n\n${long}\n\n二是${unit.repeat(5)}。\n`);
    const dev = await runDev({ root, out: join(root, 'dist'), port: 0, log: () => undefined });
    try {
      const { page, errors, recorded } = await openPreview(dev.url);
      expect(recorded).toBe(204);
      const finding = page.locator('#yongzu-layout.warn .yongzu-finding[data-kind="last-line"]');
      expect(await finding.count()).toBe(1);
      expect(await finding.textContent()).toContain('第 2 页页首只有上一页那段的最后一行');
      // The lone line is flagged on its sheet.
      expect(await page.locator('.pagedjs_page:nth-child(2).yongzu-flagged .yongzu-lone').count()).toBe(1);
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await dev.close();
    }
    const found = (await check({ root })).diagnostics.filter((d) => d.rule === 'pdf/lone-line');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: 'issues/2009-18/01-jianghua.md', line: 8, severity: 'warning' });
    expect(found[0]!.message).toContain('上次排版');
    expect(found[0]!.message).not.toContain('过时');

    // After an edit the record is from an older layout: check says so.
    edit(root, 'issues/2009-18/01-jianghua.md', '二是', '二是再');
    const [stale] = (await check({ root })).diagnostics.filter((d) => d.rule === 'pdf/lone-line');
    expect(stale!.message).toContain('结果可能已过时');

    // yongzu pdf lays the issue out again: the same finding, once, from this layout; check is current again.
    const printed = (await pdf({ root })).diagnostics.filter((d) => d.rule === 'pdf/lone-line');
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatchObject({ file: 'issues/2009-18/01-jianghua.md', line: 8 });
    expect(printed[0]!.message).toContain('排版后：第 2 页页首');
    const [again] = (await check({ root })).diagnostics.filter((d) => d.rule === 'pdf/lone-line');
    expect(again!.message).not.toContain('过时');
  }, 150_000);

  it('warns about a page of only the source line and an issue over its page budget', async () => {
    const root = sampleProject();
    for (const f of ['02-shuangpai.md', '03-daoxian.md', '04-qiyang.md']) rmSync(join(root, 'issues/2009-18', f));
    const front = readSample('01-jianghua.md').split('\n---\n')[0];
    // Nine full lines fill page 1 with the paragraph after them: the source line goes alone to page 2.
    const unit = '组织工作服务发展大局';
    writeFile(
      root,
      'issues/2009-18/01-jianghua.md',
      `${front}\n---\n\n${unit.repeat(26).slice(0, 28 * 9 - 2)}。\n\n二是${unit.repeat(5)}。\n`,
    );
    writeFile(root, 'yongzu.config.yml', 'pageBudget: 1\n');
    const dev = await runDev({ root, out: join(root, 'dist'), port: 0, log: () => undefined });
    try {
      const { page, recorded } = await openPreview(dev.url);
      expect(recorded).toBe(204);
      expect(await page.locator('.yongzu-finding[data-kind="source-alone"]').textContent()).toContain(
        '第 2 页只有来源行',
      );
      expect(await page.locator('.yongzu-over-budget').textContent()).toContain('超出页数预算 1 页');
      await page.close();
    } finally {
      await dev.close();
    }
    const ds = (await check({ root })).diagnostics;
    expect(ds.find((d) => d.rule === 'pdf/source-alone')).toMatchObject({
      file: 'issues/2009-18/01-jianghua.md',
      line: 10,
    });
    expect(ds.find((d) => d.rule === 'pdf/page-budget')?.message).toContain('超出页数预算（1 页）1 页');
  }, 90_000);

  it('takes layout findings only from its own pages', async () => {
    const root = sampleProject();
    const dev = await runDev({ root, out: join(root, 'dist'), port: 0, log: () => undefined });
    try {
      const url = `${dev.url}__yongzu/layout/2009/18`;
      const body = JSON.stringify({ pages: 9, findings: [] });
      // The token is in the print preview's page, as in every page dev serves.
      const previewPage = await (await fetch(`${dev.url}__yongzu/print/2009/18/`)).text();
      const token = /<meta name="yongzu-desk-token" content="([^"]+)">/.exec(previewPage)?.[1] ?? '';
      expect(token).not.toBe('');
      const post = (headers: Record<string, string>, data = body) =>
        fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: data });
      const origin = dev.url.replace(/\/$/, '');
      const own = { origin, 'x-yongzu-desk': token };
      expect((await post({ origin: 'http://evil.example', 'x-yongzu-desk': token })).status).toBe(403);
      expect((await post({ 'x-yongzu-desk': token })).status).toBe(403);
      expect((await post({ origin })).status).toBe(403);
      expect((await post({ origin, 'x-yongzu-desk': 'guessed' })).status).toBe(403);
      expect((await post(own, '{"pages": "many"}')).status).toBe(422);
      expect(
        (
          await fetch(`${dev.url}__yongzu/layout/2010/1`, {
            method: 'POST',
            headers: { ...own, 'content-type': 'application/json' },
            body,
          })
        ).status,
      ).toBe(422);
      expect((await check({ root })).diagnostics.filter((d) => d.rule === 'pdf/page-budget')).toEqual([]);
      expect((await post(own)).status).toBe(204);
      expect((await check({ root })).diagnostics.filter((d) => d.rule === 'pdf/page-budget')).toHaveLength(1);
    } finally {
      await dev.close();
    }
  });
});
