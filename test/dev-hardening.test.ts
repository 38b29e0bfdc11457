import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { limitPdfRenders, PdfBusyError } from '../src/dev/pdf-limit.js';
import { runDev } from '../src/dev/run-dev.js';
import { BIN, sampleProject, setBody } from './helpers.js';

/** A GET with a Host header of our choosing (fetch does not let one set it). */
function get(url: string, host?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const req = request({ host: u.hostname, port: u.port, path: u.pathname, headers: host ? { host } : {} }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the PDF limit of dev', () => {
  it('shares a render per issue, runs at most two at once, and turns away requests past the line', async () => {
    let running = 0;
    let most = 0;
    let renders = 0;
    const releases: (() => void)[] = [];
    const render = limitPdfRenders(
      async (key: string) => {
        renders++;
        most = Math.max(most, ++running);
        await new Promise<void>((r) => releases.push(r));
        running--;
        return key;
      },
      { browsers: 2, waiting: 8 },
    );
    const asked = Array.from({ length: 10 }, (_, i) => render(`2009/${i}`));
    const again = render('2009/0');
    await expect(render('2009/99')).rejects.toBeInstanceOf(PdfBusyError);
    while (releases.length > 0 || running > 0) {
      await new Promise((r) => setTimeout(r, 1));
      releases.shift()?.();
    }
    expect(await Promise.all(asked)).toEqual(Array.from({ length: 10 }, (_, i) => `2009/${i}`));
    expect(await again).toBe('2009/0');
    expect(renders).toBe(10);
    expect(most).toBe(2);
  });
});

describe('dev survives a broken print template and answers only to its own address', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  it('the print preview and the PDF of a broken print.njk are error pages; the server keeps serving', async () => {
    const root = sampleProject();
    mkdirSync(join(root, 'templates'));
    writeFileSync(join(root, 'templates/print.njk'), '<html>{{ issue.nope( }}</html>');
    const dev = await runDev({ root, out: join(root, 'dist'), port: 0, log: () => undefined });
    close = dev.close;
    const preview = await get(`${dev.url}__yongzu/print/2009/18/`);
    expect(preview.status).toBe(500);
    expect(preview.body).toContain('印刷模板出错');
    expect(preview.body).toContain('/__yongzu/client.js');
    const pdf = await get(`${dev.url}2009/18/print.pdf`);
    expect(pdf.status).toBe(503);
    expect(pdf.body).toContain('印刷模板出错');
    expect((await get(`${dev.url}2009/18/`)).status).toBe(200);
  });

  it('refuses a request whose Host is not 127.0.0.1 or localhost at its port', async () => {
    const root = sampleProject();
    const dev = await runDev({ root, out: join(root, 'dist'), port: 0, log: () => undefined });
    close = dev.close;
    const port = new URL(dev.url).port;
    expect((await get(dev.url, `127.0.0.1:${port}`)).status).toBe(200);
    expect((await get(dev.url, `localhost:${port}`)).status).toBe(200);
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1:${Number(port) + 1}`, `localhost`]) {
      const refused = await get(dev.url, host);
      expect(refused.status, host).toBe(403);
      expect(refused.body).toContain('只回应发给');
    }
  });
});

describe('dev keeps answering while a body is slow to render (compiled CLI)', () => {
  it('pages are served while the render sandbox works; the body is reported; SIGTERM ends dev with 0', async () => {
    const root = sampleProject();
    const child = spawn(process.execPath, [BIN, 'dev', '--root', root, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    try {
      while (!/预览地址：(\S+)（/.test(output)) await new Promise((r) => setTimeout(r, 50));
      const url = /预览地址：(\S+)（/.exec(output)![1]!;
      // Too slow for remark (20 s) and not caught by the linear scan: the sandbox's time limit stops it.
      setBody(root, 'issues/2009-18/01-jianghua.md', ']_'.repeat(16_000));
      let answered = 0;
      while (!output.includes('render/markdown') && !/01-jianghua\.md：\d+ 个错误/.test(output)) {
        const page = await get(`${url}2009/18/`);
        expect(page.status).toBe(200);
        answered++;
        await new Promise((r) => setTimeout(r, 20));
      }
      // Served while the rebuild waited on the sandbox (which takes a second before it gives up).
      expect(answered).toBeGreaterThan(3);
      expect(output).toMatch(/01-jianghua\.md：1 个错误.*01-jianghua\.md:7:1 这篇稿件的正文排版超过 1 秒仍未完成/);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 60_000);
});

describe('dev --out where the folder or its parents are not there', () => {
  it('makes the missing parents, as build does, and serves', async () => {
    const root = sampleProject();
    const out = join(root, 'preview', 'of', 'today');
    const dev = await runDev({ root, out, port: 0, log: () => undefined });
    try {
      expect((await get(`${dev.url}2009/18/`)).status).toBe(200);
    } finally {
      await dev.close();
    }
  });

  it('says in Chinese why it cannot write there (a file in the path), exit 1, no stack trace', async () => {
    const root = sampleProject();
    writeFileSync(join(root, 'notes.txt'), '备忘');
    const child = spawn(process.execPath, [
      BIN,
      'dev',
      '--root',
      root,
      '--out',
      join(root, 'notes.txt', 'site'),
      '--port',
      '0',
    ]);
    let text = '';
    child.stdout.on('data', (d: Buffer) => (text += d));
    child.stderr.on('data', (d: Buffer) => (text += d));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(code).toBe(1);
    expect(text).toContain('build/write');
    expect(text).toContain('路径中有一段不是文件夹');
    expect(text).not.toMatch(/\n\s+at /);
  });
});
