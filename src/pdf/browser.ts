import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { isAlive } from '../util/process-alive.js';

/**
 * Flags for a headless Chromium on a closed network: without the
 * background-networking ones it keeps trying to reach Google's services.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Flags that send the print origin's host to the local print server and
 * every other request to a proxy that does not exist: the print page can
 * reach nothing but the server, whatever a submission holds (its CSP
 * already forbids it; this is the second wall).
 */
export function printBrowserArgs(host: string, port: number): string[] {
  return [
    `--host-resolver-rules=MAP ${host} 127.0.0.1:${port}`,
    '--proxy-server=http://127.0.0.1:9',
    `--proxy-bypass-list=${host}`,
  ];
}

/** The folder of this process's browser profiles: `yongzu-chromium-<pid>` in the system's temporary folder. */
const PROFILES_PREFIX = 'yongzu-chromium-';
let profiles: string | undefined;
let launching = 0;

/**
 * Launches with the temporary folder pointed at this process's own folder:
 * Playwright makes each browser's profile (and Chromium its own temporary
 * files) under os.tmpdir(), and removes them when the browser closes or Node
 * exits, but not when yongzu is killed. In a folder named by our process
 * they can be told apart: the first launch of each run removes those of
 * yongzu processes that no longer exist, and this run's folder goes when it exits.
 */
async function launchWithOwnProfiles(launch: () => Promise<Browser>): Promise<Browser> {
  const system = tmpdir();
  if (!profiles) {
    try {
      for (const name of readdirSync(system).filter((n) => n.startsWith(PROFILES_PREFIX))) {
        const pid = Number(name.slice(PROFILES_PREFIX.length));
        if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !isAlive(pid))
          rmSync(join(system, name), { recursive: true, force: true });
      }
    } catch {
      // another user's folder, or none readable: left alone
    }
    profiles = join(system, `${PROFILES_PREFIX}${process.pid}`);
    mkdirSync(profiles, { recursive: true, mode: 0o700 });
    // When Node exits (a signal handled, or the end), the folder goes with what is in it; Playwright's own exit handler
    // kills the browsers.
    const own = profiles;
    process.once('exit', () => rmSync(own, { recursive: true, force: true, maxRetries: 3 }));
  }
  const own = profiles;
  if (launching++ === 0) {
    systemTmp = process.env['TMPDIR'];
    process.env['TMPDIR'] = own;
  }
  try {
    return await launch();
  } finally {
    if (--launching === 0) {
      if (systemTmp === undefined) delete process.env['TMPDIR'];
      else process.env['TMPDIR'] = systemTmp;
    }
  }
}
/** TMPDIR as it was before the launches under way. */
let systemTmp: string | undefined;

/** The one browser of a build, launched on first use and relaunched if it crashed. */
export interface BrowserSession {
  /** The running browser; launches (or relaunches after a crash) when needed. */
  get(): Promise<Browser>;
  /**
   * A page of the build's one browser context, whose HTTP cache keeps the
   * fonts and scripts every issue loads: a page given back with release() is
   * handed out again, so its renderer process stays warm (scripts compiled,
   * fonts decoded). A relaunched browser gets a new context.
   */
  acquire(): Promise<Page>;
  /** Gives a page back for the next issue; a page that failed is closed instead. */
  release(page: Page, reusable: boolean): Promise<void>;
  /** Closes the browser if it runs. Safe to call more than once. */
  close(): Promise<void>;
}

/**
 * Creates the browser session of a build. playwright-core drives the
 * machine's own Chromium and downloads nothing. Playwright also closes the
 * browser on SIGINT, SIGTERM and SIGHUP and kills it when Node exits, so no
 * Chromium outlives the command; callers still close it in a finally.
 */
export function createBrowserSession(
  executablePath: string,
  options: { args?: readonly string[]; launchTimeoutMs?: number } = {},
): BrowserSession {
  let running: Promise<Browser> | undefined;
  let context: { browser: Browser; context: Promise<BrowserContext> } | undefined;
  const idle: Page[] = [];
  const launch = () =>
    launchWithOwnProfiles(() =>
      chromium.launch({
        executablePath,
        args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
        headless: true,
        timeout: options.launchTimeoutMs ?? 30_000,
        handleSIGINT: true,
        handleSIGTERM: true,
        handleSIGHUP: true,
      }),
    );
  const session: BrowserSession = {
    async get() {
      const pending = running;
      const current = pending ? await pending.catch(() => undefined) : undefined;
      if (current?.isConnected()) return current;
      // Of several callers that find no live browser, only the first launches one.
      if (running === pending) running = launch();
      return running as Promise<Browser>;
    },
    async acquire() {
      const browser = await session.get();
      for (let page = idle.pop(); page; page = idle.pop())
        if (!page.isClosed() && page.context().browser() === browser) return page;
      if (context?.browser !== browser)
        context = { browser, context: browser.newContext({ serviceWorkers: 'block', acceptDownloads: false }) };
      return (await context.context).newPage();
    },
    async release(page, reusable) {
      if (reusable && !page.isClosed()) idle.push(page);
      else await page.close().catch(() => undefined);
    },
    async close() {
      const current = running;
      running = undefined;
      context = undefined;
      idle.length = 0;
      if (current) await (await current.catch(() => undefined))?.close().catch(() => undefined);
    },
  };
  return session;
}
