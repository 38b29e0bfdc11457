import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Served } from '../pdf/print-resources.js';
import { CLIENT_SCRIPT } from './client-script.js';
import type { PageChange } from './page-change.js';
import { LAYOUT_ENDPOINT, receiveLayout } from './layout-endpoint.js';
import type { Desk } from './desk-routes.js';
import { PREVIEW_PREFIX } from '../pdf/print-preview.js';
import { limitPdfRenders, PdfBusyError } from './pdf-limit.js';

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

/** What the dev server asks the pipeline for, made on request. */
export interface DevHooks {
  /**
   * The paged print preview's resources for an issue path (`2009/18`); neither resources nor diagnostics when there is
   * no such issue, diagnostics when it cannot be made.
   */
  preview(path: string, origin: string): Promise<{ resources?: Map<string, Served>; diagnostics: Diagnostic[] }>;
  /** Records the layout findings the print preview of an issue path reports; false when refused. */
  layout?(path: string, report: unknown): boolean;
  /** The print PDF of an issue path, made on request. */
  pdf(path: string): Promise<{ pdf?: Uint8Array; fileName?: string; diagnostics: Diagnostic[] }>;
}

/** A plain-text answer. */
function answer(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end(text);
}

/** An HTML page for an error, with the live-reload script: the overlay shows what went wrong, a fix reloads it. */
function errorPage(res: ServerResponse, status: number, title: string, diagnostics: readonly Diagnostic[]): void {
  const esc = (t: string) =>
    t.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);
  const items = diagnostics
    .map((d) => `<li>${esc(`${d.file}:${d.line}:${d.column}  ${d.message}  (${d.rule})`)}</li>`)
    .join('');
  res.writeHead(status, { 'content-type': TYPES['.html']!, 'cache-control': 'no-store' });
  res.end(
    `<!DOCTYPE html><html lang="zh-CN"><meta charset="utf-8"><title>${esc(title)}</title>` +
      `<p>${esc(title)}</p><ul>${items}</ul>${INJECT}`,
  );
}

/**
 * The preview server of `yongzu dev`: serves OUT on 127.0.0.1, adds the
 * live-reload script to HTML pages, and pushes events over SSE. Only requests
 * addressed to it by its own name are answered (a page elsewhere cannot reach
 * it through a DNS name that points at 127.0.0.1); no request, however it
 * fails, stops the server; PDFs are printed at most two at a time.
 */
export async function startDevServer(out: string, port: number, hooks?: DevHooks, desk?: Desk) {
  const preview = hooks?.preview;
  const pdf = hooks ? limitPdfRenders((path) => hooks.pdf(path)) : undefined;
  const clients = new Set<ServerResponse>();
  /** The errors of the last rebuild, and those of the last print preview asked for. */
  let current: Diagnostic[] = [];
  let previewErrors: Diagnostic[] = [];
  let allowedHosts = new Set<string>();

  const send = (res: ServerResponse, event: string, data: unknown) =>
    res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  const shown = () => [...current, ...previewErrors];
  const broadcast = () => {
    for (const c of clients) send(c, 'diagnostics', shown());
  };

  const server = createServer((req, res) => {
    if (!allowedHosts.has((req.headers.host ?? '').toLowerCase())) {
      answer(res, 403, `yongzu dev 只回应发给 ${[...allowedHosts].join(' 或 ')} 的请求。`);
      return;
    }
    handle(req, res).catch((e: unknown) => {
      // A bug in a hook must not take the server down: the editor sees it, the server keeps serving.
      answer(res, 500, `预览服务器处理这个请求时出错：${(e as Error).message}`);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
    } catch {
      res.writeHead(400).end();
      return;
    }
    // The editor's desk (desk-routes.ts): its script, style and endpoints; the Host was checked above.
    if (desk && (await desk.handle(req, res, url, (server.address() as AddressInfo).port))) return;
    // The print preview's layout findings (layout-endpoint.ts).
    const layoutPath = LAYOUT_ENDPOINT.exec(url.pathname);
    if (layoutPath && hooks?.layout) {
      // It writes (check's record of the layout): the desk's token is required, as for the desk's own routes.
      const refused = desk?.refusal(req, (server.address() as AddressInfo).port);
      if (refused) {
        answer(res, 403, refused);
        req.resume();
        return;
      }
      await receiveLayout(req, res, layoutPath[1]!, hooks.layout);
      return;
    }
    if (url.pathname === '/__yongzu/events') {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write('retry: 500\n\n');
      send(res, 'diagnostics', shown());
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
    if (pdfPath && pdf) {
      // PDFs are printed when asked for, not on every save.
      let made;
      try {
        made = await pdf(pdfPath[1]!);
      } catch (e) {
        if (!(e instanceof PdfBusyError)) throw e;
        answer(res, 503, '正在生成其他几期的 PDF（最多同时生成 2 份），请稍后再试。');
        return;
      }
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
        pipeFile(file, res);
      }
    } catch {
      res.writeHead(404, { 'content-type': TYPES['.html']! });
      res.end(
        `<!DOCTYPE html><html lang="zh-CN"><meta charset="utf-8"><title>找不到页面</title><p>找不到这个页面。${INJECT}`,
      );
    }
  }
  /** Streams a file; one that vanished meanwhile (a rebuild) ends the answer instead of failing the process. */
  function pipeFile(file: string, res: ServerResponse): void {
    const stream = createReadStream(file);
    stream.on('error', () => res.end());
    stream.pipe(res);
  }
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
      const before = previewErrors;
      previewErrors = made.diagnostics.filter((d) => d.severity === 'error');
      if (before.length > 0 || previewErrors.length > 0) broadcast();
      if (previewErrors.length > 0) {
        errorPage(res, 500, '无法生成这一期的打印预览：', previewErrors);
        return;
      }
      if (!made.resources) {
        res
          .writeHead(404, { 'content-type': TYPES['.html']! })
          .end('<!DOCTYPE html><meta charset="utf-8"><p>没有这一期。</p>');
        return;
      }
      resources = made.resources;
      rest = '/issue.html';
    }
    const served = resources.get(rest);
    if (!served) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': served.type, 'cache-control': 'no-store' });
    if ('body' in served) {
      // The preview's page holds the desk's token, to post its layout findings (layout-endpoint.ts).
      const { body } = served;
      const meta = rest === '/issue.html' ? desk?.tokenMeta() : undefined;
      res.end(meta && typeof body === 'string' ? body.replace('</head>', `${meta}</head>`) : body);
    } else pipeFile(served.file, res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const address = server.address() as AddressInfo;
  allowedHosts = new Set([`127.0.0.1:${address.port}`, `localhost:${address.port}`]);
  return {
    url: `http://127.0.0.1:${address.port}/`,
    /** Tells open pages what a good rebuild changed (by default: everything); they update in place or reload. */
    reload(change: PageChange = { pages: null, layout: true, print: true }) {
      // Pages updated in place keep their overlay: it is cleared here.
      const cleared = shown().length > 0;
      current = [];
      previewErrors = [];
      if (cleared) broadcast();
      for (const c of clients) send(c, 'reload', change);
    },
    /** Tells open search pages that the search index was written anew (they reload; other pages need not). */
    searchIndexChanged() {
      for (const c of clients) send(c, 'search-index', {});
    },
    /** Shows the errors of a failed rebuild in an overlay on open pages. */
    showErrors(diagnostics: Diagnostic[]) {
      current = diagnostics;
      broadcast();
    },
    async close() {
      for (const c of clients) c.end();
      clients.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}
