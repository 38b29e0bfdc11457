import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Served } from './print-resources.js';

/**
 * The local HTTP server the print pages load from, on 127.0.0.1 and a free
 * port; Chromium reaches it under PRINT_ORIGIN (see printBrowserArgs). It
 * serves only what was published: each issue's page once, and the shared
 * Paged.js script and font files, which Chromium then keeps in its cache
 * for every later issue of the build.
 */
export interface PrintServer {
  port: number;
  /** Serves `served` at `path` (a URL path) until unpublished. */
  publish(path: string, served: Served): void;
  unpublish(path: string): void;
  close(): Promise<void>;
}

/** Paths that stay the same for the whole build (fonts, scripts): cacheable. */
const SHARED = /^\/(fonts|assets)\//;

export async function startPrintServer(): Promise<PrintServer> {
  const published = new Map<string, Served>();
  const files = new Map<string, Promise<Buffer>>();
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const served = req.method === 'GET' ? published.get(path) : undefined;
    if (!served) {
      res.writeHead(404).end();
      return;
    }
    let body: Promise<Buffer | string>;
    if ('file' in served) {
      let read = files.get(served.file);
      if (!read) files.set(served.file, (read = readFile(served.file)));
      body = read;
    } else body = Promise.resolve(served.body);
    body.then(
      (b) =>
        res
          .writeHead(200, {
            'content-type': served.type,
            'cache-control': SHARED.test(path) ? 'max-age=86400, immutable' : 'no-store',
          })
          .end(b),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    publish: (path, served) => void published.set(path, served),
    unpublish: (path) => void published.delete(path),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
