/**
 * Ctrl-C (SIGINT) and SIGTERM during a command that writes: registered
 * cleanups run synchronously (remove temporary folders, put the previous
 * output back, release the lock) before the process exits with 130. This is
 * the only process-wide state of yongzu, and it lives at the I/O edge.
 */
const cleanups = new Set<() => void>();
let installed = false;

/** Registers a synchronous cleanup for an interrupt; returns its unregister function. */
export function onInterrupt(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/**
 * Installs the handlers (once). `say` prints the closing line. The exit is
 * immediate: Chromium, if any, quits when its pipe to Node closes.
 */
export function handleInterrupts(say: (line: string) => void): void {
  if (installed) return;
  installed = true;
  const stop = (signal: NodeJS.Signals) => {
    for (const c of [...cleanups]) {
      try {
        c();
      } catch {
        // best effort: keep undoing the rest
      }
    }
    say(`已中断（${signal}）：输出文件夹保持原样，没有留下临时文件。`);
    process.exit(130);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
