import { chromium, type Browser } from 'playwright-core';

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

/** The one browser of a build, launched on first use and relaunched if it crashed. */
export interface BrowserSession {
  /** The running browser; launches (or relaunches after a crash) when needed. */
  get(): Promise<Browser>;
  /** Closes the browser if it runs. Safe to call more than once. */
  close(): Promise<void>;
}

/**
 * Creates the browser session of a build. playwright-core drives the
 * machine's own Chromium and downloads nothing. Playwright also closes the
 * browser on SIGINT, SIGTERM and SIGHUP and kills it when Node exits, so no
 * Chromium outlives the command; callers still close it in a finally.
 */
export function createBrowserSession(executablePath: string, launchTimeoutMs = 30_000): BrowserSession {
  let running: Promise<Browser> | undefined;
  const launch = () =>
    chromium.launch({
      executablePath,
      args: CHROMIUM_ARGS,
      headless: true,
      timeout: launchTimeoutMs,
      handleSIGINT: true,
      handleSIGTERM: true,
      handleSIGHUP: true,
    });
  return {
    async get() {
      const pending = running;
      const current = pending ? await pending.catch(() => undefined) : undefined;
      if (current?.isConnected()) return current;
      // Of several callers that find no live browser, only the first launches one.
      if (running === pending) running = launch();
      return running as Promise<Browser>;
    },
    async close() {
      const current = running;
      running = undefined;
      if (current) await (await current.catch(() => undefined))?.close().catch(() => undefined);
    },
  };
}
