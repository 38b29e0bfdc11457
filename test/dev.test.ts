import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBuildQueue } from '../src/dev/build-queue.js';
import { runDev } from '../src/dev/run-dev.js';
import { launchBrowser, watchErrors } from './e2e/browser.js';
import { edit, readSample, sampleProject } from './helpers.js';

describe('the build queue (no watcher)', () => {
  it('turns a burst of saves into one rebuild', async () => {
    const batches: string[][] = [];
    const q = createBuildQueue(async (changed) => {
      batches.push([...changed]);
    });
    for (let i = 0; i < 10; i++) q.schedule(`a${i % 3}`);
    await q.idle();
    expect(batches).toEqual([['a0', 'a1', 'a2']]);
  });

  it('queues changes that arrive during a build into exactly one follow-up build', async () => {
    const batches: string[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const q = createBuildQueue(async (changed) => {
      batches.push([...changed]);
      if (batches.length === 1) await gate;
    });
    q.schedule('first');
    await new Promise((r) => setTimeout(r, 10));
    q.schedule('second');
    q.schedule('third');
    q.schedule('second');
    release();
    await q.idle();
    expect(batches).toEqual([['first'], ['second', 'third']]);
  });

  it('keeps going after a failed build', async () => {
    const seen: string[] = [];
    const q = createBuildQueue(async (changed) => {
      seen.push(...changed);
      if (changed.has('bad')) throw new Error('boom');
    });
    q.schedule('bad');
    await q.idle();
    q.schedule('good');
    await q.idle();
    expect(seen).toEqual(['bad', 'good']);
  });
});

/** Waits until `fn` returns true, polling; fails after `ms`. */
async function until(fn: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await fn()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('condition not met in time');
}

/**
 * Connects to the dev server's event stream; resolves once connected, so no
 * event sent after it is missed. `next` reads until an event named `wanted`
 * whose data passes `accept`.
 */
async function subscribe(url: string) {
  const res = await fetch(`${url}__yongzu/events`);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    async next(wanted: string, accept: (data: string) => boolean = () => true): Promise<string> {
      for (;;) {
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const m = /^event: (.*)\ndata: (.*)$/.exec(block);
          if (m && m[1] === wanted && accept(m[2]!)) return m[2]!;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        buffer += decoder.decode(value);
      }
    },
    close: () => reader.cancel(),
  };
}

describe('yongzu dev (real files, real HTTP)', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  it('serves the issue, follows an edit, shows errors without losing the last good page, and survives a removed folder', async () => {
    const root = sampleProject();
    const lines: string[] = [];
    const dev = await runDev({ root, out: join(root, 'dist'), port: 0, log: (l) => lines.push(l) });
    close = dev.close;
    const page = `${dev.url}2009/18/`;
    const first = await (await fetch(page)).text();
    expect(first).toContain('江华县全力为新型工业化提供干部保障');
    expect(first).toContain('/__yongzu/client.js');

    // An edit shows up in the served page, and open pages are told to reload.
    const events = await subscribe(dev.url);
    edit(root, 'issues/2009-18/04-qiyang.md', '坚持学习培训', '坚持系统学习培训');
    await events.next('reload');
    expect(await (await fetch(page)).text()).toContain('坚持系统学习培训');

    // A bad save: the page stays as it was; the overlay gets the diagnostics.
    for (let i = 0; i < 3; i++) edit(root, 'issues/2009-18/04-qiyang.md', /county: .*/, `county: 永州县${i}`);
    const list = JSON.parse(await events.next('diagnostics', (data) => data !== '[]')) as {
      file: string;
      line: number;
      message: string;
    }[];
    expect(list.some((d) => d.file === 'issues/2009-18/04-qiyang.md' && d.line === 3)).toBe(true);
    expect(await (await fetch(page)).text()).toContain('坚持系统学习培训');

    // Fixing it clears the errors.
    edit(root, 'issues/2009-18/04-qiyang.md', /county: .*/, 'county: 祁阳县');
    await events.next('diagnostics', (data) => data === '[]');
    await events.close();

    // A template bug keeps the server up and the last good page served; fixing it recovers.
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(root, 'templates'), { recursive: true });
    writeFileSync(
      join(root, 'templates/issue.njk'),
      '{% extends "layout.njk" %}{% block main %}{{ issue.nope( }}{% endblock %}',
    );
    await until(async () => lines.some((l) => l.includes('模板出错')));
    expect(await (await fetch(page)).text()).toContain('坚持系统学习培训');
    rmSync(join(root, 'templates'), { recursive: true });
    await until(async () => lines.at(-1)!.includes('templates') && !lines.at(-1)!.includes('错误'));

    // A renamed file and a removed folder are survived.
    const { renameSync } = await import('node:fs');
    renameSync(join(root, 'issues/2009-18/03-daoxian.md'), join(root, 'issues/2009-18/03-dao.md'));
    await until(async () => (await (await fetch(page)).text()).includes('道县增强党组织'));
    writeFileSync(join(root, 'issues/2009-18/05-new.md'), readSample('04-qiyang.md').replace('祁阳县', '东安县'));
    await dev.idle();
    await until(async () =>
      (await (await fetch(page)).text()).includes('（综合江华县、双牌县、道县、祁阳县、东安县情况）'),
    );
    rmSync(join(root, 'issues/2009-18'), { recursive: true });
    await until(async () => lines.some((l) => l.includes('2009-18')) && (await fetch(dev.url)).ok);
    await dev.idle();
    expect((await fetch(dev.url)).status).toBe(200);
    expect(lines.length).toBeGreaterThan(3);
  });
});

describe('the paged print preview in dev (real Chromium)', () => {
  it('paginates the issue with Paged.js in the browser, within its content policy', async () => {
    const { chromium } = await import('playwright-core');
    const root = sampleProject();
    const dev = await runDev({ root, out: join(root, 'dist'), port: 0, log: () => undefined });
    const browser = await chromium.launch({
      executablePath: process.env['YONGZU_CHROMIUM'] ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    });
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' && !m.text().includes('404')) problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(String(e)));
      await page.goto(`${dev.url}2009/18/`);
      await page.click('#yongzu-print-preview');
      await page.waitForSelector('.pagedjs_page');
      await page.waitForFunction(() => document.querySelectorAll('.pagedjs_page').length >= 3);
      const text = await page.locator('.pagedjs_pages').innerText();
      expect(text.replace(/\s+/g, '')).toContain('（综合江华县、双牌县、道县、祁阳县情况）');
      expect(problems).toEqual([]);
      // The PDF is printed on request.
      const pdf = await fetch(`${dev.url}2009/18/print.pdf`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(
        Buffer.from(await pdf.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
    } finally {
      await browser.close();
      await dev.close();
    }
  }, 180_000);
});

describe('the search in dev (real Chromium)', () => {
  it('searches from the first pages on, and finds what a save adds once the index is made again', async () => {
    const root = sampleProject();
    const dev = await runDev({ root, out: join(root, 'dist'), port: 0, log: () => undefined });
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const errors = watchErrors(page);
      await page.goto(`${dev.url}search/index.html?q=${encodeURIComponent('人才强县')}`);
      await page.locator('.search-result').first().waitFor();
      await page.goto(`${dev.url}search/index.html?q=${encodeURIComponent('新添的词语')}`);
      await expect.poll(() => page.locator('#search-status').textContent()).toContain('没有找到');
      // The open search page reloads itself when the index is written anew, and finds the new words.
      edit(root, 'issues/2009-18/03-daoxian.md', '一是增强党组织带动力', '一是新添的词语增强党组织带动力');
      await page.locator('.search-result').first().waitFor({ timeout: 20_000 });
      expect(await page.locator('.search-result mark').first().textContent()).toBe('新添的词语');
      expect(await page.locator('.search-result .entry-meta').first().textContent()).toMatch(/^道县 · /);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      await dev.close();
    }
  }, 60_000);
});
