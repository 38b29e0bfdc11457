import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The header the desk's pages send the token in. */
export const TOKEN_HEADER = 'x-yongzu-desk';

/**
 * A per-run secret the desk's pages hold. It is written into the HTML pages
 * the dev server serves (a `<meta>` tag): another site open in the same
 * browser cannot read those pages (no CORS headers are ever sent), and it
 * cannot reach them under its own name either (the server answers only to
 * 127.0.0.1 and localhost at its port), so it never learns the token.
 */
export function createDeskToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The `<meta>` tag that hands the token to the desk's script (base64url: nothing to escape). */
export function tokenMeta(token: string): string {
  return `<meta name="yongzu-desk-token" content="${token}">`;
}

/**
 * Why a request to the desk is refused, or undefined when it may go on. The
 * Host header was checked already by the server (it answers only to its own
 * name); here: the page that sent it is the desk's own (`Origin`, and
 * `Sec-Fetch-Site` where the browser sends it), and it holds this run's token.
 * A custom header also means a page elsewhere would need a CORS preflight,
 * which the server never grants.
 */
export function deskRefusal(req: IncomingMessage, token: string, port: number): string | undefined {
  const origin = req.headers.origin;
  const own = [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
  if (origin === undefined || !own.includes(origin.toLowerCase()))
    return `只接受预览页面本身发来的请求（来源 ${origin ?? '未注明'}）。`;
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return '只接受预览页面本身发来的请求。';
  const sent = req.headers[TOKEN_HEADER];
  if (typeof sent !== 'string' || !sameSecret(sent, token)) return '请求没有带上这次运行的口令：请刷新预览页面后再试。';
  return undefined;
}

function sameSecret(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
}
