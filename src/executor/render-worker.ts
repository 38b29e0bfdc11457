import { parentPort } from 'node:worker_threads';
import { createPipelineRenderer } from '../render/markdown-pipeline.js';

/**
 * The worker of render-sandbox.ts: renders one section body at a time with
 * the full Markdown pipeline and posts its HTML back. It says `ready` once
 * the pipeline is loaded, so the time limit counts rendering only.
 */
const render = createPipelineRenderer();
parentPort!.on('message', ({ id, markdown, title }: { id: number; markdown: string; title?: string }) => {
  try {
    parentPort!.postMessage({ id, html: render(markdown, title) });
  } catch {
    parentPort!.postMessage({ id, failed: true });
  }
});
parentPort!.postMessage({ ready: true });
