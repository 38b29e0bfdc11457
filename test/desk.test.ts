import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guessCounty } from '../src/dev/guess-county.js';
import { build } from '../src/api.js';
import { runDev } from '../src/dev/run-dev.js';
import { writeSourceAtomic } from '../src/write/write-source.js';
import { DEFAULT_COUNTIES } from '../src/config/defaults.js';
import { MAX_FILE_BYTES } from '../src/model/limits.js';
import { launchBrowser, watchErrors } from './e2e/browser.js';
import { digest, sampleProject } from './helpers.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const THEME = '各县区创新组织工作服务新型工业化发展';

/** A county's Word file: a bold title line, a body with half-width commas, an image-free sign-off. */
async function ningyuanDocx(): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun({ text: '宁远县以党建引领园区发展', bold: true })] }),
          new Paragraph('宁远县今年以来,把党组织建在园区,建在项目上。共组建园区党组织12个,选派党建指导员30名。'),
          new Paragraph('二是强化人才支撑。引进各类人才120名。'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** A POST with headers of our choosing (fetch sets Host and Origin itself). */
function post(
  url: string,
  headers: Record<string, string>,
  body: Buffer | string = '',
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const req = request(
      { method: 'POST', host: u.hostname, port: u.port, path: u.pathname + u.search, headers },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    // The server may answer (413) and close before the whole body is sent.
    req.on('error', (e) => (String(e).includes('EPIPE') || String(e).includes('ECONNRESET') ? undefined : reject(e)));
    req.end(body);
  });
}

describe('guessing a dropped file’s county', () => {
  it('reads the file name (name, short name or slug), then the title, then the text', () => {
    expect(guessCounty('宁远县信息.docx', undefined, '', DEFAULT_COUNTIES)).toBe('宁远县');
    expect(guessCounty('05-jianghua.docx', undefined, '', DEFAULT_COUNTIES)).toBe('江华县');
    expect(guessCounty('稿件.docx', '双牌县大力推进人才强县', '', DEFAULT_COUNTIES)).toBe('双牌县');
    expect(guessCounty('稿件.docx', '人才工作', '江华瑶族自治县今年以来', DEFAULT_COUNTIES)).toBe('江华县');
    expect(guessCounty('稿件.docx', '人才工作', '今年以来', DEFAULT_COUNTIES)).toBeUndefined();
  });
});

describe('the desk in real Chromium (yongzu dev, real files, real HTTP)', () => {
  let root: string;
  let dev: Awaited<ReturnType<typeof runDev>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  const lines: string[] = [];
  beforeAll(async () => {
    root = sampleProject();
    dev = await runDev({ root, out: join(root, 'dist'), port: 0, log: (l) => lines.push(l) });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await dev?.close();
  });

  async function openIssue(width = 1366): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    const errors = watchErrors(page);
    await page.goto(`${dev.url}2009/18/`);
    await page.waitForSelector('html[data-yongzu-desk="ready"]');
    return { page, errors };
  }

  it('a dropped .docx: the county guessed, imported, its write-up in the page, its warnings in the panel, fixed with one click', async () => {
    const { page, errors } = await openIssue();
    // Closed by default.
    expect(await page.locator('#yongzu-desk-panel').isHidden()).toBe(true);
    expect(await page.getAttribute('#yongzu-desk-toggle', 'aria-expanded')).toBe('false');

    // Drop the file on the page, as from the file manager.
    const bytes = (await ningyuanDocx()).toString('base64');
    await page.evaluate(
      ([data, name]) => {
        const raw = Uint8Array.from(atob(data!), (c) => c.charCodeAt(0));
        const dt = new DataTransfer();
        dt.items.add(new File([raw], name!, { type: 'application/octet-stream' }));
        document.body.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
        document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      },
      [bytes, '宁远县组织部信息.docx'],
    );
    const county = page.locator('#yongzu-desk-dialog select[name=county]');
    await county.waitFor();
    expect(await county.inputValue()).toBe('宁远县');
    // Counties already written up cannot be chosen.
    expect(await page.locator('#yongzu-desk-dialog option[value="江华县"]').isDisabled()).toBe(true);
    expect(await page.locator('#yongzu-desk-dialog select[name=theme]').inputValue()).toBe(THEME);
    await page.click('#yongzu-desk-dialog button[type=submit]');

    // The import's report (kept on the server under the page's id, so it survives the reload the rebuild brings).
    await page.waitForSelector('#yongzu-desk-dialog .yongzu-desk-kept');
    const report = await page.locator('#yongzu-desk-dialog').innerText();
    expect(report).toContain('issues/2009-18/05-ningyuan.md');
    expect(report).toContain('宁远县以党建引领园区发展');
    expect(report).toContain('copy/halfwidth-punctuation');
    const file = join(root, 'issues/2009-18/05-ningyuan.md');
    const imported = readFileSync(file, 'utf8');
    expect(imported).toContain('county: 宁远县');
    expect(imported).toContain('宁远县今年以来,把党组织建在园区');

    // The write-up appears in the page (after the rebuild).
    await page.waitForSelector('.county-section[data-county="宁远县"]');
    expect(await page.locator('.county-section[data-county="宁远县"]').innerText()).toContain('把党组织建在园区');
    await page.click('#yongzu-desk-dialog .yongzu-desk-go');
    expect(await page.locator('#yongzu-desk-dialog').isVisible()).toBe(false);

    // The panel, opened from the keyboard.
    await page.focus('#yongzu-desk-toggle');
    await page.keyboard.press('Enter');
    expect(await page.getAttribute('#yongzu-desk-toggle', 'aria-expanded')).toBe('true');
    const block = page.locator('.yongzu-desk-file[data-file="05-ningyuan.md"]');
    await block.waitFor();
    expect(await page.locator('.yongzu-desk-present').innerText()).toContain('宁远县（05-ningyuan.md）');
    expect(await page.locator('.yongzu-desk-missing').innerText()).toContain('零陵区');
    expect(await page.locator('.yongzu-desk-missing').innerText()).not.toContain('宁远县');
    const first = block.locator('.yongzu-desk-diagnostic').first();
    expect(await first.innerText()).toContain('copy/halfwidth-punctuation');
    expect(await block.locator('.yongzu-desk-excerpt').first().innerText()).toContain('^');

    // A diagnostic takes the page to its paragraph.
    await page.evaluate(() => window.scrollTo(0, 0));
    await first.click();
    const target = page.locator('.yongzu-desk-target');
    expect(await target.innerText()).toContain('把党组织建在园区');
    // In view (the page scrolled from its top; the last section may not reach the top of the window).
    const [top, height] = await target.evaluate((e) => [e.getBoundingClientRect().top, window.innerHeight]);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(height! / 2);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);

    // 自动修正: one click, the file fixed, the original backed up, the diff shown (also after the reload).
    await block.locator('.yongzu-desk-fix').click();
    await page.waitForSelector('.yongzu-desk-fixed .yongzu-desk-diff ins');
    const fixed = readFileSync(file, 'utf8');
    expect(fixed).toContain('宁远县今年以来，把党组织建在园区，建在项目上');
    expect(await page.locator('.yongzu-desk-fixed ins').first().innerText()).toBe('，');
    expect(await page.locator('.yongzu-desk-fixed del').first().innerText()).toBe(',');
    const backups = readdirSync(join(root, '.yongzu/backup'));
    expect(backups).toHaveLength(1);
    expect(readFileSync(join(root, '.yongzu/backup', backups[0]!, 'issues/2009-18/05-ningyuan.md'), 'utf8')).toBe(
      imported,
    );
    expect(await page.locator('.yongzu-desk-backup').innerText()).toContain('.yongzu/backup');
    // The panel, refreshed, lists no fixable finding in the file (copy/enumeration is the editor's to fix).
    await page.waitForFunction(() => {
      const block = document.querySelector('.yongzu-desk-file[data-file="05-ningyuan.md"]');
      return (
        block?.querySelector('.yongzu-desk-fix')?.hasAttribute('disabled') && !block.textContent?.includes('可自动修正')
      );
    });
    expect(await block.innerText()).toContain('copy/enumeration');
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('a file chosen with the button; a county already written up is refused, nothing overwritten', async () => {
    const { page } = await openIssue(683);
    const before = readFileSync(join(root, 'issues/2009-18/01-jianghua.md'));
    await page.setInputFiles('#yongzu-desk-file', {
      name: '03-daoxian.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('道县抓党建促发展\n道县今年以来，抓党建促发展。\n'),
    });
    const county = page.locator('#yongzu-desk-dialog select[name=county]');
    await county.waitFor();
    // 道县 has its write-up: not offered; the editor picks 蓝山县.
    expect(await county.inputValue()).toBe('');
    await county.selectOption('蓝山县');
    await page.click('#yongzu-desk-dialog button[type=submit]');
    await page.waitForSelector('#yongzu-desk-dialog .yongzu-desk-kept');
    expect(existsSync(join(root, 'issues/2009-18/06-lanshan.md'))).toBe(true);
    expect(readFileSync(join(root, 'issues/2009-18/01-jianghua.md'))).toEqual(before);
    await page.close();
  }, 60_000);

  it('refuses writes from another origin, without the token, to another Host, past the size limit, or outside the listed issues', async () => {
    const page = await fetch(`${dev.url}2009/18/`).then((r) => r.text());
    const token = /name="yongzu-desk-token" content="([^"]+)"/.exec(page)![1]!;
    const port = new URL(dev.url).port;
    const own = `http://127.0.0.1:${port}`;
    const stage = `${dev.url}__yongzu/desk/stage?issue=2009-18`;
    const file = { 'x-yongzu-file-name': encodeURIComponent('零陵区.txt'), 'content-type': 'application/octet-stream' };
    const text = Buffer.from('零陵区信息\n零陵区今年以来，抓党建。\n');
    const ok = { ...file, origin: own, 'x-yongzu-desk': token };
    await dev.idle();
    const before = digest(join(root, 'issues'));

    const refused = [
      { ...file, origin: 'http://evil.example', 'x-yongzu-desk': token },
      { ...file, 'x-yongzu-desk': token },
      { ...file, origin: own },
      { ...file, origin: own, 'x-yongzu-desk': `${token}x` },
      { ...ok, 'sec-fetch-site': 'cross-site' },
      { ...ok, host: `evil.example:${port}` },
    ];
    for (const headers of refused) expect((await post(stage, headers, text)).status, JSON.stringify(headers)).toBe(403);
    // Past check's limit: refused from its declared length, before it is read.
    const big = Buffer.alloc(MAX_FILE_BYTES + 1, 0x41);
    expect((await post(stage, ok, big)).status).toBe(413);
    // A listed issue only: no path from the request reaches the disk.
    for (const issue of ['2009-99', '../../etc', 'issues/2009-18', '2009/18'])
      expect((await post(`${dev.url}__yongzu/desk/stage?issue=${encodeURIComponent(issue)}`, ok, text)).status).toBe(
        404,
      );
    for (const name of ['../issue.yml', 'issue.yml', '../../yongzu.config.yml', 'nope.md'])
      expect(
        (await post(`${dev.url}__yongzu/desk/fix?op=x&issue=2009-18&file=${encodeURIComponent(name)}`, ok)).status,
      ).toBe(404);
    // An unknown staged file imports nothing.
    const items = JSON.stringify({ items: [{ stage: 'nope', county: '零陵区', theme: THEME }] });
    const answer = await post(
      `${dev.url}__yongzu/desk/import?op=y`,
      { ...ok, 'content-type': 'application/json' },
      items,
    );
    expect(JSON.parse(answer.body).imported[0].error).toContain('暂存区');
    expect(digest(join(root, 'issues'))).toBe(before);
    // And the desk's own request, for contrast, is answered.
    expect((await post(stage, ok, text)).status).toBe(200);
    expect(digest(join(root, 'issues'))).toBe(before);
  }, 60_000);

  it('the controls never cover the site navigation at 390, 683 and 1366 px; bar and panel pass axe-core', async () => {
    for (const width of [390, 683, 1366]) {
      const { page } = await openIssue(width);
      const boxes = await page.evaluate(() => {
        const rect = (e: Element) => {
          const r = e.getBoundingClientRect();
          return { x: r.x, y: r.y, w: r.width, h: r.height };
        };
        return {
          controls: [...document.querySelectorAll('#yongzu-desk-bar button, #yongzu-desk-bar a')].map(rect),
          nav: [...document.querySelectorAll('.site-header a')].map(rect),
        };
      });
      expect(boxes.controls.length).toBe(4);
      expect(boxes.nav.length).toBeGreaterThanOrEqual(4);
      for (const c of boxes.controls)
        for (const n of boxes.nav) {
          const apart = c.x + c.w <= n.x || n.x + n.w <= c.x || c.y + c.h <= n.y || n.y + n.h <= c.y;
          expect(apart, `${width}px: ${JSON.stringify(c)} over ${JSON.stringify(n)}`).toBe(true);
        }
      // The bar and the open panel pass axe-core (WCAG 2.1 AA and best practice).
      await page.click('#yongzu-desk-toggle');
      await page.locator('.yongzu-desk-file').first().waitFor();
      await page.evaluate(AXE);
      const violations = (await page.evaluate(`axe.run({ include: [['#yongzu-desk-bar'], ['#yongzu-desk-panel']] },
        { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] })
        .then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`)) as string[];
      expect(violations, `${width}px`).toEqual([]);
      await page.close();
    }
  }, 60_000);
});

describe('the desk stays out of build output, and dev logs one line per save', () => {
  // The dev server's own URLs start with /__yongzu/ (the site's search has a global __yongzuSearch).
  it('build writes nothing of the desk (no token, script, style or endpoint)', async () => {
    const root = sampleProject();
    const out = join(root, 'dist');
    const result = await build({ root, out, pdf: false });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const files = readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const text = readFileSync(join(f.parentPath, f.name), 'latin1');
      for (const mark of ['yongzu-desk', '/__yongzu/', 'x-yongzu-desk'])
        expect(text.includes(mark), `${f.name} holds ${mark}`).toBe(false);
    }
  });

  it('a save through an atomic write (a temporary file, then a rename) is one line: the file, the result, the time', async () => {
    const root = sampleProject();
    const lines: string[] = [];
    const dev = await runDev({ root, out: join(root, 'dist'), port: 0, log: (l) => lines.push(l) });
    try {
      lines.length = 0;
      for (const [i, word] of ['系统学习', '集中学习'].entries()) {
        const file = join(root, 'issues/2009-18/04-qiyang.md');
        await writeSourceAtomic(file, readFileSync(file, 'utf8').replace(/坚持\S{0,2}学习培训/, `坚持${word}培训`));
        while (lines.length < i + 1) await new Promise((r) => setTimeout(r, 20));
        await dev.idle();
      }
      // The look after each rebuild (30 ms later) finds nothing to do and says nothing.
      await new Promise((r) => setTimeout(r, 200));
      await dev.idle();
      expect(lines).toHaveLength(2);
      for (const line of lines) {
        expect(line).toMatch(/^\[\d\d:\d\d:\d\d\] issues\/2009-18\/04-qiyang\.md：更新 \d+ 个文件.*用时 \d+ 毫秒$/);
        expect(line).not.toContain('.tmp-');
      }
    } finally {
      await dev.close();
    }
  });
});
