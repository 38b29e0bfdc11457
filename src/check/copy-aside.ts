import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { unpackDiagnostics, type DiagnosticTables } from '../diagnostics/pack-diagnostics.js';
import { bodyCopyDiagnostics, type BodyText } from './copy-diagnostics.js';

/** Below this many folders to check, the copy rules run inline: a thread would cost more than it saves. */
const MIN_FOLDERS = 100;

/**
 * The copy rules over the bodies, on another thread while this one reads and
 * checks the next folders (different code, so neither thread compiles the
 * other's; measured on the 500-issue archive, they were a tenth of the
 * build's main thread). The warnings are the same as inline (check-project's
 * checkIssue); a test compares a build's with check's.
 */
export interface CopyAside {
  /** Sends a folder's bodies; their warnings come with results(). */
  send(folder: string, bodies: BodyText[]): void;
  /** The warnings of every folder sent, by folder; made here for any the thread could not do. Ends the thread. */
  results(): Promise<Map<string, Diagnostic[]>>;
  /** Ends the thread without waiting (when checking failed). */
  stop(): void;
}

/** A copy thread when there are enough folders to check and the compiled worker exists (not from sources, in tests). */
export function startCopyAside(folders: number): CopyAside | undefined {
  const file = new URL('./copy-worker.js', import.meta.url);
  if (folders < MIN_FOLDERS || !existsSync(fileURLToPath(file))) return undefined;
  const worker = new Worker(file);
  const pending = new Map<number, { folder: string; bodies: BodyText[] }>();
  const done = new Map<string, Diagnostic[]>();
  let failed = false;
  let next = 0;
  let wake: (() => void) | undefined;
  const settle = () => {
    if (wake && (pending.size === 0 || failed)) wake();
  };
  worker.on('message', ({ id, rows, tables }: { id: number; rows: Int32Array; tables: DiagnosticTables }) => {
    const sent = pending.get(id);
    if (!sent) return;
    pending.delete(id);
    done.set(sent.folder, unpackDiagnostics(rows, tables));
    settle();
  });
  const fail = () => {
    failed = true;
    settle();
  };
  worker.once('error', fail);
  worker.once('exit', fail);
  return {
    send(folder, bodies) {
      if (failed) {
        done.set(folder, bodies.flatMap(bodyCopyDiagnostics));
        return;
      }
      const id = next++;
      pending.set(id, { folder, bodies });
      worker.postMessage({ id, bodies });
    },
    async results() {
      if (pending.size > 0 && !failed) await new Promise<void>((resolve) => (wake = resolve));
      for (const { folder, bodies } of pending.values()) done.set(folder, bodies.flatMap(bodyCopyDiagnostics));
      pending.clear();
      void worker.terminate();
      return done;
    },
    stop() {
      void worker.terminate();
    },
  };
}
