import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname } from 'node:path';
import { MAX_DOCX_BYTES } from '../import/read-document.js';
import { MAX_FILE_BYTES } from '../model/limits.js';
import { createDeskActions, DESK_KINDS, DeskError } from './desk-actions.js';
import { BodyTooLarge, readBody } from './desk-body.js';
import { DESK_CLIENT, DESK_STYLE } from './desk-client.js';
import { createDeskToken, deskRefusal, tokenMeta } from './desk-token.js';

/** Files staged (read, not yet imported) kept at once; the oldest go first. */
const MAX_STAGED = 20;
/** Results of writes kept for pages that reloaded while waiting for them. */
const MAX_RESULTS = 50;

const JSON_TYPE = 'application/json; charset=utf-8';

/** The largest upload accepted for a file name: check's limit for text, the import's for Word. */
export function uploadLimit(name: string): number {
  return extname(name).toLowerCase() === '.docx' ? MAX_DOCX_BYTES : MAX_FILE_BYTES;
}

interface Staged {
  issue: string;
  name: string;
  bytes: Buffer;
  preview: unknown;
}

/**
 * The editor's desk of `yongzu dev`: its script and style, and its endpoints
 * under /__yongzu/desk/ (all POST, all checked by desk-token.ts). A dropped
 * file is first staged (read, its county guessed, nothing written), then
 * imported with the county and theme the editor chose; a fix rewrites one
 * file. Writes are done one at a time, and their results are kept by an id
 * the page chose, so a page that reloads meanwhile (the rebuild after the
 * write) still shows what happened.
 */
export function createDesk(root: string) {
  const token = createDeskToken();
  const actions = createDeskActions(root);
  const staged = new Map<string, Staged>();
  const results = new Map<string, Promise<unknown>>();
  let writing: Promise<unknown> = Promise.resolve();

  /** Runs a write after the ones before it, its result kept under `op`. */
  function write(op: string, run: () => Promise<unknown>): Promise<unknown> {
    const done = writing.then(run, run);
    writing = done.catch(() => undefined);
    const kept = done.catch((e: unknown) => ({ error: messageOf(e) }));
    results.set(op, kept);
    while (results.size > MAX_RESULTS) results.delete(results.keys().next().value!);
    return done;
  }

  const routes: Record<string, (req: IncomingMessage, url: URL) => Promise<unknown>> = {
    issues: async () => (await actions.issues()).list,
    report: async (_req, url) => actions.report(param(url, 'issue')),
    stage: async (req, url) => {
      const issue = param(url, 'issue');
      const name = fileName(req);
      if (!(DESK_KINDS as readonly string[]).includes(extname(name).toLowerCase()))
        throw new DeskError(415, `不支持「${extname(name) || '无扩展名'}」文件：可导入 .docx、.txt 或 .md。`);
      const bytes = await readBody(req, uploadLimit(name));
      const preview = await actions.preview(issue, name, bytes);
      const id = randomBytes(12).toString('base64url');
      staged.set(id, { issue: preview.issue.id, name, bytes, preview });
      while (staged.size > MAX_STAGED) staged.delete(staged.keys().next().value!);
      return { stage: id, name, ...preview };
    },
    staged: async (req) => {
      const ids = (await jsonBody<{ stages?: unknown }>(req)).stages;
      return (Array.isArray(ids) ? ids : []).flatMap((id) => {
        const s = typeof id === 'string' ? staged.get(id) : undefined;
        return s ? [{ stage: id, name: s.name, ...(s.preview as object) }] : [];
      });
    },
    import: async (req, url) => {
      const op = param(url, 'op');
      const items = (await jsonBody<{ items?: unknown }>(req)).items;
      if (!Array.isArray(items)) throw new DeskError(400, '没有要导入的文件。');
      return write(op, async () => {
        const out: unknown[] = [];
        for (const item of items as { stage?: unknown; county?: unknown; theme?: unknown }[]) {
          const s = typeof item.stage === 'string' ? staged.get(item.stage) : undefined;
          if (!s) {
            out.push({ error: '这个文件已不在暂存区，请重新拖入。' });
            continue;
          }
          const county = typeof item.county === 'string' ? item.county : '';
          const theme = typeof item.theme === 'string' && item.theme !== '' ? item.theme : undefined;
          const done = await actions.importUpload(s.issue, s.name, s.bytes, county, theme);
          if ('file' in done) staged.delete(item.stage as string);
          out.push({ name: s.name, ...done });
        }
        return { imported: out };
      });
    },
    fix: async (_req, url) => {
      const [op, issue, file] = [param(url, 'op'), param(url, 'issue'), param(url, 'file')];
      return write(op, () => actions.fix(issue, file));
    },
    result: async (_req, url) => {
      const kept = results.get(param(url, 'op'));
      if (!kept) throw new DeskError(404, '找不到这次操作的结果（预览服务器可能重启过）。');
      return kept;
    },
  };

  /**
   * Answers the desk's requests; false for any other path. The server has
   * checked the Host header already; `port` is its own.
   */
  async function handle(req: IncomingMessage, res: ServerResponse, url: URL, port: number): Promise<boolean> {
    if (url.pathname === '/__yongzu/desk.js' || url.pathname === '/__yongzu/desk.css') {
      const js = url.pathname.endsWith('.js');
      res.writeHead(200, {
        'content-type': `text/${js ? 'javascript' : 'css'}; charset=utf-8`,
        'cache-control': 'no-store',
      });
      res.end(js ? DESK_CLIENT : DESK_STYLE);
      return true;
    }
    const route = /^\/__yongzu\/desk\/([a-z]+)$/.exec(url.pathname)?.[1];
    if (!url.pathname.startsWith('/__yongzu/desk/')) return false;
    const send = (status: number, body: unknown) => {
      if (status === 413) res.setHeader('connection', 'close');
      res.writeHead(status, { 'content-type': JSON_TYPE, 'cache-control': 'no-store' }).end(JSON.stringify(body));
    };
    if (req.method !== 'POST') {
      send(405, { error: '只接受 POST 请求。' });
      return true;
    }
    const refused = deskRefusal(req, token, port);
    if (refused) {
      send(403, { error: refused });
      req.resume();
      return true;
    }
    const run = route !== undefined ? routes[route] : undefined;
    if (!run) {
      send(404, { error: '没有这个操作。' });
      return true;
    }
    try {
      send(200, await run(req, url));
    } catch (e) {
      if (e instanceof BodyTooLarge)
        send(413, { error: `文件超过 ${(e.limit / 1048576).toFixed(0)} MB，未导入。一篇稿件通常只有几十 KB。` });
      else if (e instanceof DeskError) send(e.status, { error: e.message });
      else send(500, { error: `处理请求时出错：${messageOf(e)}` });
    }
    return true;
  }

  return {
    handle,
    /** Why a request that writes, outside the desk's routes (the print preview's layout report), is refused. */
    refusal: (req: IncomingMessage, port: number) => deskRefusal(req, token, port),
    /** The token's `<meta>` tag alone, for pages that carry no desk (the print preview). */
    tokenMeta: () => tokenMeta(token),
    /** What the desk adds to every HTML page dev serves (before `</body>`): the token, its style and script. */
    inject: () =>
      `${tokenMeta(token)}<link rel="stylesheet" href="/__yongzu/desk.css">` +
      '<script src="/__yongzu/desk.js" defer></script>',
  };
}

export type Desk = ReturnType<typeof createDesk>;

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function param(url: URL, name: string): string {
  const value = url.searchParams.get(name);
  if (!value) throw new DeskError(400, `请求缺少参数 ${name}。`);
  return value;
}

/** The uploaded file's name, sent URI-encoded in a header (the body is the file). */
function fileName(req: IncomingMessage): string {
  const raw = req.headers['x-yongzu-file-name'];
  let name = '';
  try {
    name = typeof raw === 'string' ? decodeURIComponent(raw) : '';
  } catch {
    // left empty: refused below
  }
  // A name only: whatever path the browser sent is dropped.
  name = name.split(/[\\/]/).pop() ?? '';
  if (name === '' || name.length > 255) throw new DeskError(400, '请求缺少文件名。');
  return name;
}

async function jsonBody<T>(req: IncomingMessage): Promise<T> {
  const body = await readBody(req, 64 * 1024);
  try {
    return JSON.parse(body.toString('utf8') || '{}') as T;
  } catch {
    throw new DeskError(400, '请求的内容不是 JSON。');
  }
}
