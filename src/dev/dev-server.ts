import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Served } from '../pdf/print-resources.js';
import { CLIENT_SCRIPT } from './client-script.js';
import type { Desk } from './desk-routes.js';
import { PREVIEW_PREFIX } from '../pdf/print-preview.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

const INJECT = '<script src="/__yongzu/client.js" defer></script>';

/**
 * The preview server of `yongzu dev`: serves OUT on 127.0.0.1, adds the
 * live-reload script to HTML pages, and pushes events over SSE.
 */
export interface DevHooks {
  /** The paged print preview's resources for an issue path (`2009/18`). */
  preview(path: string, origin: string): Promise<Map<string, Served> | undefined>;
  /** The print PDF of an issue path, made on request. */
  pdf(path: string): Promise<{ pdf?: Uint8Array; fileName?: string; diagnostics: Diagnostic[] }>;
}

export async function startDevServer(out: string, port: number, hooks?: DevHooks, desk?: Desk) {
  const preview = hooks?.preview;
  const clients = new Set<ServerResponse>();
  let current: Diagnostic[] = [];

  const send = (res: ServerResponse, event: string, data: unknown) =>
    res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (desk && (await desk.handle(req, res, url, (server.address() as AddressInfo).port))) return;
    if (url.pathname === '/__yongzu/events') {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write('retry: 500\n\n');
      send(res, 'diagnostics', current);
      clients.add(res);
      res.on('close', () => clients.delete(res));
      return;
    }
    if (url.pathname === '/__yongzu/client.js') {
      res.writeHead(200, { 'content-type': TYPES['.js']!, 'cache-control': 'no-store' });
      res.end(CLIENT_SCRIPT);
      return;
    }
    if (url.pathname.startsWith(`${PREVIEW_PREFIX}/`) && preview) {
      await servePreview(url.pathname.slice(PREVIEW_PREFIX.length), res);
      return;
    }
    const pdfPath = /^\/(\d{4}\/\d+)\/(?:index\.)?print\.pdf$/.exec(url.pathname);
    if (pdfPath && hooks) {
      // PDFs are printed when asked for, not on every save.
      const made = await hooks.pdf(pdfPath[1]!);
      if (made.pdf) {
        res.writeHead(200, {
          'content-type': TYPES['.pdf']!,
          'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(made.fileName ?? 'issue.pdf')}`,
          'cache-control': 'no-store',
        });
        res.end(made.pdf);
      } else {
        res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(
          made.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`).join('\n') || '没有这一期。',
        );
      }
      return;
    }
    let path: string;
    try {
      path = normalize(decodeURIComponent(url.pathname));
    } catch {
      res.writeHead(400).end();
      return;
    }
    let file = join(out, path);
    if (!file.startsWith(out + sep) && file !== out) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      if (extname(file) === '.html') {
        const html = await readFile(file, 'utf8');
        const inject = INJECT + (desk?.inject() ?? '');
        const body = html.includes('</body>') ? html.replace('</body>', `${inject}</body>`) : html + inject;
        res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
        res.end(body);
      } else {
        res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
        createReadStream(file).pipe(res);
      }
    } catch {
      res.writeHead(404, { 'content-type': TYPES['.html']! });
      res.end(
        `<!DOCTYPE html><html lang="zh-CN"><meta charset="utf-8"><title>找不到页面</title><p>找不到这个页面。${INJECT}`,
      );
    }
  });
  /** /__yongzu/print/2009/18/ → the issue's paged preview; /__yongzu/print/assets/… and fonts/… → its resources. */
  let resources = new Map<string, Served>();
  async function servePreview(rest: string, res: ServerResponse) {
    const page = /^\/(\d{4}\/\d+)\/?$/.exec(rest);
    if (rest === '/assets/client.js') {
      res.writeHead(200, { 'content-type': TYPES['.js']!, 'cache-control': 'no-store' }).end(CLIENT_SCRIPT);
      return;
    }
    if (page) {
      const made = await preview!(page[1]!, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
      if (!made) {
        res
          .writeHead(404, { 'content-type': TYPES['.html']! })
          .end('<!DOCTYPE html><meta charset="utf-8"><p>没有这一期。</p>');
        return;
      }
      resources = made;
      rest = '/issue.html';
    }
    const served = resources.get(rest);
    if (!served) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': served.type, 'cache-control': 'no-store' });
    if ('body' in served) res.end(served.body);
    else createReadStream(served.file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}/`,
    /** Tells open pages to reload (after a good rebuild). */
    reload() {
      current = [];
      for (const c of clients) send(c, 'reload', {});
    },
    /** Shows the errors of a failed rebuild in an overlay on open pages. */
    showErrors(diagnostics: Diagnostic[]) {
      current = diagnostics;
      for (const c of clients) send(c, 'diagnostics', diagnostics);
    },
    async close() {
      for (const c of clients) c.end();
      clients.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}
