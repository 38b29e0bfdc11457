import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { isPlainProse } from '../render/plain-prose.js';

/**
 * Renders Markdown on a worker thread under a time limit. remark is
 * quadratic or worse on some inputs (runs of brackets, emphasis marks and
 * code ticks: a 32 KB body of `]_` takes 20 s), so a body that could be slow
 * is rendered here: when it takes longer than the limit, the worker is
 * stopped (a new one takes the next body) and the body is reported, and the
 * main thread (the dev server, the build) never waits on it. Bodies that
 * cannot be slow (plain prose, short bodies) are rendered where they are
 * (see needsSandbox).
 */

/** The time one body may take to render. */
export const RENDER_LIMIT_MS = 1000;

/** Bodies at least this long that are not plain prose go to the sandbox; shorter ones render in milliseconds. */
export const SANDBOX_MIN_LENGTH = 4096;

/** Whether a body could take long to render: long and not plain prose (which is rendered without remark). */
export function needsSandbox(markdown: string): boolean {
  return markdown.length >= SANDBOX_MIN_LENGTH && !isPlainProse(markdown);
}

/** What rendering one body gave; `unavailable` when the worker could not start (the caller renders in place). */
export type SandboxResult = { html: string } | { timedOut: true } | { failed: true } | { unavailable: true };

export interface RenderSandbox {
  render(markdown: string, runInTitle: string | undefined): Promise<SandboxResult>;
  /** Stops the worker; later renders start a new one. */
  close(): void;
}

interface Job {
  id: number;
  markdown: string;
  title: string | undefined;
  resolve: (result: SandboxResult) => void;
}

/** The compiled worker beside this file (lib/executor/ or lib/bundle/); undefined when running from the sources. */
function workerFile(): URL | undefined {
  const file = new URL('./render-worker.js', import.meta.url);
  return existsSync(fileURLToPath(file)) ? file : undefined;
}

/** Whether the sandbox can run here (the compiled worker exists). */
export function sandboxAvailable(): boolean {
  return workerFile() !== undefined;
}

/**
 * Opens a sandbox; the worker starts with the first body and runs one body
 * at a time. Undefined when the compiled worker is absent (running from the
 * TypeScript sources): the caller renders in place.
 */
export function openRenderSandbox(limitMs = RENDER_LIMIT_MS): RenderSandbox | undefined {
  const file = workerFile();
  if (!file) return undefined;
  const queue: Job[] = [];
  let worker: Worker | undefined;
  let ready = false;
  let current: { job: Job; timer: NodeJS.Timeout } | undefined;
  let next = 0;

  const finish = (result: SandboxResult) => {
    if (!current) return;
    clearTimeout(current.timer);
    const { job } = current;
    current = undefined;
    job.resolve(result);
    pump();
  };
  const stop = () => {
    const w = worker;
    worker = undefined;
    ready = false;
    if (w) void w.terminate();
  };
  const start = () => {
    const w = new Worker(file, { resourceLimits: { maxOldGenerationSizeMb: 1024 } });
    worker = w;
    w.on('message', (m: { ready?: true; id?: number; html?: string; failed?: true }) => {
      if (w !== worker) return;
      if (m.ready) {
        ready = true;
        pump();
      } else if (current && m.id === current.job.id) {
        finish(m.html !== undefined ? { html: m.html } : { failed: true });
      }
    });
    // A worker that dies (out of memory, a crash) fails the body it had; the next body gets a new worker.
    const died = () => {
      if (w !== worker) return;
      worker = undefined;
      ready = false;
      if (current) finish({ failed: true });
      else for (const job of queue.splice(0)) job.resolve({ unavailable: true });
    };
    w.on('error', died);
    w.on('exit', died);
  };
  const pump = () => {
    if (current || queue.length === 0) {
      if (!current) worker?.unref(); // an idle worker does not keep the process alive
      return;
    }
    if (!worker) start();
    worker!.ref();
    if (!ready) return;
    const job = queue.shift()!;
    const timer = setTimeout(() => {
      // Too slow: the worker is stopped mid-body, and a new one takes the next.
      stop();
      finish({ timedOut: true });
    }, limitMs);
    current = { job, timer };
    worker!.postMessage({ id: job.id, markdown: job.markdown, title: job.title });
  };

  return {
    render(markdown, title) {
      return new Promise((resolve) => {
        queue.push({ id: next++, markdown, title, resolve });
        pump();
      });
    },
    close() {
      stop();
      if (current) finish({ failed: true });
    },
  };
}
