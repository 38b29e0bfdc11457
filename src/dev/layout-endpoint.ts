import type { IncomingMessage, ServerResponse } from 'node:http';

/** Where the print preview posts what its layout check found: `/__yongzu/layout/2009/18`. */
export const LAYOUT_ENDPOINT = /^\/__yongzu\/layout\/(\d{4}\/\d{1,3})$/;

/** A layout report is a few kilobytes; anything larger is refused unread. */
const MAX_BYTES = 64 * 1024;

/**
 * Receives the layout findings of dev's print preview (POST, JSON) and hands
 * them to `record` (which checks them field by field and keeps them in the
 * cache for `check`). Only the preview's own page may post: the dev server
 * has checked the desk's token (src/dev/desk-token.ts) already; here the
 * request must come from the server's origin (Origin equal to the Host the
 * server accepted), carry JSON, and stay small; the issue is named by the path and must be one dev serves. Nothing
 * of the request becomes a file name.
 */
export async function receiveLayout(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  record: (path: string, report: unknown) => boolean,
): Promise<void> {
  const refuse = (status: number) => res.writeHead(status, { 'content-type': 'text/plain' }).end();
  if (req.method !== 'POST') return void refuse(405);
  // The server has checked Host (127.0.0.1 or localhost and its port); the page that posts must be of that origin.
  if (!req.headers.host || req.headers.origin !== `http://${req.headers.host}`) return void refuse(403);
  if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) return void refuse(415);
  if (Number(req.headers['content-length'] ?? 0) > MAX_BYTES) return void refuse(413);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BYTES) return void refuse(413);
    chunks.push(chunk);
  }
  let report: unknown;
  try {
    report = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return void refuse(400);
  }
  refuse(record(path, report) ? 204 : 422);
}
